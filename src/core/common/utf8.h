// UTF-8 to code points and back, for the few places that reason about characters rather than
// bytes (Chinese names and addresses). Invalid sequences become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace lifeline {

std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);

}  // namespace lifeline
