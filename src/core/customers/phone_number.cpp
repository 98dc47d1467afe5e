#include "core/customers/phone_number.h"

namespace lifeline {

namespace {

constexpr std::size_t kMaxRawLength = 40;
constexpr std::size_t kMobileLength = 11;
constexpr std::size_t kMinLength = 5;   // service numbers such as 95598
constexpr std::size_t kMaxLength = 12;  // 0 + 3-digit area code + 8-digit number

bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.';
}

std::string_view DropCountryCode(std::string_view digits, bool had_plus) {
  if (digits.starts_with("0086")) return digits.substr(4);
  if ((had_plus || digits.size() == 13) && digits.starts_with("86")) return digits.substr(2);
  return digits;
}

}  // namespace

Result<std::string> NormalizePhone(std::string_view raw) {
  if (raw.size() > kMaxRawLength) return Fail(Error::Invalid("phone", "phone number too long"));
  std::string digits;
  bool had_plus = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !had_plus) {
      had_plus = true;
    } else if (!IsSeparator(c)) {
      return Fail(Error::Invalid("phone",
                                 "phone number may contain only digits, spaces, '+', "
                                 "'-' and parentheses"));
    }
  }
  std::string number(DropCountryCode(digits, had_plus));
  if (number.size() < kMinLength || number.size() > kMaxLength) {
    return Fail(Error::Invalid("phone", "phone number must have 5 to 12 digits"));
  }
  // A domestic number never starts with 00 (the international prefix): after one country code
  // is dropped, another would make the result change when normalised again.
  if (number.starts_with("00")) {
    return Fail(Error::Invalid("phone", "only Chinese (+86) phone numbers are supported"));
  }
  if (number[0] == '1' && number.size() != kMobileLength && number.size() > 5) {
    return Fail(Error::Invalid("phone", "mobile numbers have 11 digits"));
  }
  return number;
}

}  // namespace lifeline
