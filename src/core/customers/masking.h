// Masking of personal data in responses for roles that may not see it in clear, following the
// usual Chinese practice (138****5678).
#pragma once

#include <string>
#include <string_view>

namespace lifeline {

// Keeps the first 3 and last 4 digits: "13812345678" → "138****5678".
std::string MaskPhone(std::string_view phone);
// Keeps the first 4 and last 4 characters: "320102199001011234" → "3201**********1234".
std::string MaskIdNumber(std::string_view id_number);
// Keeps the first character (the family name, in most cases): "张三丰" → "张**".
std::string MaskName(std::string_view utf8_name);

}  // namespace lifeline
