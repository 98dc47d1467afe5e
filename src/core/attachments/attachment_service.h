// Attaching photos and documents to work orders, listing them, and reading them back, under the
// order's access rules. The bytes go to the AttachmentStore (by content hash, deduplicated)
// before the unit of work that records them; the record, the order's `attach` history row, the
// audit entry and `workorder.attachment_added` commit together. Reads are audited.
// Design: docs/design/attachments.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachments/attachment.h"
#include "core/common/error.h"
#include "core/common/function_ref.h"
#include "core/identity/principal.h"
#include "core/ports/attachment_store.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/workorders/work_order.h"

namespace lifeline {

struct AttachmentUpload {
  std::string name;          // as sent; sanitised by the service
  std::string content_type;  // the declared Content-Type
  std::string_view content;
};

struct AttachmentContent {
  Attachment attachment;
  std::string bytes;
};

class AttachmentService {
 public:
  AttachmentService(Store& store, AttachmentStore& files, const Clock& clock)
      : store_(store), files_(files), clock_(clock) {}

  // Staff: whoever may read the order and has workorders:create or workorders:dispatch, or is
  // its assignee with workorders:handle. At most kMaxStaffAttachmentsPerOrder per order.
  [[nodiscard]] Result<Attachment> Upload(const Principal& actor, std::int64_t order_id,
                                          const AttachmentUpload& upload);
  // The customer, with the tracking code and no login: images only, at most
  // kMaxCustomerAttachmentsPerOrder, only while the order is not closed, cancelled or merged.
  [[nodiscard]] Result<Attachment> UploadByCustomer(std::string_view tracking_code,
                                                    const AttachmentUpload& upload,
                                                    std::string_view remote_address);
  // kNotFound when the order is absent or outside the caller's scope.
  [[nodiscard]] Result<std::vector<Attachment>> List(const Principal& actor, std::int64_t order_id);
  // The bytes, with an audit entry for the access; kNotFound outside the order's scope.
  [[nodiscard]] Result<AttachmentContent> Open(const Principal& actor, std::int64_t attachment_id);

 private:
  struct Uploader {
    std::optional<std::int64_t> user_id;
    std::string name;
    AuditActor audit;
  };
  Result<Attachment> Record(std::int64_t order_id, const Uploader& uploader,
                            const AttachmentUpload& upload, const StoredContent& stored,
                            FunctionRef<Status(StoreSession&, const WorkOrder&)> admit);

  Store& store_;
  AttachmentStore& files_;
  const Clock& clock_;
};

// Shape and type checks that need neither the order nor the store: a declared type we accept
// (415 naming content_type otherwise), content that is not empty and at most
// kMaxAttachmentBytes (413), and bytes whose magic number matches the declared type (415).
Status CheckUpload(const AttachmentUpload& upload, bool images_only);

// Whether `actor` may attach files to `order` (already known to be within their scope).
Status CheckAttacher(const Principal& actor, const WorkOrder& order);

}  // namespace lifeline
