// Where attachment bytes live: a content-addressed store. Put hashes the content (SHA-256) and
// keeps one copy per distinct content; a Put that fails or is interrupted leaves nothing
// readable behind. Blocking: call from the worker pool, never from an I/O thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/error.h"

namespace lifeline {

struct StoredContent {
  std::string sha256;  // lowercase hex: the key
  std::int64_t size = 0;
  bool deduplicated = false;  // the same content was already stored
};

class AttachmentStore {
 public:
  virtual ~AttachmentStore() = default;
  [[nodiscard]] virtual Result<StoredContent> Put(std::string_view content) = 0;
  // kNotFound when nothing is stored under `sha256`; kInvalidArgument for a malformed key.
  [[nodiscard]] virtual Result<std::string> Get(std::string_view sha256) = 0;
};

}  // namespace lifeline
