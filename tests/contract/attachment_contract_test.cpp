// Issue 3's remaining work-order parts on both backends: attachments (the record, its history
// row, audit and event in one unit of work; who may attach; scope; limits; lying types; the
// customer's photos by tracking code), the customer's rating from the tracking page, and the
// link from an order to the contact that created it.
#include <gmock/gmock.h>

#include "adapters/storage/sql_city_loader.h"
#include "core/attachments/attachment_service.h"
#include "core/demo/demo_city.h"
#include "core/interactions/interaction_service.h"
#include "core/workorders/work_order_service.h"
#include "tests/contract/backend_test.h"
#include "tests/support/memory_attachment_store.h"

namespace lifeline::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using A = WorkOrderAction;

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01", 24);
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
const std::string kPdf("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");

class AttachmentContract : public BackendTest {
 protected:
  void SetUp() override {
    storage::SqlCityLoader loader(database.db(), services.cipher);
    ASSERT_TRUE(demo::GenerateDemoCity({.customers = 40, .as_of = services.clock.NowMs()}, loader)
                    .has_value());
    ASSERT_TRUE(loader.Finish().has_value());
    company_ = services.AddCompany("att-co");
    agent_ = PrincipalOf(services.AddUser("agent", Role::kAgent, company_.id));
    dispatcher_ = PrincipalOf(services.AddUser("dispatcher", Role::kDispatcher, company_.id));
    technician_ = PrincipalOf(services.AddUser("tech", Role::kTechnician, company_.id));
    other_tech_ = PrincipalOf(services.AddUser("tech2", Role::kTechnician, company_.id));
    ASSERT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto customer = session.Customers().FindById(1);
                      if (!customer) return Fail(customer.error());
                      customer_ = std::move(*customer);
                      auto second = session.Customers().FindById(2);
                      if (!second) return Fail(second.error());
                      other_customer_ = std::move(*second);
                      return Ok();
                    })
                    .has_value());
  }

  static Principal PrincipalOf(const User& user) {
    Principal p;
    p.user_id = user.id;
    p.username = user.username;
    p.display_name = user.display_name;
    p.role = user.role;
    p.org_unit_id = user.org_unit_id;
    p.permissions = RolePermissions(user.role);
    return p;
  }

  // A question answered on the call: no visit, so the agent may resolve it at once. On the
  // customer's first account, so it has that account's district.
  WorkOrder Created(std::optional<std::int64_t> interaction_id = std::nullopt) {
    auto created = orders.Create(agent_, {.type = WorkOrderType::kConsultation,
                                          .category = "general.consultation",
                                          .title = "咨询水费",
                                          .customer_id = customer_.id,
                                          .account_id = customer_.accounts.front().id,
                                          .interaction_id = interaction_id,
                                          .contact_name = "张先生"});
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created.value_or(WorkOrder{});
  }

  std::vector<StoredEvent> Events(std::string_view type) {
    std::vector<StoredEvent> events;
    EXPECT_TRUE(services.store
                    .Read([&](StoreSession& session) -> Status {
                      auto read = session.Events().ReadAfter(0, {"workorder"}, 1000);
                      if (!read) return Fail(read.error());
                      for (auto& e : *read) {
                        if (e.type == type) events.push_back(std::move(e));
                      }
                      return Ok();
                    })
                    .has_value());
    return events;
  }

  std::vector<AuditRecord> Audited(const std::string& action) {
    auto found = services.audit.Search(Principal::System(), {.action_prefix = action});
    EXPECT_TRUE(found.has_value());
    return found.value_or(std::vector<AuditRecord>{});
  }

  MemoryAttachmentStore files;
  WorkOrderService orders{services.store, services.clock, services.random};
  AttachmentService attachments{services.store, files, services.clock};
  InteractionService interactions{services.store, services.clock};
  OrgUnit company_;
  Principal agent_;
  Principal dispatcher_;
  Principal technician_;
  Principal other_tech_;
  Customer customer_;
  Customer other_customer_;
};

