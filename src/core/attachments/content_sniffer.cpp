#include "core/attachments/content_sniffer.h"

#include <cstdint>

namespace lifeline {

namespace {

std::uint8_t At(std::string_view bytes, std::size_t i) {
  return static_cast<std::uint8_t>(bytes[i]);
}

bool IsJpeg(std::string_view b) {
  if (b.size() < 4) return false;
  return At(b, 0) == 0xFF && At(b, 1) == 0xD8 && At(b, 2) == 0xFF && At(b, 3) >= 0xC0 &&
         At(b, 3) <= 0xFE;
}

bool IsPng(std::string_view b) {
  // Signature, then the first chunk, which must be IHDR with a 13-byte body.
  static constexpr std::string_view kHead("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  return b.starts_with(kHead);
}

std::uint32_t LittleEndian32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(At(b, at)) | static_cast<std::uint32_t>(At(b, at + 1)) << 8 |
         static_cast<std::uint32_t>(At(b, at + 2)) << 16 |
         static_cast<std::uint32_t>(At(b, at + 3)) << 24;
}

bool IsWebp(std::string_view b) {
  if (b.size() < 16 || !b.starts_with("RIFF") || b.substr(8, 4) != "WEBP") return false;
  if (LittleEndian32(b, 4) < 4) return false;
  const std::string_view chunk = b.substr(12, 4);
  return chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X";
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsPdf(std::string_view b) {
  return b.size() >= 8 && b.starts_with("%PDF-") && IsDigit(b[5]) && b[6] == '.' && IsDigit(b[7]);
}

}  // namespace

std::optional<MediaType> SniffMediaType(std::string_view bytes) {
  if (IsJpeg(bytes)) return MediaType::kJpeg;
  if (IsPng(bytes)) return MediaType::kPng;
  if (IsWebp(bytes)) return MediaType::kWebp;
  if (IsPdf(bytes)) return MediaType::kPdf;
  return std::nullopt;
}

}  // namespace lifeline
