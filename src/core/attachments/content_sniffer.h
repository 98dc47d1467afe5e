// What a file really is, from its first bytes (magic numbers), so an upload that lies about its
// type (declared image/png, the bytes are a script) is refused. Pure and total: any input,
// including empty or truncated, gives an answer; fuzzed by tests/fuzz/fuzz_content_sniffer.
#pragma once

#include <optional>
#include <string_view>

#include "core/attachments/attachment.h"

namespace lifeline {

// The accepted type whose signature `bytes` carries, or nullopt when it is none of them.
//   JPEG  FF D8 FF, then a marker byte (C0–FE)
//   PNG   89 'PNG' 0D 0A 1A 0A, then the IHDR chunk header (length 13)
//   WebP  'RIFF' <size ≥ 4, little endian> 'WEBP' and a 'VP8 ' / 'VP8L' / 'VP8X' chunk
//   PDF   '%PDF-' d '.' d   (the header line; we do not accept leading junk)
std::optional<MediaType> SniffMediaType(std::string_view bytes);

}  // namespace lifeline
