#include "core/portal/portal_service.h"

#include <algorithm>

#include "core/common/utf8.h"
#include "core/customers/holder_check.h"
#include "core/customers/masking.h"
#include "core/customers/phone_number.h"

namespace lifeline {

namespace {

constexpr TimeMs kReportWindow = kDayMs;

Status CheckDescription(std::string_view description) {
  const std::size_t chars = DecodeUtf8(description).size();
  if (chars == 0 || chars > kPortalDescriptionMaxChars) {
    return Fail(Error::Invalid("description", "describe the problem in 1 to 500 characters"));
  }
  return Ok();
}

// The district and the community the account's premise lies in ("江北区 锦绣花园"): enough for
// the customer to recognise the account, too little to find the door.
Result<std::string> CoarseAddress(StoreSession& session, const Account& account) {
  auto path = session.Topology().PathOf(account.premise_id);
  if (!path) return Fail(path.error());
  std::string district;
  std::string community;
  for (std::int64_t id : path->node_ids) {
    auto node = session.Topology().FindNode(id);
    if (!node) return Fail(node.error());
    if (node->kind == NodeKind::kDistrict) district = node->name;
    if (node->kind == NodeKind::kCommunity) community = node->name;
  }
  if (community.empty()) return district;
  return district.empty() ? community : district + " " + community;
}

}  // namespace

Principal PortalService::Actor() {
  return Principal::Portal("客户自助", {Permission::kWorkOrderRead, Permission::kWorkOrderCreate,
                                        Permission::kCustomerWrite});
}

bool PortalService::CustomerMayReport(WorkOrderType type) {
  switch (type) {
    case WorkOrderType::kRepair:
    case WorkOrderType::kComplaint:
    case WorkOrderType::kConsultation:
    case WorkOrderType::kSuggestion:
    case WorkOrderType::kPraise:
    case WorkOrderType::kHelp:
      return true;
    case WorkOrderType::kSupervision:
    case WorkOrderType::kTransfer12345:
    case WorkOrderType::kInstallation:
    case WorkOrderType::kAppointment:
      return false;
  }
  return false;
}

Status PortalService::CheckDailyLimit(StoreSession& session, const Customer& customer,
                                      const Account& account) const {
  auto recent = session.Interactions().ForCustomer(customer.id, 50);
  if (!recent) return Fail(recent.error());
  const TimeMs since = clock_.NowMs() - kReportWindow;
  const auto reported = std::ranges::count_if(*recent, [&](const Interaction& i) {
    return i.channel == Channel::kPortal && i.account_id == account.id && i.started_at >= since;
  });
  if (reported >= kPortalReportsPerDay) {
    return Fail({ErrorCode::kRateLimited,
                 "this account has reported " + std::to_string(kPortalReportsPerDay) +
                     " problems online in the last 24 hours; please call the hotline",
                 {}});
  }
  return Ok();
}

Result<PortalReceipt> PortalService::Report(const PortalReport& report) {
  if (!IsPhoneLast4(report.phone_last4)) {
    return Fail(Error::Invalid("phone_last4", "the last four digits of the holder's phone"));
  }
  if (!CustomerMayReport(report.type)) {
    return Fail(Error::Invalid("type", "not a type a customer reports"));
  }
  if (auto s = CheckDescription(report.description); !s) return Fail(s.error());
  std::string callback_phone;
  if (!report.contact_phone.empty()) {
    auto normalized = NormalizePhone(report.contact_phone);
    if (!normalized) return Fail(Error::Invalid("contact_phone", normalized.error().message));
    callback_phone = std::move(*normalized);
  }
  const auto tree = Categories();
  const Category* category = tree->Find(report.category);
  if (category == nullptr) {
    return Fail(Error::Invalid("category", "unknown category: " + report.category));
  }
  const Principal portal = Actor();
  PortalReceipt receipt;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto holder = VerifyHolder(session, report.account_no, report.phone_last4);
    if (!holder) return Fail(holder.error());
    if (auto s = CheckDailyLimit(session, holder->customer, holder->account); !s) return s;
    Interaction contact;
    contact.channel = Channel::kPortal;
    contact.direction = Direction::kInbound;
    contact.customer_id = holder->customer.id;
    contact.account_id = holder->account.id;
    contact.summary = "网上报修：" + category->name + "。" + report.description;
    if (auto s = interactions_.RecordIn(session, portal, contact); !s) return s;
    NewWorkOrder draft;
    draft.type = report.type;
    draft.category = report.category;
    draft.title = "网上报修：" + category->name;
    draft.description = report.description;
    draft.customer_id = holder->customer.id;
    draft.account_id = holder->account.id;
    draft.interaction_id = contact.id;
    draft.contact_name = holder->customer.name;
    draft.contact_phone = callback_phone.empty() && !holder->customer.phones.empty()
                              ? holder->customer.phones.front()
                              : callback_phone;
    auto order = orders_.CreateIn(session, portal, draft);
    if (!order) {
      // The account decides the utility: say so on the field the customer chose.
      if (order.error().field == "account_id") {
        return Fail(Error::Invalid("category", order.error().message));
      }
      return Fail(order.error());
    }
    receipt = {WorkOrderNumber(order->id, order->created_at), order->tracking_code, order->state,
               order->category, order->created_at};
    return Ok();
  });
  if (!written) return Fail(written.error());
  return receipt;
}

Result<PortalBill> PortalService::Bill(std::string_view account_no, std::string_view phone_last4) {
  if (!IsPhoneLast4(phone_last4)) {
    return Fail(Error::Invalid("phone_last4", "the last four digits of the holder's phone"));
  }
  PortalBill bill;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto holder = VerifyHolder(session, account_no, phone_last4);
    if (!holder) return Fail(holder.error());
    auto address = CoarseAddress(session, holder->account);
    if (!address) return Fail(address.error());
    bill.utility = holder->account.utility;
    bill.holder = MaskName(holder->customer.name);
    bill.address = std::move(*address);
    return Ok();
  });
  if (!read) return Fail(read.error());
  // Outside the transaction: the billing system may be slow, and no connection is held for it.
  auto snapshot = billing_.Snapshot(account_no);
  if (!snapshot) return Fail(snapshot.error());
  bill.billing = std::move(*snapshot);
  return bill;
}

}  // namespace lifeline
