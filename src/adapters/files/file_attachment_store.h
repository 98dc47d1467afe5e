// Attachment bytes as files under one directory (<data_dir>/attachments), named by their
// SHA-256 (libsodium's crypto_hash_sha256) in two levels of shards: ab/cd/abcd….  The same
// content is stored once. A file is written to tmp/ first, fsynced, then renamed into place and
// its directory fsynced, so a crash or an interrupted upload never leaves a half file under a
// hash name (at worst a stray file in tmp/, removed at the next start).
#pragma once

#include <filesystem>

#include "core/ports/attachment_store.h"

namespace lifeline::files {

class FileAttachmentStore final : public AttachmentStore {
 public:
  // Creates the directory (and tmp/) if needed and empties tmp/.
  [[nodiscard]] static Result<std::unique_ptr<FileAttachmentStore>> Open(
      std::filesystem::path root);

  Result<StoredContent> Put(std::string_view content) override;
  Result<std::string> Get(std::string_view sha256) override;

  // Where `sha256` lives (it need not exist).
  std::filesystem::path PathOf(std::string_view sha256) const;

 private:
  explicit FileAttachmentStore(std::filesystem::path root) : root_(std::move(root)) {}

  std::filesystem::path root_;
};

}  // namespace lifeline::files
