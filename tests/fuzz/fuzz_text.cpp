// Fuzzes the small text parsers: phone numbers, search text and addresses, masks, request targets,
// query strings, the listen address. They see raw caller input, so they must never crash or loop.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "adapters/http/message.h"
#include "app/config.h"
#include "core/common/utf8.h"
#include "core/customers/address_query.h"
#include "core/customers/community_matcher.h"
#include "core/customers/masking.h"
#include "core/customers/phone_number.h"
#include "core/customers/search_query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto phone = lifeline::NormalizePhone(text)) {
    // A normalised number is a fixed point, and masks keep its length.
    if (lifeline::NormalizePhone(*phone).value_or("") != *phone) std::abort();
    if (lifeline::MaskPhone(*phone).size() != phone->size()) std::abort();
  }
  // Search text: decoding is lossless for valid UTF-8, and the address reader and the community
  // matcher take anything.
  const std::u32string decoded = lifeline::DecodeUtf8(text);
  if (decoded.find(0xFFFD) == std::u32string::npos && lifeline::EncodeUtf8(decoded) != text) {
    std::abort();
  }
  (void)lifeline::PlanSearch(text);
  const lifeline::AddressQuery address = lifeline::ParseAddressQuery(text);
  if (lifeline::ApproximateSubstringDistance(U"锦绣家园", address.words) > 4) std::abort();
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
