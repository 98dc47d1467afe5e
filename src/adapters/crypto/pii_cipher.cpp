#include "adapters/crypto/pii_cipher.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/crypto/sodium.h"

namespace lifeline::crypto {

namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'l', 'i', 'f', 'e', 'l', 'i', 'n', 'e'};
constexpr std::uint64_t kBoxSubkey = 1;
constexpr std::uint64_t kIndexSubkey = 2;
constexpr std::size_t kIndexBytes = 16;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

Result<MasterKey> ParseHexKey(std::string_view hex, std::string_view origin) {
  MasterKey key{};
  std::size_t written = 0;
  if (hex.size() != kMasterKeyBytes * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &written, nullptr) !=
          0 ||
      written != key.size()) {
    return Fail(
        Error::Invalid("master_key", std::string(origin) + " must hold 64 hexadecimal characters"));
  }
  return key;
}

Result<MasterKey> ReadKeyFile(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Fail(Error::Unavailable("cannot read " + path.string() + ": " + std::strerror(errno)));
  }
  if ((info.st_mode & 077) != 0) {
    return Fail(
        Error::Invalid("master_key", path.string() + " is readable by other users; chmod 600 it"));
  }
  std::ifstream in(path);
  std::string hex((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) {
    hex.pop_back();
  }
  return ParseHexKey(hex, path.string());
}

Result<MasterKey> CreateKeyFile(const std::filesystem::path& path) {
  MasterKey key{};
  randombytes_buf(key.data(), key.size());
  const std::string hex =
      ToHex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    // Create with 0600 from the start, so the key is never readable by others, even briefly.
    const mode_t old_mask = umask(077);
    std::ofstream out(temp, std::ios::trunc);
    umask(old_mask);
    out << hex << '\n';
    if (!out.flush()) return Fail(Error::Unavailable("cannot write " + temp.string()));
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) return Fail(Error::Unavailable("cannot create " + path.string() + ": " + ec.message()));
  return key;
}

}  // namespace

PiiCipher::PiiCipher(const MasterKey& master) {
  crypto_kdf_derive_from_key(box_key_.data(), box_key_.size(), kBoxSubkey, kKdfContext,
                             master.data());
  std::array<unsigned char, 32> index_key{};
  crypto_kdf_derive_from_key(index_key.data(), index_key.size(), kIndexSubkey, kKdfContext,
                             master.data());
  crypto_auth_hmacsha256_init(&index_state_, index_key.data(), index_key.size());
  sodium_memzero(index_key.data(), index_key.size());
}

PiiCipher::~PiiCipher() {
  sodium_memzero(box_key_.data(), box_key_.size());
  sodium_memzero(&index_state_, sizeof index_state_);
}

std::string PiiCipher::Seal(std::string_view plaintext) const {
  std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(),
                     '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, Bytes(plaintext), plaintext.size(), out,
                        box_key_.data());
  return sealed;
}

Result<std::string> PiiCipher::Open(std::string_view sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Fail(Error::Internal("sealed value too short"));
  }
  const unsigned char* in = Bytes(sealed);
  std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(plain.data()), in + crypto_secretbox_NONCEBYTES,
          sealed.size() - crypto_secretbox_NONCEBYTES, in, box_key_.data()) != 0) {
    return Fail(Error::Internal("personal data does not decrypt: wrong master key or altered row"));
  }
  return plain;
}

std::string PiiCipher::BlindIndex(std::string_view domain, std::string_view normalized) const {
  crypto_auth_hmacsha256_state state = index_state_;
  crypto_auth_hmacsha256_update(&state, Bytes(domain), domain.size());
  const unsigned char separator = 0;
  crypto_auth_hmacsha256_update(&state, &separator, 1);
  crypto_auth_hmacsha256_update(&state, Bytes(normalized), normalized.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return ToHex(std::string_view(reinterpret_cast<const char*>(mac), kIndexBytes));
}

Result<MasterKey> LoadOrCreateMasterKey(const std::string& env_value, const std::string& key_file) {
  if (!env_value.empty()) return ParseHexKey(env_value, "LIFELINE_MASTER_KEY");
  const std::filesystem::path path(key_file);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return ReadKeyFile(path);
  return CreateKeyFile(path);
}

}  // namespace lifeline::crypto
