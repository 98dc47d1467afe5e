#include "core/customers/masking.h"

namespace lifeline {

namespace {

std::string KeepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  if (text.size() <= head + tail) {
    // Too short to show anything safely.
    return std::string(text.size(), '*');
  }
  std::string out(text.substr(0, head));
  out.append(text.size() - head - tail, '*');
  out.append(text.substr(text.size() - tail));
  return out;
}

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;  // not a lead byte: count it alone rather than fail
}

}  // namespace

std::string MaskPhone(std::string_view phone) {
  if (phone.size() < 7) return KeepEnds(phone, 1, 2);
  return KeepEnds(phone, 3, 4);
}

std::string MaskIdNumber(std::string_view id_number) {
  return KeepEnds(id_number, 4, 4);
}

std::string MaskName(std::string_view utf8_name) {
  if (utf8_name.empty()) return {};
  std::size_t first = Utf8SequenceLength(static_cast<unsigned char>(utf8_name[0]));
  if (first > utf8_name.size()) first = utf8_name.size();
  std::string out(utf8_name.substr(0, first));
  std::size_t rest = 0;
  for (std::size_t i = first; i < utf8_name.size(); ++rest) {
    i += Utf8SequenceLength(static_cast<unsigned char>(utf8_name[i]));
  }
  out.append(rest == 0 ? 1 : rest, '*');
  return out;
}

}  // namespace lifeline
