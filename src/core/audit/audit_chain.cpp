#include "core/audit/audit_chain.h"

#include <string>

namespace lifeline {

namespace {

// Length-prefixing every field makes the encoding unambiguous: no choice of field contents can
// make two different records hash the same input.
void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string AuditRecordHash(const Digest& digest, const AuditRecord& record) {
  std::string input;
  input.reserve(256 + record.before_json.size() + record.after_json.size());
  AppendField(input, record.prev_hash);
  AppendField(input, std::to_string(record.id));
  AppendField(input, std::to_string(record.at));
  AppendField(input, record.actor_user_id ? std::to_string(*record.actor_user_id) : "");
  AppendField(input, record.actor);
  AppendField(input, record.remote_address);
  AppendField(input, record.action);
  AppendField(input, record.entity_type);
  AppendField(input, record.entity_id);
  AppendField(input, record.before_json);
  AppendField(input, record.after_json);
  return digest.Sha256Hex(input);
}

std::optional<std::string> AuditChainVerifier::Check(const AuditRecord& record) {
  if (record.id != last_id_ + 1) {
    return "row " + std::to_string(last_id_ + 1) + " is missing (next row is " +
           std::to_string(record.id) + ")";
  }
  if (record.prev_hash != last_hash_) {
    return "row " + std::to_string(record.id) + " does not link to the row before it";
  }
  if (AuditRecordHash(digest_, record) != record.hash) {
    return "row " + std::to_string(record.id) + " was changed after it was written";
  }
  last_hash_ = record.hash;
  last_id_ = record.id;
  ++checked_;
  return std::nullopt;
}

}  // namespace lifeline
