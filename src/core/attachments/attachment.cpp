#include "core/attachments/attachment.h"

#include <algorithm>
#include <cctype>

#include "core/common/enum_codes.h"
#include "core/common/utf8.h"

namespace lifeline {

namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// Characters that are unsafe in a stored name or a header: controls, quotes, separators.
bool Dropped(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '"' || c == '\\' || c == '/' ||
         c == 0xFFFD || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);  // bidirectional overrides hide a real extension
}

}  // namespace

std::string_view MediaTypeCode(MediaType type) {
  switch (type) {
    case MediaType::kJpeg:
      return "image/jpeg";
    case MediaType::kPng:
      return "image/png";
    case MediaType::kWebp:
      return "image/webp";
    case MediaType::kPdf:
      return "application/pdf";
  }
  return "application/octet-stream";
}

std::optional<MediaType> ParseMediaType(std::string_view content_type) {
  const std::string essence = Lowercase(Trimmed(content_type.substr(0, content_type.find(';'))));
  return ParseEnumCode(kAllMediaTypes, essence, MediaTypeCode);
}

bool IsImage(MediaType type) {
  return type != MediaType::kPdf;
}

std::string SanitizeFileName(std::string_view name) {
  // The last component of either kind of path: "C:\\Users\\x\\a.jpg" and "../../a.jpg" → a.jpg.
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::u32string kept;
  for (char32_t c : DecodeUtf8(name)) {
    if (!Dropped(c)) kept.push_back(c);
  }
  // No leading dots (hidden files, "..") and no surrounding blanks.
  const auto first = kept.find_first_not_of(U" .");
  kept.erase(0, first == std::u32string::npos ? kept.size() : first);
  std::string out;
  for (char32_t c : kept) {
    const std::string encoded = EncodeUtf8(std::u32string_view(&c, 1));
    if (out.size() + encoded.size() > kMaxAttachmentNameBytes) break;
    out += encoded;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string("附件") : out;
}

bool IsSha256Hex(std::string_view hash) {
  return hash.size() == 64 && std::ranges::all_of(hash, [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace lifeline
