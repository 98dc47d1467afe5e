// Reading the audit log and verifying its hash chain (`lifeline audit verify`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/identity/principal.h"
#include "core/ports/audit_repository.h"
#include "core/ports/digest.h"
#include "core/ports/store.h"

namespace lifeline {

struct AuditVerification {
  std::int64_t rows_checked = 0;
  std::optional<std::string> problem;  // the first break in the chain; empty when intact
  bool intact() const { return !problem.has_value(); }
};

class AuditService {
 public:
  AuditService(Store& store, const Digest& digest) : store_(store), digest_(digest) {}

  [[nodiscard]] Result<std::vector<AuditRecord>> Search(const Principal& principal,
                                                        AuditQuery query);
  [[nodiscard]] Result<AuditVerification> Verify();

 private:
  Store& store_;
  const Digest& digest_;
};

}  // namespace lifeline
