#include "core/audit/audit_chain.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace lifeline {
namespace {

// Not cryptographic, but a deterministic function of the input is all the chain logic needs.
class ToyDigest final : public Digest {
 public:
  std::string Sha256Hex(std::string_view data) const override {
    return std::to_string(std::hash<std::string_view>{}(data));
  }
};

std::vector<AuditRecord> Chain(const Digest& digest, int rows) {
  std::vector<AuditRecord> records;
  std::string prev(kAuditGenesisHash);
  for (int i = 1; i <= rows; ++i) {
    AuditRecord r;
    r.id = i;
    r.at = 1000 * i;
    r.actor = "admin";
    r.action = "user.create";
    r.entity_type = "user";
    r.entity_id = std::to_string(i);
    r.after_json = R"({"username":"u)" + std::to_string(i) + R"("})";
    r.prev_hash = prev;
    r.hash = AuditRecordHash(digest, r);
    prev = r.hash;
    records.push_back(r);
  }
  return records;
}

std::optional<std::string> Verify(const Digest& digest, const std::vector<AuditRecord>& records) {
  AuditChainVerifier verifier(digest);
  for (const AuditRecord& r : records) {
    if (auto problem = verifier.Check(r)) return problem;
  }
  return std::nullopt;
}

TEST(AuditChain, AnIntactChainVerifies) {
  ToyDigest digest;
  EXPECT_EQ(Verify(digest, Chain(digest, 5)), std::nullopt);
}

TEST(AuditChain, AnEditedRowIsFound) {
  ToyDigest digest;
  auto records = Chain(digest, 5);
  records[2].after_json = R"({"username":"mallory"})";
  auto problem = Verify(digest, records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("row 3"), std::string::npos);
}

TEST(AuditChain, ADeletedRowIsFound) {
  ToyDigest digest;
  auto records = Chain(digest, 5);
  records.erase(records.begin() + 1);
  auto problem = Verify(digest, records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("row 2 is missing"), std::string::npos);
}

TEST(AuditChain, ARewrittenRowWithAFreshHashStillBreaksTheNextLink) {
  ToyDigest digest;
  auto records = Chain(digest, 5);
  records[1].actor = "mallory";
  records[1].hash = AuditRecordHash(digest, records[1]);
  auto problem = Verify(digest, records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("row 3"), std::string::npos);
}

}  // namespace
}  // namespace lifeline
