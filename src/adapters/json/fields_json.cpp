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

}  // namespace lifeline::json
