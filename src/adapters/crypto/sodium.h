// libsodium-backed implementations of the core's crypto ports. Call InitSodium() once at start
// (it is idempotent and thread-safe).
#pragma once

#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/ports/digest.h"
#include "core/ports/password_hasher.h"
#include "core/ports/secure_random.h"

namespace lifeline::crypto {

[[nodiscard]] Status InitSodium();

// How much work Argon2id does per password. Production uses kInteractive (libsodium's
// recommendation for logins: 64 MiB, ~0.1 s); tests and the demo fixture may use kMinimum.
enum class PasswordCost { kInteractive, kModerate, kMinimum };

class SodiumPasswordHasher final : public PasswordHasher {
 public:
  explicit SodiumPasswordHasher(PasswordCost cost) : cost_(cost) {}
  std::string Hash(std::string_view password) const override;
  bool Verify(std::string_view encoded_hash, std::string_view password) const override;

 private:
  PasswordCost cost_;
};

class SodiumRandom final : public SecureRandom {
 public:
  std::string Token(int bytes) override;
};

class Sha256Digest final : public Digest {
 public:
  std::string Sha256Hex(std::string_view data) const override;
};

std::string ToHex(std::string_view bytes);
std::string Base64Url(std::string_view bytes);

}  // namespace lifeline::crypto
