// Fuzzes the JSON body reader: any bytes must become either fields or an error naming one.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using lifeline::http::JsonBody;
  auto body = JsonBody::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body) return 0;
  for (const char* field : {"username", "password", "name", "kind", "scopes", "a"}) {
    (void)body->String(field, 64);
    (void)body->OptionalString(field, 8);
    (void)body->Int(field, -5, 5);
    (void)body->OptionalInt(field, 0, INT64_MAX);
    (void)body->StringList(field, 4, 16);
    (void)body->IntList(field, 4);
  }
  return 0;
}
