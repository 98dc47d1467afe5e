// Converting between Beast's messages and the plain Request/Response the rest of the HTTP
// adapter works with. Private to the adapter (and its fuzz target): it pulls in Beast.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "adapters/http/message.h"

namespace lifeline::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// `well_formed` is false when the target is not an origin-form path we accept. The body is
// moved out of `in` (uploads are megabytes), the headers are copied.
Request ToRequest(BeastRequest& in, std::string remote_address, bool& well_formed);
BeastResponse ToBeast(Response&& in, unsigned version, bool keep_alive, bool head);

}  // namespace lifeline::http
