// What an agent types for an address, taken apart: the building, unit and room numbers, and
// the words that should name a community. docs/design/customer-search.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lifeline {

struct AddressQuery {
  std::optional<int> building;      // 3栋 / 3号楼 / 3幢
  std::optional<int> unit;          // 2单元
  std::optional<std::string> room;  // 502室, or a trailing 3–4 digit number
  std::u32string words;             // the rest, without the city name and punctuation
};

AddressQuery ParseAddressQuery(std::string_view text);

}  // namespace lifeline
