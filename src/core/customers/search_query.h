// How the agent's one search box reads what was typed: which kinds of lookup to try.
// docs/design/customer-search.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.h"

namespace lifeline {

struct SearchPlan {
  std::optional<std::string> account_no;
  std::optional<std::string> phone;      // normalised
  std::optional<std::string> id_number;  // upper-case X
  std::optional<std::string> name;       // trimmed text, tried exactly and as a prefix
  bool address = false;                  // also read the text as an address
};

// kInvalidArgument naming `q` for an empty or over-long query.
Result<SearchPlan> PlanSearch(std::string_view query);

}  // namespace lifeline
