// Uploads, listings and reads of work-order attachments: docs/design/attachments.md.
#include "core/attachments/attachment_service.h"

#include "core/attachments/content_sniffer.h"
#include "core/identity/auth_service.h"
#include "core/workorders/tracking_code.h"
#include "core/workorders/work_order_service.h"

namespace lifeline {

namespace {

std::string ActorName(const Principal& actor) {
  return actor.display_name.empty() ? actor.username : actor.display_name;
}

Fields AttachmentFields(const WorkOrder& order, const Attachment& a) {
  return {{"number", WorkOrderNumber(order.id, order.created_at)},
          {"state", std::string(WorkOrderStateCode(order.state))},
          {"attachment_id", a.id},
          {"name", a.name},
          {"content_type", std::string(MediaTypeCode(a.type))},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by", a.uploaded_by ? FieldValue(*a.uploaded_by) : FieldValue(nullptr)}};
}

Result<WorkOrder> OrderInScope(StoreSession& session, const Principal& actor, std::int64_t id) {
  auto order = session.WorkOrders().FindById(id);
  if (!order) return Fail(order.error());
  if (!InScope(actor, *order)) return Fail(Error::NotFound("work order not found"));
  return order;
}

Status StaffRoom(StoreSession& session, const WorkOrder& order) {
  auto counts = session.Attachments().CountForOrder(order.id);
  if (!counts) return Fail(counts.error());
  if (counts->staff >= kMaxStaffAttachmentsPerOrder) {
    return Fail(Error::Conflict("the work order already has " + std::to_string(counts->staff) +
                                " attachments, the most it takes"));
  }
  return Ok();
}

Status CustomerRoom(StoreSession& session, const WorkOrder& order) {
  if (IsFinal(order.state)) {
    return Fail(Error::Conflict("cannot add photos to a work order that is " +
                                std::string(WorkOrderStateCode(order.state))));
  }
  auto counts = session.Attachments().CountForOrder(order.id);
  if (!counts) return Fail(counts.error());
  if (counts->customer >= kMaxCustomerAttachmentsPerOrder) {
    return Fail(Error::Conflict("the customer already added " + std::to_string(counts->customer) +
                                " photos, the most allowed"));
  }
  return Ok();
}

}  // namespace

Status CheckUpload(const AttachmentUpload& upload, bool images_only) {
  const std::string accepted = images_only ? "image/jpeg, image/png or image/webp"
                                           : "image/jpeg, image/png, image/webp or application/pdf";
  auto declared = ParseMediaType(upload.content_type);
  if (!declared || (images_only && !IsImage(*declared))) {
    return Fail(Error::UnsupportedMediaType(
        "content_type",
        "Content-Type must be " + accepted + ", not '" + upload.content_type.substr(0, 100) + "'"));
  }
  if (upload.content.empty()) return Fail(Error::Invalid("content", "the file is empty"));
  if (upload.content.size() > kMaxAttachmentBytes) {
    return Fail(Error::TooLarge("a file may have at most 10 MiB"));
  }
  const auto actual = SniffMediaType(upload.content);
  if (actual != declared) {
    return Fail(Error::UnsupportedMediaType(
        "content_type",
        "the content is not " + std::string(MediaTypeCode(*declared)) +
            (actual ? " but " + std::string(MediaTypeCode(*actual)) : " nor any accepted type")));
  }
  return Ok();
}

Status CheckAttacher(const Principal& actor, const WorkOrder& order) {
  if (actor.Can(Permission::kWorkOrderCreate) || actor.Can(Permission::kWorkOrderDispatch)) {
    return Ok();
  }
  if (!actor.Can(Permission::kWorkOrderHandle)) {
    return Fail(Error::Forbidden("permission required: workorders:create"));
  }
  if (!order.assignee_id || *order.assignee_id != actor.user_id) {
    return Fail(Error::Forbidden("only the assignee may add files to this work order"));
  }
  return Ok();
}

// The record, the history row, the audit entry and the event, once `admit` agrees.
Result<Attachment> AttachmentService::Record(
    std::int64_t order_id, const Uploader& uploader, const AttachmentUpload& upload,
    const StoredContent& stored, FunctionRef<Status(StoreSession&, const WorkOrder&)> admit) {
  Attachment a;
  a.name = SanitizeFileName(upload.name);
  a.type = *ParseMediaType(upload.content_type);
  a.size = stored.size;
  a.sha256 = stored.sha256;
  a.uploaded_by = uploader.user_id;
  a.uploaded_by_name = uploader.name;
  Status written = store_.Write([&](StoreSession& session) -> Status {
    auto order = session.WorkOrders().FindById(order_id);
    if (!order) return Fail(order.error());
    if (auto s = admit(session, *order); !s) return s;
    a.order_id = order->id;
    a.uploaded_at = clock_.NowMs();
    auto id = session.Attachments().Insert(a);
    if (!id) return Fail(id.error());
    a.id = *id;
    WorkOrderTransition t;
    t.order_id = order->id;
    t.at = a.uploaded_at;
    t.actor_id = uploader.user_id.value_or(0);
    t.actor_name = uploader.name;
    t.action = "attach";
    t.from_state = t.to_state = order->state;
    t.note = a.name;
    t.department_id = order->department_id;
    t.assignee_id = order->assignee_id;
    if (auto h = session.WorkOrders().AppendTransition(t); !h) return Fail(h.error());
    const Fields fields = AttachmentFields(*order, a);
    if (auto s = session.Audit().Append(
            uploader.audit,
            {"workorder.attach", "work_order", std::to_string(order->id), {}, fields},
            a.uploaded_at);
        !s) {
      return s;
    }
    session.Events().Emit({"workorder", "workorder.attachment_added",
                           "workorder/" + std::to_string(order->id), fields});
    return Ok();
  });
  if (!written) return Fail(written.error());
  return a;
}

Result<Attachment> AttachmentService::Upload(const Principal& actor, std::int64_t order_id,
                                             const AttachmentUpload& upload) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  if (auto s = CheckUpload(upload, false); !s) return Fail(s.error());
  auto admit = [&](StoreSession& session, const WorkOrder& order) -> Status {
    if (!InScope(actor, order)) return Fail(Error::NotFound("work order not found"));
    if (auto s = CheckAttacher(actor, order); !s) return s;
    return StaffRoom(session, order);
  };
  // Refuse before writing a file when the answer is already no.
  Status admitted = store_.Read([&](StoreSession& session) -> Status {
    auto order = OrderInScope(session, actor, order_id);
    if (!order) return Fail(order.error());
    return admit(session, *order);
  });
  if (!admitted) return Fail(admitted.error());
  auto stored = files_.Put(upload.content);
  if (!stored) return Fail(stored.error());
  return Record(order_id, {actor.user_id, ActorName(actor), ActorOf(actor)}, upload, *stored,
                admit);
}

Result<Attachment> AttachmentService::UploadByCustomer(std::string_view tracking_code,
                                                       const AttachmentUpload& upload,
                                                       std::string_view remote_address) {
  auto code = NormalizeTrackingCode(tracking_code);
  if (!code) return Fail(Error::NotFound("no work order with this tracking code"));
  if (auto s = CheckUpload(upload, true); !s) return Fail(s.error());
  std::int64_t order_id = 0;
  Status admitted = store_.Read([&](StoreSession& session) -> Status {
    auto order = session.WorkOrders().FindByTrackingCode(*code);
    if (!order) return Fail(order.error());
    order_id = order->id;
    return CustomerRoom(session, *order);
  });
  if (!admitted) return Fail(admitted.error());
  auto stored = files_.Put(upload.content);
  if (!stored) return Fail(stored.error());
  const Uploader customer{std::nullopt,
                          std::string(kCustomerUploaderName),
                          {std::nullopt, "customer", std::string(remote_address)}};
  auto admit = [](StoreSession& session, const WorkOrder& order) {
    return CustomerRoom(session, order);
  };
  return Record(order_id, customer, upload, *stored, admit);
}

Result<std::vector<Attachment>> AttachmentService::List(const Principal& actor,
                                                        std::int64_t order_id) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  std::vector<Attachment> items;
  Status read = store_.Read([&](StoreSession& session) -> Status {
    auto order = OrderInScope(session, actor, order_id);
    if (!order) return Fail(order.error());
    auto found = session.Attachments().ForOrder(order_id);
    if (!found) return Fail(found.error());
    items = std::move(*found);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return items;
}

Result<AttachmentContent> AttachmentService::Open(const Principal& actor,
                                                  std::int64_t attachment_id) {
  if (auto s = actor.Require(Permission::kWorkOrderRead); !s) return Fail(s.error());
  AttachmentContent content;
  Status audited = store_.Write([&](StoreSession& session) -> Status {
    auto found = session.Attachments().FindById(attachment_id);
    if (!found) return Fail(found.error());
    auto order = OrderInScope(session, actor, found->order_id);
    if (!order) {
      if (order.error().code == ErrorCode::kNotFound) {
        return Fail(Error::NotFound("attachment not found"));
      }
      return Fail(order.error());
    }
    content.attachment = std::move(*found);
    const Fields fields{{"order_id", order->id},
                        {"name", content.attachment.name},
                        {"sha256", content.attachment.sha256}};
    return session.Audit().Append(
        ActorOf(actor),
        {"attachment.read", "attachment", std::to_string(attachment_id), {}, fields},
        clock_.NowMs());
  });
  if (!audited) return Fail(audited.error());
  auto bytes = files_.Get(content.attachment.sha256);
  if (!bytes) {
    if (bytes.error().code == ErrorCode::kNotFound) {
      return Fail(Error::Internal("attachment " + std::to_string(attachment_id) +
                                  " has no stored content"));
    }
    return Fail(bytes.error());
  }
  content.bytes = std::move(*bytes);
  return content;
}

}  // namespace lifeline
