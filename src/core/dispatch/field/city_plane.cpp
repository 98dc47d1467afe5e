#include "core/dispatch/field/city_plane.h"

#include <cmath>
#include <numbers>

namespace lifeline::dispatch {

namespace {

// WGS-84 at mid latitudes: a degree of latitude is 110.574 km at the equator and 111.694 km at
// the poles; the equator's value errs by under 0.6 %, the same for every point of a city.
constexpr double kKmPerDegreeLatitude = 110.574;
constexpr double kKmPerDegreeLongitudeAtEquator = 111.320;

}  // namespace

CityPlane::CityPlane(GeoPoint origin)
    : origin_(origin),
      km_per_degree_longitude_(kKmPerDegreeLongitudeAtEquator *
                               std::cos(origin.latitude * std::numbers::pi / 180)) {}

Point CityPlane::ToPlane(GeoPoint geo) const {
  return {(geo.longitude - origin_.longitude) * km_per_degree_longitude_,
          (geo.latitude - origin_.latitude) * kKmPerDegreeLatitude};
}

GeoPoint CityPlane::ToGeo(Point plane) const {
  return {origin_.longitude + plane.x / km_per_degree_longitude_,
          origin_.latitude + plane.y / kKmPerDegreeLatitude};
}

}  // namespace lifeline::dispatch
