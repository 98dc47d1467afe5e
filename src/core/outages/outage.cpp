#include "core/outages/outage.h"

#include <array>

#include "core/common/enum_codes.h"

namespace lifeline {

namespace {

constexpr std::array kAllKinds{OutageKind::kPlanned, OutageKind::kUnplanned};
constexpr std::array kAllStates{OutageState::kPlanned, OutageState::kActive, OutageState::kRestored,
                                OutageState::kCancelled};
constexpr std::array kAllActions{OutageAction::kStart, OutageAction::kRestore,
                                 OutageAction::kCancel};
constexpr std::size_t kMaxTitleBytes = 300;    // about 100 Chinese characters
constexpr std::size_t kMaxReasonBytes = 3000;  // about 1,000
constexpr std::size_t kMaxNodes = 500;

}  // namespace

std::string_view OutageKindCode(OutageKind kind) {
  switch (kind) {
    case OutageKind::kPlanned:
      return "planned";
    case OutageKind::kUnplanned:
      return "unplanned";
  }
  return "planned";
}

std::optional<OutageKind> ParseOutageKind(std::string_view code) {
  return ParseEnumCode(kAllKinds, code, OutageKindCode);
}

std::string_view OutageStateCode(OutageState state) {
  switch (state) {
    case OutageState::kPlanned:
      return "planned";
    case OutageState::kActive:
      return "active";
    case OutageState::kRestored:
      return "restored";
    case OutageState::kCancelled:
      return "cancelled";
  }
  return "planned";
}

std::optional<OutageState> ParseOutageState(std::string_view code) {
  return ParseEnumCode(kAllStates, code, OutageStateCode);
}

std::string_view OutageActionCode(OutageAction action) {
  switch (action) {
    case OutageAction::kStart:
      return "start";
    case OutageAction::kRestore:
      return "restore";
    case OutageAction::kCancel:
      return "cancel";
  }
  return "start";
}

std::optional<OutageAction> ParseOutageAction(std::string_view code) {
  return ParseEnumCode(kAllActions, code, OutageActionCode);
}

bool IsOpen(OutageState state) {
  return state == OutageState::kPlanned || state == OutageState::kActive;
}

OutageState InitialState(OutageKind kind) {
  return kind == OutageKind::kPlanned ? OutageState::kPlanned : OutageState::kActive;
}

Result<OutageState> NextState(OutageState from, OutageAction action) {
  if (from == OutageState::kPlanned && action == OutageAction::kStart) return OutageState::kActive;
  if (from == OutageState::kActive && action == OutageAction::kRestore) {
    return OutageState::kRestored;
  }
  if (IsOpen(from) && action == OutageAction::kCancel) return OutageState::kCancelled;
  return Fail(Error::Conflict("cannot " + std::string(OutageActionCode(action)) +
                              " an outage that is " + std::string(OutageStateCode(from))));
}

Status ValidateOutage(const Outage& outage) {
  if (outage.title.empty() || outage.title.size() > kMaxTitleBytes) {
    return Fail(Error::Invalid("title", "title must be 1 to 100 characters"));
  }
  if (outage.reason.size() > kMaxReasonBytes) {
    return Fail(Error::Invalid("reason", "reason must be at most 1,000 characters"));
  }
  if (outage.starts_at <= 0) return Fail(Error::Invalid("starts_at", "starts_at is required"));
  if (outage.expected_restore_at && *outage.expected_restore_at <= outage.starts_at) {
    return Fail(Error::Invalid("expected_restore_at", "expected restore must be after the start"));
  }
  if (outage.node_ids.empty()) {
    return Fail(Error::Invalid("node_ids", "name at least one affected topology node"));
  }
  if (outage.node_ids.size() > kMaxNodes) {
    return Fail(Error::Invalid("node_ids", "at most 500 nodes; name a larger area instead"));
  }
  return Ok();
}

bool NodeFitsUtility(NodeKind kind, Utility utility) {
  switch (kind) {
    case NodeKind::kSupplyZone:
      return utility == Utility::kWater;
    case NodeKind::kSubstation:
      return utility == Utility::kHeat;
    case NodeKind::kRegulatorStation:
      return utility == Utility::kGas;
    case NodeKind::kDistrict:
    case NodeKind::kCommunity:
    case NodeKind::kBuilding:
    case NodeKind::kUnit:
      return true;
  }
  return false;
}

}  // namespace lifeline
