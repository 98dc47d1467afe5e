// The city plane (km east and north of the city's origin) and the map's longitude/latitude
// (WGS-84), for phones that report where they are and routing servers that want coordinates.
// The local equirectangular approximation: under 0.1 % error within 50 km of the origin, which
// is a utility's service area. Design: docs/design/dispatch.md ("Live positions").
#pragma once

#include "core/dispatch/travel_matrix.h"

namespace lifeline::dispatch {

struct GeoPoint {
  double longitude = 0;  // degrees east
  double latitude = 0;   // degrees north
};

class CityPlane {
 public:
  // `origin` is where the plane's (0, 0) lies on the map.
  explicit CityPlane(GeoPoint origin = {120.0, 30.0});

  Point ToPlane(GeoPoint geo) const;
  GeoPoint ToGeo(Point plane) const;
  GeoPoint origin() const { return origin_; }

 private:
  GeoPoint origin_;
  double km_per_degree_longitude_;
};

}  // namespace lifeline::dispatch
