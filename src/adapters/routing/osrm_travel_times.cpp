#include "adapters/routing/osrm_travel_times.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/dispatch/field/city_plane.h"

namespace lifeline::routing {

namespace {

constexpr std::size_t kMaxPoints =
    1000;  // OSRM's default --max-table-size is 100; ours may be raised

Error Unavailable(const std::string& why) {
  return Error::Unavailable("routing server unavailable: " + why);
}

// "lon,lat;lon,lat;…" with 6 decimals (about 0.1 m).
std::string Coordinates(std::span<const dispatch::Point> points, const OsrmOptions& o) {
  const dispatch::CityPlane plane({o.origin_longitude, o.origin_latitude});
  std::string out;
  char pair[64];
  for (const dispatch::Point& p : points) {
    const dispatch::GeoPoint geo = plane.ToGeo(p);
    std::snprintf(pair, sizeof pair, "%s%.6f,%.6f", out.empty() ? "" : ";", geo.longitude,
                  geo.latitude);
    out += pair;
  }
  return out;
}

// A size×size table of numbers; `scale` converts OSRM's units (metres, seconds) to ours.
Result<std::vector<double>> Table(const nlohmann::json& answer, const char* name, std::size_t size,
                                  double scale) {
  const auto it = answer.find(name);
  if (it == answer.end() || !it->is_array() || it->size() != size) {
    return Fail(Unavailable(std::string("the answer has no ") + name + " table"));
  }
  std::vector<double> values;
  values.reserve(size * size);
  for (const nlohmann::json& row : *it) {
    if (!row.is_array() || row.size() != size) return Fail(Unavailable(std::string(name) + " row"));
    for (const nlohmann::json& cell : row) {
      // OSRM answers null for a pair it cannot route: not something a plan can use.
      if (!cell.is_number()) return Fail(Unavailable(std::string("unroutable pair in ") + name));
      values.push_back(cell.get<double>() * scale);
    }
  }
  return values;
}

}  // namespace

Result<std::unique_ptr<OsrmTravelTimes>> OsrmTravelTimes::Create(OsrmOptions options) {
  auto parsed = outbound::ParseHttpUrl(options.url, "routing.url");
  if (!parsed) return Fail(parsed.error());
  std::string base = parsed->second;
  if (base.ends_with('/')) base.pop_back();
  return std::unique_ptr<OsrmTravelTimes>(
      new OsrmTravelTimes(std::move(options), std::move(parsed->first), std::move(base)));
}

Result<std::unique_ptr<dispatch::TravelMatrix>> OsrmTravelTimes::Between(
    std::span<const dispatch::Point> points) {
  if (points.size() > kMaxPoints) {
    return Fail(Error{ErrorCode::kTooLarge, "at most 1000 places per routing table", {}});
  }
  const std::string target = base_path_ + "/table/v1/" + options_.profile + "/" +
                             Coordinates(points, options_) + "?annotations=duration,distance";
  auto answer = outbound::HttpGet(endpoint_, target, std::chrono::milliseconds(options_.timeout_ms),
                                  "routing server");
  if (!answer) return Fail(answer.error());
  if (answer->status != 200) {
    return Fail(Unavailable("answered HTTP " + std::to_string(answer->status)));
  }
  const nlohmann::json json = nlohmann::json::parse(answer->body, nullptr, false);
  if (json.is_discarded() || json.value("code", "") != "Ok") {
    return Fail(Unavailable("the answer is not an OSRM table (code Ok)"));
  }
  auto minutes = Table(json, "durations", points.size(), 1.0 / 60);
  if (!minutes) return Fail(minutes.error());
  auto km = Table(json, "distances", points.size(), 1.0 / 1000);
  if (!km) return Fail(km.error());
  auto table = dispatch::TableTravel::Create(points.size(), std::move(*km), std::move(*minutes));
  if (!table) return Fail(Unavailable(table.error().message));
  return std::unique_ptr<dispatch::TravelMatrix>(
      std::make_unique<dispatch::TableTravel>(std::move(*table)));
}

}  // namespace lifeline::routing
