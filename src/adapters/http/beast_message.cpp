#include "adapters/http/internal/beast_message.h"

#include <cctype>

namespace lifeline::http {

namespace bhttp = boost::beast::http;

Request ToRequest(BeastRequest& in, std::string remote_address, bool& well_formed) {
  Request out;
  out.method = ParseMethod(std::string_view(in.method_string()));
  out.target = std::string(in.target());
  well_formed = SplitTarget(out.target, out.path, out.query);
  out.headers.reserve(8);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(in.body());
  out.remote_address = std::move(remote_address);
  return out;
}

BeastResponse ToBeast(Response&& in, unsigned version, bool keep_alive, bool head) {
  BeastResponse out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "lifeline");
  if (!in.content_type.empty()) out.set(bhttp::field::content_type, in.content_type);
  for (auto& [name, value] : in.headers) out.set(name, value);
  out.keep_alive(keep_alive);
  const std::size_t length = in.body.size();
  out.body() = std::move(in.body);
  out.prepare_payload();
  if (head) {
    out.body().clear();
    out.content_length(length);  // HEAD reports the length GET would send
  }
  return out;
}

}  // namespace lifeline::http
