#include "adapters/crypto/sodium.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace lifeline::crypto {

namespace {

struct Cost {
  unsigned long long ops;
  std::size_t memory;
};

Cost CostOf(PasswordCost cost) {
  switch (cost) {
    case PasswordCost::kInteractive:
      return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    case PasswordCost::kModerate:
      return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    case PasswordCost::kMinimum:
      return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Status InitSodium() {
  if (sodium_init() < 0) return Fail(Error::Internal("libsodium failed to initialise"));
  return Ok();
}

std::string SodiumPasswordHasher::Hash(std::string_view password) const {
  const Cost cost = CostOf(cost_);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.memory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    // Only fails when the memory cannot be allocated: the process cannot continue sensibly.
    throw std::runtime_error("out of memory hashing a password");
  }
  return out;
}

bool SodiumPasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) const {
  // crypto_pwhash_str_verify needs a NUL-terminated string.
  const std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumRandom::Token(int bytes) {
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  return Base64Url(raw);
}

std::string Sha256Digest::Sha256Hex(std::string_view data) const {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, Bytes(data), data.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(hash), sizeof hash));
}

std::string ToHex(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), Bytes(bytes), bytes.size());
  hex.pop_back();
  return hex;
}

std::string Base64Url(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(), kVariant);
  out.resize(out.size() - 1);  // the encoder writes a terminating NUL
  return out;
}

}  // namespace lifeline::crypto
