// Work-order attachments (photos, documents): what is stored about each file, the types we
// accept, and the limits. The bytes live in an AttachmentStore by content hash; the record in
// the database. Design: docs/design/attachments.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/time.h"

namespace lifeline {

// The only content types Lifeline stores. Stored as their MIME code.
enum class MediaType { kJpeg, kPng, kWebp, kPdf };

inline constexpr std::array kAllMediaTypes{MediaType::kJpeg, MediaType::kPng, MediaType::kWebp,
                                           MediaType::kPdf};

// "image/jpeg", "image/png", "image/webp", "application/pdf".
std::string_view MediaTypeCode(MediaType type);
// Parses a Content-Type header value: case-insensitive, parameters ("; charset=…") ignored.
std::optional<MediaType> ParseMediaType(std::string_view content_type);
bool IsImage(MediaType type);

inline constexpr std::size_t kMaxAttachmentBytes = 10u << 20;  // 10 MiB per file
inline constexpr std::int64_t kMaxStaffAttachmentsPerOrder = 20;
inline constexpr std::int64_t kMaxCustomerAttachmentsPerOrder = 5;
inline constexpr std::size_t kMaxAttachmentNameBytes = 120;
// Who uploaded a file when it was not a member of staff.
inline constexpr std::string_view kCustomerUploaderName = "客户";

struct Attachment {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::string name;  // sanitised: no path, no control characters, bounded
  MediaType type = MediaType::kJpeg;
  std::int64_t size = 0;
  std::string sha256;                       // lowercase hex of the content: its storage key
  std::optional<std::int64_t> uploaded_by;  // empty: the customer, through the tracking code
  std::string uploaded_by_name;             // the staff member's name, or "客户"
  TimeMs uploaded_at = 0;
};

// A file name safe to store and to send back in Content-Disposition: the last path component,
// without control characters, quotes or backslashes, trimmed, at most
// kMaxAttachmentNameBytes of whole UTF-8 characters. Never empty: "附件" when nothing is left.
std::string SanitizeFileName(std::string_view name);

// Whether `hash` is 64 lowercase hex digits (the only keys a store accepts).
bool IsSha256Hex(std::string_view hash);

}  // namespace lifeline
