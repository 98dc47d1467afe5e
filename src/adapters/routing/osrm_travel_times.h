// Travel times from an OSRM-compatible routing server's `table` service, for utilities that run
// one on their network. The city plane (km east and north of the centre) is mapped to
// longitude and latitude around a configured origin. docs/design/dispatch.md.
#pragma once

#include <memory>
#include <string>

#include "adapters/outbound/http_get.h"
#include "core/dispatch/field/travel_times.h"

namespace lifeline::routing {

struct OsrmOptions {
  std::string url;  // http://host:port — the server's base
  std::string profile = "driving";
  double origin_longitude = 120.0;  // where (0, 0) of the city plane is
  double origin_latitude = 30.0;
  int timeout_ms = 3000;
};

class OsrmTravelTimes final : public dispatch::TravelTimes {
 public:
  // kInvalidArgument naming `routing.url` for a URL that is not http://host[:port].
  static Result<std::unique_ptr<OsrmTravelTimes>> Create(OsrmOptions options);
  Result<std::unique_ptr<dispatch::TravelMatrix>> Between(
      std::span<const dispatch::Point> points) override;

 private:
  OsrmTravelTimes(OsrmOptions options, outbound::HttpEndpoint endpoint, std::string base_path)
      : options_(std::move(options)),
        endpoint_(std::move(endpoint)),
        base_path_(std::move(base_path)) {}

  OsrmOptions options_;
  outbound::HttpEndpoint endpoint_;
  std::string base_path_;
};

}  // namespace lifeline::routing
