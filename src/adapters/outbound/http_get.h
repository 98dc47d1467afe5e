// One blocking HTTP/1.1 GET to another system on the utility's network (billing, routing),
// with a hard deadline over the whole exchange. For worker threads only: it blocks. Beast stays
// in the .cpp.
#pragma once

#include <chrono>
#include <string>

#include "core/common/error.h"

namespace lifeline::outbound {

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// The part of an http:// URL before the path.
struct HttpEndpoint {
  std::string host;
  std::string port = "80";
};

// kUnavailable naming `what` ("billing system", "routing server") when there is no answer in
// time or the connection fails. Answers of any status are returned, bodies up to 16 MiB.
Result<HttpAnswer> HttpGet(const HttpEndpoint& endpoint, const std::string& target,
                           std::chrono::milliseconds timeout, const std::string& what);

// "http://host[:port]/rest" → endpoint and "/rest"; kInvalidArgument naming `key` otherwise.
Result<std::pair<HttpEndpoint, std::string>> ParseHttpUrl(const std::string& url,
                                                          const std::string& key);

std::string PercentEncode(std::string_view text);

}  // namespace lifeline::outbound
