// Fuzzes what an upload's bytes and name go through before anything is stored: the magic-byte
// sniffer, the Content-Type parser and the file-name sanitiser. Any crash or sanitizer report
// is a bug; so is a sanitised name that breaks its own promises (checked here).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/attachments/attachment.h"
#include "core/attachments/content_sniffer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lifeline;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto sniffed = SniffMediaType(input);
  // A sniffed type always round-trips through its own code.
  if (sniffed && ParseMediaType(MediaTypeCode(*sniffed)) != sniffed) std::abort();
  (void)ParseMediaType(input);
  const std::string name = SanitizeFileName(input);
  if (name.empty() || name.size() > kMaxAttachmentNameBytes) std::abort();
  if (name.find_first_of("/\\\"\r\n") != std::string::npos || name.front() == '.') std::abort();
  if (SanitizeFileName(name) != name) std::abort();  // idempotent
  return 0;
}
