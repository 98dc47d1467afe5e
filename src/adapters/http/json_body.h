// Reading a JSON request body field by field, with errors that name the field: a missing
// field, a wrong type or an out-of-range value each become kInvalidArgument with `field` set.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"

namespace lifeline::http {

class JsonBody {
 public:
  // The body must be a JSON object; the error names the byte where parsing stopped.
  [[nodiscard]] static Result<JsonBody> Parse(std::string_view body);

  [[nodiscard]] Result<std::string> String(std::string_view field,
                                           std::size_t max_bytes = 200) const;
  [[nodiscard]] Result<std::optional<std::string>> OptionalString(
      std::string_view field, std::size_t max_bytes = 200) const;
  [[nodiscard]] Result<std::int64_t> Int(std::string_view field, std::int64_t min,
                                         std::int64_t max) const;
  [[nodiscard]] Result<std::optional<std::int64_t>> OptionalInt(std::string_view field,
                                                                std::int64_t min,
                                                                std::int64_t max) const;
  [[nodiscard]] Result<std::vector<std::string>> StringList(std::string_view field,
                                                            std::size_t max_items,
                                                            std::size_t max_bytes = 100) const;
  [[nodiscard]] Result<std::vector<std::int64_t>> IntList(std::string_view field,
                                                          std::size_t max_items) const;
  // Any finite JSON number within [min, max].
  [[nodiscard]] Result<double> Number(std::string_view field, double min, double max) const;
  [[nodiscard]] Result<bool> Bool(std::string_view field) const;
  [[nodiscard]] Result<std::optional<bool>> OptionalBool(std::string_view field) const;
  bool Has(std::string_view field) const { return Find(field) != nullptr; }
  // The field is present and JSON null (what a GET answers for "none"; PUTs take it back).
  bool IsNull(std::string_view field) const;
  // An array of objects, each read with the same accessors. Errors from an item name the item
  // ("jobs[3].trade") when passed through Within().
  [[nodiscard]] Result<std::vector<JsonBody>> Objects(std::string_view field,
                                                      std::size_t max_items) const;
  // `error` from reading item `index` of array `field`, renamed to say where it was.
  static Error Within(std::string_view field, std::size_t index, Error error);

 private:
  explicit JsonBody(nlohmann::json json) : json_(std::move(json)) {}
  const nlohmann::json* Find(std::string_view field) const;

  nlohmann::json json_;
};

}  // namespace lifeline::http
