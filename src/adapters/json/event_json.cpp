#include "adapters/json/event_json.h"

#include <nlohmann/json.hpp>

namespace lifeline::json {

std::string EventToJson(const StoredEvent& event) {
  nlohmann::ordered_json envelope{{"id", event.id},
                                  {"at", event.at},
                                  {"topic", event.topic},
                                  {"type", event.type},
                                  {"subject", event.subject}};
  std::string out = envelope.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // The payload is stored as JSON already: splice it in rather than parse and re-render it.
  out.pop_back();
  out += ",\"data\":";
  out += event.data_json.empty() ? "{}" : event.data_json;
  out += '}';
  return out;
}

}  // namespace lifeline::json
