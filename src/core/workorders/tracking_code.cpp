#include "core/workorders/tracking_code.h"

namespace lifeline {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string NewTrackingCode(SecureRandom& random) {
  // Each base64url character carries 6 uniform bits; keeping the low 5 keeps them uniform.
  const std::string token = random.Token(16);
  std::string code;
  for (char c : token) {
    if (code.size() == kTrackingCodeLength) break;
    const auto index = kBase64Url.find(c);
    if (index == std::string_view::npos) continue;
    code += kAlphabet[index % 32];
  }
  return code;
}

std::optional<std::string> NormalizeTrackingCode(std::string_view text) {
  std::string code;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    code += c;
    if (code.size() > kTrackingCodeLength) return std::nullopt;
  }
  if (code.size() != kTrackingCodeLength) return std::nullopt;
  return code;
}

std::string FormatTrackingCode(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

}  // namespace lifeline
