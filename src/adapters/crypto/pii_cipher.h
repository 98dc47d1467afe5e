// Encryption of personal data at rest (phone and ID numbers) and the keyed blind index that
// keeps it searchable.
//
// Two subkeys are derived from the master key: one for XSalsa20-Poly1305 (libsodium secretbox,
// a fresh random nonce per value), one for HMAC-SHA-256 over the normalised value. The index
// is deterministic — equal numbers give equal index values, which is what makes lookup by
// phone an index seek — but reveals nothing without the key.
#pragma once

#include <sodium.h>

#include <array>
#include <string>
#include <string_view>

#include "core/common/error.h"

namespace lifeline::crypto {

inline constexpr std::size_t kMasterKeyBytes = 32;
using MasterKey = std::array<unsigned char, kMasterKeyBytes>;

class PiiCipher {
 public:
  explicit PiiCipher(const MasterKey& master);
  ~PiiCipher();
  PiiCipher(const PiiCipher&) = delete;
  PiiCipher& operator=(const PiiCipher&) = delete;

  // nonce ‖ ciphertext ‖ tag, as raw bytes.
  std::string Seal(std::string_view plaintext) const;
  // kInternal when the value was not sealed with this key or was altered.
  [[nodiscard]] Result<std::string> Open(std::string_view sealed) const;
  // 32 hex characters. `domain` separates kinds of value ("phone", "id_number").
  std::string BlindIndex(std::string_view domain, std::string_view normalized) const;

 private:
  std::array<unsigned char, 32> box_key_{};
  // HMAC state with the index key already absorbed: each index copies it instead of hashing
  // the key again (half the work of an HMAC over a short value).
  crypto_auth_hmacsha256_state index_state_{};
};

// Where the master key comes from, in order: LIFELINE_MASTER_KEY (64 hex characters) in the
// environment, the configured key file, or `<data dir>/master.key`, generated with mode 0600 on
// first start. A key file with looser permissions is refused.
[[nodiscard]] Result<MasterKey> LoadOrCreateMasterKey(const std::string& env_value,
                                                      const std::string& key_file);

}  // namespace lifeline::crypto