TEST_P(AttachmentContract, AnUploadWritesRecordHistoryAuditAndEventTogether) {
  const WorkOrder order = Created();
  auto uploaded = attachments.Upload(agent_, order.id, {"../现场/照片.png", "image/png", kPng});
  ASSERT_TRUE(uploaded) << uploaded.error().message;
  EXPECT_GT(uploaded->id, 0);
  EXPECT_EQ(uploaded->order_id, order.id);
  EXPECT_EQ(uploaded->name, "照片.png") << "no path components";
  EXPECT_EQ(uploaded->type, MediaType::kPng);
  EXPECT_EQ(uploaded->size, static_cast<std::int64_t>(kPng.size()));
  EXPECT_EQ(uploaded->sha256, services.digest.Sha256Hex(kPng));
  EXPECT_EQ(uploaded->uploaded_by, agent_.user_id);

  auto listed = attachments.List(dispatcher_, order.id);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "照片.png");
  EXPECT_EQ((*listed)[0].uploaded_by_name, agent_.display_name);

  auto detail = orders.Get(agent_, order.id);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->history.size(), 2u);
  EXPECT_EQ(detail->history[1].action, "attach");
  EXPECT_EQ(detail->history[1].from_state, WorkOrderState::kAccepted);
  EXPECT_EQ(detail->history[1].to_state, WorkOrderState::kAccepted) << "no state change";
  EXPECT_EQ(detail->history[1].note, "照片.png");
  EXPECT_EQ(detail->order.version, order.version) << "an attachment is not an edit";
  EXPECT_EQ(Events("workorder.attachment_added").size(), 1u);
  EXPECT_EQ(Audited("workorder.attach").size(), 1u);
}

