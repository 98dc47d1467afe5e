// The Solomon VRPTW text format (Solomon 1987; also used by the Gehring–Homberger sets):
//
//   R101
//   VEHICLE
//   NUMBER     CAPACITY
//     25         200
//   CUSTOMER
//   CUST NO.  XCOORD.  YCOORD.  DEMAND  READY TIME  DUE DATE  SERVICE TIME
//       0       35       35        0        0         230         0
//       1       41       49       10      161         171        10
//
// The first row is the depot; its due date ends every route. Any number of customers. The
// reader is written for untrusted input (it is fuzzed): every failure is an error naming the
// line, never a crash or an unbounded allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"

namespace lifeline::dispatch {

struct SolomonNode {
  std::int64_t number = 0;  // CUST NO. as written in the file
  double x = 0;
  double y = 0;
  std::int64_t demand = 0;
  double ready_time = 0;
  double due_date = 0;
  double service_time = 0;
};

struct SolomonInstance {
  std::string name;
  std::int64_t vehicle_count = 0;
  std::int64_t capacity = 0;
  std::vector<SolomonNode> nodes;  // nodes[0] is the depot
};

// Larger instances would need a distance matrix of gigabytes; refused with kTooLarge.
inline constexpr std::size_t kMaxSolomonCustomers = 5000;

[[nodiscard]] Result<SolomonInstance> ReadSolomon(std::string_view text);

}  // namespace lifeline::dispatch
