// The hash chain over audit records: each row's hash covers its own content and the previous
// row's hash, so changing or removing any row breaks every hash after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/audit/audit_entry.h"
#include "core/ports/digest.h"

namespace lifeline {

// The hash of the first row's predecessor.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string AuditRecordHash(const Digest& digest, const AuditRecord& record);

// Feeds records in id order and reports the first one that does not fit the chain.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(const Digest& digest) : digest_(digest) {}

  // Returns a description of the problem with `record`, or nullopt if it fits.
  std::optional<std::string> Check(const AuditRecord& record);

  std::int64_t checked() const { return checked_; }
  const std::string& last_hash() const { return last_hash_; }
  std::int64_t last_id() const { return last_id_; }

 private:
  const Digest& digest_;
  std::string last_hash_{kAuditGenesisHash};
  std::int64_t last_id_ = 0;
  std::int64_t checked_ = 0;
};

}  // namespace lifeline
