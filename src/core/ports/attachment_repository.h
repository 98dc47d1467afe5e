// Attachment records (the files themselves are in an AttachmentStore). Append-only.
#pragma once

#include <cstdint>
#include <vector>

#include "core/attachments/attachment.h"
#include "core/common/error.h"

namespace lifeline {

struct AttachmentCounts {
  std::int64_t staff = 0;     // uploaded by staff
  std::int64_t customer = 0;  // uploaded through the tracking code
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  virtual Result<std::int64_t> Insert(const Attachment& attachment) = 0;
  // With the uploader's name; kNotFound when absent.
  virtual Result<Attachment> FindById(std::int64_t id) = 0;
  // Oldest first.
  virtual Result<std::vector<Attachment>> ForOrder(std::int64_t order_id) = 0;
  virtual Result<AttachmentCounts> CountForOrder(std::int64_t order_id) = 0;
};

}  // namespace lifeline
