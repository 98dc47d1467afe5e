// People and companies of the demo city: names, phone numbers, ID numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/rng.h"

namespace lifeline::demo {

std::string PersonName(Rng& rng);
std::string CompanyName(Rng& rng);

// The index-th mobile number of the city; distinct indexes give distinct numbers.
std::string MobileNumber(std::int64_t index);
// The index-th landline number, with the city's area code.
std::string LandlineNumber(std::int64_t index);

// An 18-digit 居民身份证号码 with a valid GB 11643 check character.
std::string ResidentIdNumber(Rng& rng, std::string_view region_code, int birth_year);
// An 18-character 统一社会信用代码 with a valid GB 32100 check character.
std::string CreditCode(Rng& rng, std::string_view region_code);

}  // namespace lifeline::demo
