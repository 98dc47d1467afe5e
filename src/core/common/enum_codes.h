// Enums are stored and sent by stable lowercase codes. Each enum has a `...Code(value)`
// switch (exhaustive, so the compiler flags a missing case); parsing is the inverse lookup.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace lifeline {

template <class Enum, std::size_t N>
std::optional<Enum> ParseEnumCode(const std::array<Enum, N>& all, std::string_view code,
                                  std::string_view (*code_of)(Enum)) {
  for (Enum value : all) {
    if (code_of(value) == code) return value;
  }
  return std::nullopt;
}

}  // namespace lifeline
