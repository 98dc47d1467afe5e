// Phone numbers as people type them ("+86 138-1234-5678", "(025) 8300 1234") reduced to one
// canonical form, so the same number always finds the same customer.
#pragma once

#include <string>
#include <string_view>

#include "core/common/error.h"

namespace lifeline {

// Mobile numbers become 11 digits (country code dropped); landlines keep their area code with
// a leading 0 ("02583001234"); short service numbers (95598, 12345) stay as they are.
// kInvalidArgument (field "phone") for anything else.
[[nodiscard]] Result<std::string> NormalizePhone(std::string_view raw);

}  // namespace lifeline
