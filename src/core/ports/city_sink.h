#pragma once

#include <span>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/topology/topology.h"

namespace lifeline {

// Where the demo city generator writes: in large batches, parents before children. The storage
// adapter loads them with its bulk path (COPY on PostgreSQL), which is what makes a million
// customers fit in the seeding budget. Ids are assigned by the generator.
class CitySink {
 public:
  virtual ~CitySink() = default;
  virtual Status AddNodes(std::span<const TopologyNode> nodes) = 0;
  virtual Status AddFeeds(std::span<const CommunityFeed> feeds) = 0;
  virtual Status AddPremises(std::span<const Premise> premises) = 0;
  // Customers with their accounts, each account with its meters and bills.
  virtual Status AddCustomers(std::span<const Customer> customers) = 0;
};

}  // namespace lifeline
