// A flat, ordered list of named values: the payload of domain events and the before/after of
// audit records. The core builds them; adapters render them (JSON on the wire and in storage).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace lifeline {

using FieldValue = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string>;

struct Field {
  std::string name;
  FieldValue value;
};

using Fields = std::vector<Field>;

}  // namespace lifeline
