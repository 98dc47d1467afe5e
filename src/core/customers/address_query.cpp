#include "core/customers/address_query.h"

#include <cstddef>

#include "core/common/utf8.h"

namespace lifeline {

namespace {

constexpr std::u32string_view kCity = U"临江市";

// Full-width digits (０–９) as typed by some input methods become ASCII.
char32_t FoldDigit(char32_t c) {
  return (c >= U'０' && c <= U'９') ? U'0' + (c - U'０') : c;
}

bool IsDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

bool IsNoise(char32_t c) {
  return c == U' ' || c == U'-' || c == U',' || c == U'，' || c == U'、' || c == U'#' ||
         c == U'　' || c == U'(' || c == U')' || c == U'（' || c == U'）';
}

bool StartsWithAt(std::u32string_view text, std::size_t at, std::u32string_view word) {
  return text.substr(at).starts_with(word);
}

// Reads the digits at `at`; returns how many there were.
std::size_t ReadNumber(std::u32string_view text, std::size_t at, std::string& digits) {
  std::size_t n = 0;
  while (at + n < text.size() && IsDigit(text[at + n])) {
    digits.push_back(static_cast<char>(text[at + n]));
    ++n;
  }
  return n;
}

// Tries the number at `at` with the suffix that follows it; returns the characters consumed,
// 0 if the number is not a building, unit or room.
std::size_t TakeNumbered(std::u32string_view text, std::size_t at, AddressQuery& query) {
  std::string digits;
  const std::size_t n = ReadNumber(text, at, digits);
  const std::size_t end = at + n;
  if (digits.size() > 6) return 0;
  const int value = std::stoi(digits);
  for (std::u32string_view suffix : {U"号楼", U"栋", U"幢", U"座"}) {
    if (StartsWithAt(text, end, suffix)) {
      query.building = value;
      return n + suffix.size();
    }
  }
  if (StartsWithAt(text, end, U"单元")) {
    query.unit = value;
    return n + 2;
  }
  if (StartsWithAt(text, end, U"室") || StartsWithAt(text, end, U"号房")) {
    query.room = digits;
    return n + (text[end] == U'室' ? 1 : 2);
  }
  if (end == text.size() && digits.size() >= 3 && digits.size() <= 4) {
    query.room = digits;  // "锦绣家园3栋2单元502": a trailing room number without 室
    return n;
  }
  return 0;
}

}  // namespace

AddressQuery ParseAddressQuery(std::string_view text) {
  std::u32string folded;
  for (char32_t c : DecodeUtf8(text)) {
    if (!IsNoise(c)) folded.push_back(FoldDigit(c));
  }
  if (folded.starts_with(kCity)) folded.erase(0, kCity.size());
  AddressQuery query;
  for (std::size_t i = 0; i < folded.size();) {
    if (IsDigit(folded[i]) && (i == 0 || !IsDigit(folded[i - 1]))) {
      if (const std::size_t used = TakeNumbered(folded, i, query); used > 0) {
        i += used;
        continue;
      }
    }
    query.words.push_back(folded[i]);
    ++i;
  }
  return query;
}

}  // namespace lifeline
