// An in-memory AttachmentStore for tests that exercise the services and the database without
// the file system: same hashing (libsodium SHA-256), same deduplication, counts what it holds.
#pragma once

#include <map>
#include <string>

#include "adapters/crypto/sodium.h"
#include "core/ports/attachment_store.h"

namespace lifeline::testing {

class MemoryAttachmentStore final : public AttachmentStore {
 public:
  Result<StoredContent> Put(std::string_view content) override {
    StoredContent stored{crypto::Sha256Digest().Sha256Hex(content),
                         static_cast<std::int64_t>(content.size()), false};
    stored.deduplicated = !files_.emplace(stored.sha256, std::string(content)).second;
    ++puts_;
    return stored;
  }
  Result<std::string> Get(std::string_view sha256) override {
    auto found = files_.find(std::string(sha256));
    if (found == files_.end()) return Fail(Error::NotFound("no stored content"));
    return found->second;
  }
  std::size_t size() const { return files_.size(); }
  int puts() const { return puts_; }

 private:
  std::map<std::string, std::string> files_;
  int puts_ = 0;
};

}  // namespace lifeline::testing
