#pragma once

#include <string>
#include <string_view>

namespace lifeline {

// A cryptographic hash (SHA-256). Used to store session tokens and API keys as hashes and to
// chain the audit log; hex-encoded so the result can be stored and compared as text.
class Digest {
 public:
  virtual ~Digest() = default;
  virtual std::string Sha256Hex(std::string_view data) const = 0;
};

}  // namespace lifeline
