#include "adapters/http/json_body.h"

#include <algorithm>
#include <cstdint>

namespace lifeline::http {

namespace {

constexpr std::size_t kMaxDepth = 16;

Error Missing(std::string_view field) {
  return Error::Invalid(std::string(field), std::string(field) + " is required");
}

Error WrongType(std::string_view field, std::string_view expected) {
  return Error::Invalid(std::string(field),
                        std::string(field) + " must be " + std::string(expected));
}

// Deeply nested input is refused before it can exhaust the stack of a recursive consumer.
std::size_t Depth(const nlohmann::json& value) {
  if (!value.is_structured()) return 0;
  std::size_t deepest = 0;
  for (const auto& child : value) {
    deepest = std::max(deepest, Depth(child));
    if (deepest > kMaxDepth) break;
  }
  return deepest + 1;
}

}  // namespace

Result<JsonBody> JsonBody::Parse(std::string_view body) {
  if (body.empty()) return Fail(Error::Invalid("", "a JSON object body is required"));
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    return Fail(
        Error::Invalid("", "body is not valid JSON (at byte " + std::to_string(e.byte) + ")"));
  } catch (const nlohmann::json::exception& e) {
    // A number beyond double range, found by fuzzing: valid JSON text nobody can mean.
    return Fail(Error::Invalid("", std::string("body holds a value out of range: ") + e.what()));
  }
  if (!json.is_object()) return Fail(Error::Invalid("", "body must be a JSON object"));
  if (Depth(json) > kMaxDepth) return Fail(Error::Invalid("", "body is nested too deeply"));
  return JsonBody(std::move(json));
}

const nlohmann::json* JsonBody::Find(std::string_view field) const {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return nullptr;
  return &*it;
}

Result<std::optional<std::string>> JsonBody::OptionalString(std::string_view field,
                                                            std::size_t max_bytes) const {
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return std::optional<std::string>{};
  if (!value->is_string()) return Fail(WrongType(field, "a string"));
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    return Fail(Error::Invalid(std::string(field), std::string(field) + " is longer than " +
                                                       std::to_string(max_bytes) + " bytes"));
  }
  return std::optional<std::string>(text);
}

Result<std::string> JsonBody::String(std::string_view field, std::size_t max_bytes) const {
  auto value = OptionalString(field, max_bytes);
  if (!value) return Fail(value.error());
  if (!*value || (*value)->empty()) return Fail(Missing(field));
  return std::move(**value);
}

Result<std::optional<std::int64_t>> JsonBody::OptionalInt(std::string_view field, std::int64_t min,
                                                          std::int64_t max) const {
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return std::optional<std::int64_t>{};
  if (!value->is_number_integer()) return Fail(WrongType(field, "an integer"));
  const bool too_big_for_int64 =
      value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX);
  const std::int64_t number = too_big_for_int64 ? INT64_MAX : value->get<std::int64_t>();
  if (too_big_for_int64 || number < min || number > max) {
    return Fail(Error::Invalid(std::string(field), std::string(field) + " must be between " +
                                                       std::to_string(min) + " and " +
                                                       std::to_string(max)));
  }
  return std::optional<std::int64_t>(number);
}

Result<std::int64_t> JsonBody::Int(std::string_view field, std::int64_t min,
                                   std::int64_t max) const {
  auto value = OptionalInt(field, min, max);
  if (!value) return Fail(value.error());
  if (!*value) return Fail(Missing(field));
  return **value;
}

Result<std::vector<std::string>> JsonBody::StringList(std::string_view field, std::size_t max_items,
                                                      std::size_t max_bytes) const {
  std::vector<std::string> out;
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return out;
  if (!value->is_array()) return Fail(WrongType(field, "an array of strings"));
  if (value->size() > max_items) {
    return Fail(Error::Invalid(std::string(field), std::string(field) + " has more than " +
                                                       std::to_string(max_items) + " items"));
  }
  for (const auto& item : *value) {
    if (!item.is_string() || item.get_ref<const std::string&>().size() > max_bytes) {
      return Fail(WrongType(field, "an array of short strings"));
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::vector<std::int64_t>> JsonBody::IntList(std::string_view field,
                                                    std::size_t max_items) const {
  std::vector<std::int64_t> out;
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return out;
  if (!value->is_array() || value->size() > max_items) {
    return Fail(WrongType(field, "an array of at most " + std::to_string(max_items) + " integers"));
  }
  for (const auto& item : *value) {
    if (!item.is_number_integer() ||
        (item.is_number_unsigned() &&
         item.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
      return Fail(WrongType(field, "an array of integers"));
    }
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

Result<double> JsonBody::Number(std::string_view field, double min, double max) const {
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return Fail(Missing(field));
  if (!value->is_number()) return Fail(WrongType(field, "a number"));
  const double number = value->get<double>();
  if (!(number >= min && number <= max)) {  // also refuses NaN
    return Fail(Error::Invalid(std::string(field), std::string(field) + " must be between " +
                                                       std::to_string(min) + " and " +
                                                       std::to_string(max)));
  }
  return number;
}

Result<bool> JsonBody::Bool(std::string_view field) const {
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return Fail(Missing(field));
  if (!value->is_boolean()) return Fail(WrongType(field, "true or false"));
  return value->get<bool>();
}

bool JsonBody::IsNull(std::string_view field) const {
  const nlohmann::json* value = Find(field);
  return value != nullptr && value->is_null();
}

Result<std::optional<bool>> JsonBody::OptionalBool(std::string_view field) const {
  const nlohmann::json* value = Find(field);
  if (value == nullptr || value->is_null()) return std::optional<bool>{};
  if (!value->is_boolean()) return Fail(WrongType(field, "true or false"));
  return std::optional<bool>(value->get<bool>());
}

Result<std::vector<JsonBody>> JsonBody::Objects(std::string_view field,
                                                std::size_t max_items) const {
  std::vector<JsonBody> out;
  const nlohmann::json* value = Find(field);
  if (value == nullptr) return out;
  if (!value->is_array() || value->size() > max_items) {
    return Fail(WrongType(field, "an array of at most " + std::to_string(max_items) + " objects"));
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_object()) {
      return Fail(Within(field, i, Error::Invalid("", "must be an object")));
    }
    out.push_back(JsonBody((*value)[i]));
  }
  return out;
}

Error JsonBody::Within(std::string_view field, std::size_t index, Error error) {
  const std::string where = std::string(field) + "[" + std::to_string(index) + "]";
  error.field = error.field.empty() ? where : where + "." + error.field;
  error.message = where + ": " + error.message;
  return error;
}

}  // namespace lifeline::http
