// The /api/v1/events WebSocket session. Private to the HTTP adapter (it pulls in Beast).
#pragma once

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "adapters/http/internal/asio_support.h"
#include "adapters/http/server.h"

namespace lifeline::http {

// Authenticates the upgrade request (Authorization header, or `access_token` in the query for
// browsers, which cannot set headers on a WebSocket), resolves the topic filter, then streams
// events after `after` (default: only new ones) until the client goes away.
boost::asio::awaitable<void> ServeEventStream(
    boost::beast::tcp_stream stream,
    boost::beast::http::request<boost::beast::http::string_body> upgrade, Request request,
    ServerParts parts);

}  // namespace lifeline::http
