#include "adapters/json/fields_json.h"

#include <nlohmann/json.hpp>

namespace lifeline::json {

std::string FieldsToJson(const Fields& fields) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const Field& field : fields) {
    std::visit([&](const auto& value) { object[field.name] = value; }, field.value);
  }
  // Replace invalid UTF-8 rather than throw: a payload must never abort the transaction.
  return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<Fields> FieldsFromJson(std::string_view text) {
  const auto object = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return Fail(Error::Internal("stored fields are not a JSON object"));
  Fields fields;
  for (const auto& [name, value] : object.items()) {
    if (value.is_null()) {
      fields.push_back({name, nullptr});
    } else if (value.is_boolean()) {
      fields.push_back({name, value.get<bool>()});
    } else if (value.is_number_integer()) {
      fields.push_back({name, value.get<std::int64_t>()});
    } else if (value.is_number()) {
      fields.push_back({name, value.get<double>()});
    } else if (value.is_string()) {
      fields.push_back({name, value.get<std::string>()});
    }
  }
  return fields;
}

}  // namespace lifeline::json
