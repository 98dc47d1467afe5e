#pragma once

#include <string>
#include <string_view>

namespace lifeline {

// Slow, salted password hashing (Argon2id). Both calls take tens of milliseconds by design:
// callers run them on a worker thread and never inside a database transaction.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual std::string Hash(std::string_view password) const = 0;
  virtual bool Verify(std::string_view encoded_hash, std::string_view password) const = 0;
};

}  // namespace lifeline
