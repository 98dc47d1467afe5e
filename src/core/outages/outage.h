// An interruption of supply (停水 / 停热 / 停气) over part of the service topology, planned or
// not, with the window customers are told. Design: docs/design/outages.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"
#include "core/common/time.h"
#include "core/customers/customer.h"
#include "core/topology/topology.h"

namespace lifeline {

enum class OutageKind { kPlanned, kUnplanned };
enum class OutageState { kPlanned, kActive, kRestored, kCancelled };
enum class OutageAction { kStart, kRestore, kCancel };

std::string_view OutageKindCode(OutageKind kind);
std::optional<OutageKind> ParseOutageKind(std::string_view code);
std::string_view OutageStateCode(OutageState state);
std::optional<OutageState> ParseOutageState(std::string_view code);
std::string_view OutageActionCode(OutageAction action);
std::optional<OutageAction> ParseOutageAction(std::string_view code);

struct Outage {
  std::int64_t id = 0;
  Utility utility = Utility::kWater;
  OutageKind kind = OutageKind::kPlanned;
  OutageState state = OutageState::kPlanned;
  std::string title;
  std::string reason;
  TimeMs starts_at = 0;
  std::optional<TimeMs> expected_restore_at;  // unknown at first for a fresh burst
  std::optional<TimeMs> restored_at;
  std::vector<std::int64_t> node_ids;  // the affected topology nodes; the area is their union
  std::int64_t created_by = 0;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;  // optimistic concurrency: bumped by every change
};

// Planned and active outages are open: they show in lookups and may still change.
bool IsOpen(OutageState state);

// The state an outage is created in: an unplanned one has already started.
OutageState InitialState(OutageKind kind);

// The diagram in docs/design/outages.md; kConflict naming the current state otherwise.
Result<OutageState> NextState(OutageState from, OutageAction action);

// Shape checks that need no database: title, reason, window, at least one node.
Status ValidateOutage(const Outage& outage);

// A network node carries one utility: a supply zone water, a substation heat, a regulator
// station gas. Area nodes (district, community, building, unit) fit any utility.
bool NodeFitsUtility(NodeKind kind, Utility utility);

}  // namespace lifeline
