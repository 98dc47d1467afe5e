// How core records look in API responses. One function per record type; responses never
// include secrets (password hashes, key hashes) and carry stable codes, not display text.
#pragma once

#include "adapters/http/api/api_support.h"
#include "adapters/json/json_writer.h"
#include "core/audit/audit_entry.h"
#include "core/billing/billing_snapshot.h"
#include "core/customers/customer.h"
#include "core/identity/org_unit.h"
#include "core/identity/principal.h"
#include "core/identity/session.h"
#include "core/identity/user.h"
#include "core/topology/topology.h"

namespace lifeline::http {

Json UserJson(const User& user);
Json PrincipalJson(const Principal& principal);
Json OrgUnitJson(const OrgUnit& unit);
Json ApiKeyJson(const ApiKey& key);
Json AuditRecordJson(const AuditRecord& record);
Json TopologyNodeJson(const TopologyNode& node);
Json BillingSnapshotJson(const BillingSnapshot& snapshot);

// The screen pop's payload, on the hot path: written straight to text.
void WriteCustomer(json::JsonWriter& out, const Customer& customer);
// The same members without the braces, for responses that add to them.
void WriteCustomerFields(json::JsonWriter& out, const Customer& customer);

}  // namespace lifeline::http
