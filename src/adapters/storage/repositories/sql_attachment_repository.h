// Attachment records over SQL (work_order_attachments, migration 009). The bytes are not here:
// see adapters/files/file_attachment_store.h.
#pragma once

#include "adapters/storage/db.h"
#include "core/ports/attachment_repository.h"

namespace lifeline::storage {

class SqlAttachmentRepository final : public AttachmentRepository {
 public:
  explicit SqlAttachmentRepository(Connection& connection) : connection_(connection) {}
  Result<std::int64_t> Insert(const Attachment& attachment) override;
  Result<Attachment> FindById(std::int64_t id) override;
  Result<std::vector<Attachment>> ForOrder(std::int64_t order_id) override;
  Result<AttachmentCounts> CountForOrder(std::int64_t order_id) override;

 private:
  Connection& connection_;
};

}  // namespace lifeline::storage
