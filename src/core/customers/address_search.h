// Customers by a typed address: numbers parsed out, the community found by typo-tolerant
// name matching, premises read by community. docs/design/customer-search.md.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/customers/customer.h"
#include "core/ports/store.h"

namespace lifeline {

Result<std::vector<Customer>> FindCustomersAtAddress(StoreSession& session, std::string_view text,
                                                     std::size_t limit);

}  // namespace lifeline