TEST_P(AttachmentContract, ContentRoundTripsAndEveryReadIsAudited) {
  const WorkOrder order = Created();
  auto pdf = attachments.Upload(dispatcher_, order.id, {"工单.pdf", "application/pdf", kPdf});
  ASSERT_TRUE(pdf) << pdf.error().message;
  for (int i = 0; i < 2; ++i) {
    auto opened = attachments.Open(agent_, pdf->id);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened->bytes, kPdf);
    EXPECT_EQ(opened->attachment.type, MediaType::kPdf);
  }
  EXPECT_EQ(Audited("attachment.read").size(), 2u);
  EXPECT_EQ(attachments.Open(agent_, 999'999).error().code, ErrorCode::kNotFound);
}

TEST_P(AttachmentContract, TheSameFileTwiceIsTwoRecordsOverOneStoredCopy) {
  const WorkOrder order = Created();
  ASSERT_TRUE(attachments.Upload(agent_, order.id, {"a.jpg", "image/jpeg", kJpeg}));
  ASSERT_TRUE(attachments.Upload(agent_, order.id, {"b.jpg", "image/jpeg", kJpeg}));
  EXPECT_EQ(attachments.List(agent_, order.id)->size(), 2u);
  EXPECT_EQ(files.size(), 1u);
}

TEST_P(AttachmentContract, LyingOrUnknownTypesAreRefusedAndNothingIsStored) {
  const WorkOrder order = Created();
  auto lie = attachments.Upload(agent_, order.id, {"x.png", "image/png", "<script>1</script>"});
  ASSERT_FALSE(lie);
  EXPECT_EQ(lie.error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(lie.error().field, "content_type");
  auto svg = attachments.Upload(agent_, order.id, {"x.svg", "image/svg+xml", "<svg/>"});
  EXPECT_EQ(svg.error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(files.puts(), 0);
  EXPECT_TRUE(attachments.List(agent_, order.id)->empty());
  EXPECT_EQ(orders.Get(agent_, order.id)->history.size(), 1u);
}

TEST_P(AttachmentContract, TechniciansAttachToTheirOwnOrdersOnly) {
  const WorkOrder order = Created();
  auto early = attachments.Upload(technician_, order.id, {"a.jpg", "image/jpeg", kJpeg});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(orders.Act(dispatcher_, order.id,
                         {.action = A::kAssign, .assignee_id = technician_.user_id}));
  EXPECT_TRUE(attachments.Upload(technician_, order.id, {"a.jpg", "image/jpeg", kJpeg}));
  auto other = attachments.Upload(other_tech_, order.id, {"b.jpg", "image/jpeg", kJpeg});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(files.puts(), 1) << "a refused upload writes no file";
}

TEST_P(AttachmentContract, OutsideTheDataScopeTheOrderAndItsFilesDoNotExist) {
  const WorkOrder order = Created();
  ASSERT_TRUE(order.district_id.has_value());
  auto uploaded = attachments.Upload(agent_, order.id, {"a.jpg", "image/jpeg", kJpeg});
  ASSERT_TRUE(uploaded);
  Principal elsewhere = agent_;
  elsewhere.scope = DataScope::Districts({*order.district_id + 100'000});
  EXPECT_EQ(attachments.Upload(elsewhere, order.id, {"b.jpg", "image/jpeg", kJpeg}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(attachments.List(elsewhere, order.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(attachments.Open(elsewhere, uploaded->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Audited("attachment.read").size(), 0u) << "a refused read is not a read";
}

TEST_P(AttachmentContract, AnOrderTakesTwentyFilesFromStaff) {
  const WorkOrder order = Created();
  for (std::int64_t i = 0; i < kMaxStaffAttachmentsPerOrder; ++i) {
    ASSERT_TRUE(attachments.Upload(agent_, order.id, {"a.jpg", "image/jpeg", kJpeg})) << i;
  }
  auto full = attachments.Upload(agent_, order.id, {"a.jpg", "image/jpeg", kJpeg});
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);
}

TEST_P(AttachmentContract, CustomersAddUpToFivePhotosByTrackingCode) {
  const WorkOrder order = Created();
  const std::string code = FormatTrackingCode(order.tracking_code);
  auto pdf = attachments.UploadByCustomer(code, {"a.pdf", "application/pdf", kPdf}, "10.0.0.9");
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnsupportedMediaType) << "images only";
  for (std::int64_t i = 0; i < kMaxCustomerAttachmentsPerOrder; ++i) {
    auto photo = attachments.UploadByCustomer(code, {"漏水.jpg", "image/jpeg", kJpeg}, "10.0.0.9");
    ASSERT_TRUE(photo) << photo.error().message;
    EXPECT_FALSE(photo->uploaded_by.has_value());
  }
  EXPECT_EQ(
      attachments.UploadByCustomer(code, {"6.jpg", "image/jpeg", kJpeg}, "10.0.0.9").error().code,
      ErrorCode::kConflict);
  EXPECT_TRUE(attachments.Upload(agent_, order.id, {"staff.png", "image/png", kPng}))
      << "staff have their own allowance";
  auto listed = attachments.List(agent_, order.id);
  EXPECT_EQ(listed->front().uploaded_by_name, "客户");
  auto detail = orders.Get(agent_, order.id);
  EXPECT_EQ(detail->history.back().action, "attach");
  EXPECT_EQ(detail->history[1].actor_name, "客户");
  EXPECT_EQ(attachments.UploadByCustomer("NOPE", {"a.jpg", "image/jpeg", kJpeg}, "").error().code,
            ErrorCode::kNotFound);
}

TEST_P(AttachmentContract, CustomersCannotAddPhotosToAClosedOrder) {
  const WorkOrder order = Created();
  ASSERT_TRUE(orders.Act(agent_, order.id, {.action = A::kResolve}));
  ASSERT_TRUE(orders.Act(agent_, order.id, {.action = A::kClose, .satisfaction = 5}));
  auto late = attachments.UploadByCustomer(order.tracking_code, {"a.jpg", "image/jpeg", kJpeg}, "");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_THAT(late.error().message, HasSubstr("closed"));
}

TEST_P(AttachmentContract, TheCustomerRatesOnceAfterResolutionWithoutClosingTheOrder) {
  const WorkOrder order = Created();
  auto early = orders.Rate(order.tracking_code, {.satisfaction = 5}, "10.0.0.9");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  EXPECT_THAT(early.error().message, HasSubstr("accepted"));
  ASSERT_TRUE(orders.Act(agent_, order.id, {.action = A::kResolve}));

  services.clock.Advance(kMinuteMs);
  auto rated = orders.Rate(FormatTrackingCode(order.tracking_code),
                           {.satisfaction = 2, .comment = "等了很久"}, "10.0.0.9");
  ASSERT_TRUE(rated) << rated.error().message;
  EXPECT_EQ(rated->rated_at, services.clock.NowMs());
  EXPECT_EQ(rated->state, WorkOrderState::kResolved) << "rating does not close the order";

  auto detail = orders.Get(agent_, order.id);
  ASSERT_TRUE(detail);
  ASSERT_TRUE(detail->rating.has_value());
  EXPECT_EQ(detail->rating->satisfaction, 2);
  EXPECT_EQ(detail->rating->comment, "等了很久");
  EXPECT_TRUE(detail->order.needs_review) << "two or less is flagged";
  EXPECT_EQ(detail->order.state, WorkOrderState::kResolved);
  EXPECT_EQ(detail->history.back().action, "rate");
  EXPECT_EQ(detail->history.back().actor_name, "客户");
  EXPECT_EQ(detail->history.back().satisfaction, 2);
  EXPECT_EQ(Events("workorder.rated").size(), 1u);
  auto audited = Audited("workorder.rate");
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].remote_address, "10.0.0.9");

  auto twice = orders.Rate(order.tracking_code, {.satisfaction = 5}, "10.0.0.9");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(orders.Get(agent_, order.id)->rating->satisfaction, 2) << "the first one stands";
  EXPECT_TRUE(orders.Track(order.tracking_code)->rated_at.has_value());
  EXPECT_TRUE(orders.Act(agent_, order.id, {.action = A::kClose, .satisfaction = 3}))
      << "the callback still closes it";
}

TEST_P(AttachmentContract, AGoodRatingFlagsNothingAndBadInputIsRefused) {
  const WorkOrder order = Created();
  ASSERT_TRUE(orders.Act(agent_, order.id, {.action = A::kResolve}));
  EXPECT_EQ(orders.Rate(order.tracking_code, {.satisfaction = 6}, "").error().field,
            "satisfaction");
  EXPECT_EQ(orders.Rate("0000-0000-0000", {.satisfaction = 5}, "").error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(orders.Rate(order.tracking_code, {.satisfaction = 4}, ""));
  EXPECT_FALSE(orders.Get(agent_, order.id)->order.needs_review);
}

TEST_P(AttachmentContract, AnOrderNamesAContactOfItsOwnCustomerAndTheContactListsIt) {
  auto call = [](std::int64_t customer_id, std::string summary) {
    Interaction i;
    i.customer_id = customer_id;
    i.summary = std::move(summary);
    return i;
  };
  auto contact = interactions.Record(agent_, call(customer_.id, "来电咨询水费"));
  ASSERT_TRUE(contact) << contact.error().message;
  auto strangers = interactions.Record(agent_, call(other_customer_.id, "另一位客户"));
  ASSERT_TRUE(strangers);

  const WorkOrder order = Created(contact->id);
  EXPECT_EQ(order.interaction_id, contact->id);
  auto wrong = orders.Create(agent_, {.type = WorkOrderType::kConsultation,
                                      .category = "general.consultation",
                                      .title = "x",
                                      .customer_id = customer_.id,
                                      .interaction_id = strangers->id});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "interaction_id");
  auto unknown = orders.Create(agent_, {.type = WorkOrderType::kConsultation,
                                        .category = "general.consultation",
                                        .title = "x",
                                        .customer_id = customer_.id,
                                        .interaction_id = 999'999});
  EXPECT_EQ(unknown.error().field, "interaction_id");

  auto timeline = interactions.Timeline(agent_, customer_.id, 50);
  ASSERT_TRUE(timeline);
  auto it = std::ranges::find(*timeline, contact->id, &Interaction::id);
  ASSERT_NE(it, timeline->end());
  ASSERT_EQ(it->work_orders.size(), 1u);
  EXPECT_EQ(it->work_orders[0].id, order.id);
  EXPECT_EQ(it->work_orders[0].state, WorkOrderState::kAccepted);
  auto one = interactions.Get(agent_, contact->id);
  ASSERT_TRUE(one) << one.error().message;
  ASSERT_EQ(one->work_orders.size(), 1u);
  EXPECT_EQ(one->work_orders[0].id, order.id);
  EXPECT_TRUE(interactions.Get(agent_, strangers->id)->work_orders.empty());
}

LIFELINE_ON_BOTH_BACKENDS(AttachmentContract);

}  // namespace
}  // namespace lifeline::testing
