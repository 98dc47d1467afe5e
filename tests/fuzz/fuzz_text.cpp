// Fuzzes the small text parsers: phone numbers, masks, request targets, query strings, the
// listen address. They see raw caller input, so they must never crash or loop.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "adapters/http/message.h"
#include "app/config.h"
#include "core/customers/masking.h"
#include "core/customers/phone_number.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto phone = lifeline::NormalizePhone(text)) {
    // A normalised number is a fixed point, and masks keep its length.
    if (lifeline::NormalizePhone(*phone).value_or("") != *phone) std::abort();
    if (lifeline::MaskPhone(*phone).size() != phone->size()) std::abort();
  }
  (void)lifeline::MaskIdNumber(text);
  (void)lifeline::MaskName(text);
  lifeline::http::Request request;
  if (lifeline::http::SplitTarget(text, request.path, request.query)) {
    (void)request.QueryParam("phone");
    (void)request.QueryParam("");
  }
  (void)lifeline::http::SplitCommaList(text);
  lifeline::app::ServerConfig server;
  (void)lifeline::app::ParseListen(text, server);
  return 0;
}
