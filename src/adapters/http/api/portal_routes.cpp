// The portal's report-a-problem and bill pages: no login, light verification (account number and
// the last four digits of the holder's phone), answers without personal data beyond the masked
// holder. docs/design/portal.md.
#include "adapters/http/api/api_support.h"
#include "adapters/http/api/json_views.h"
#include "adapters/http/api/routes.h"
#include "adapters/http/api/work_order_json.h"

namespace lifeline::http {

namespace {

struct Verification {
  std::string account_no;
  std::string phone_last4;
};

Result<Verification> ReadVerification(const JsonBody& body) {
  auto account_no = body.String("account_no", 32);
  if (!account_no) return Fail(account_no.error());
  // Four digits: checked by the service, which names the field.
  auto last4 = body.String("phone_last4", 4);
  if (!last4) return Fail(last4.error());
  return Verification{std::move(*account_no), std::move(*last4)};
}

Result<PortalReport> ReadReport(const JsonBody& body) {
  auto verification = ReadVerification(body);
  if (!verification) return Fail(verification.error());
  PortalReport report;
  report.account_no = std::move(verification->account_no);
  report.phone_last4 = std::move(verification->phone_last4);
  auto category = body.String("category", 100);
  if (!category) return Fail(category.error());
  report.category = std::move(*category);
  // Bytes here; the service counts characters (500), which is at most 2,000 bytes of UTF-8.
  auto description = body.String("description", 4 * kPortalDescriptionMaxChars);
  if (!description) return Fail(description.error());
  report.description = std::move(*description);
  auto type = body.OptionalString("type", 30);
  if (!type) return Fail(type.error());
  if (const std::optional<std::string>& code = *type; code.has_value()) {
    auto parsed = ParseWorkOrderType(*code);
    if (!parsed) return Fail(Error::Invalid("type", "unknown type: " + *code));
    report.type = *parsed;
  }
  auto phone = body.OptionalString("contact_phone", 30);
  if (!phone) return Fail(phone.error());
  report.contact_phone = phone->value_or("");
  return report;
}

Json ReceiptJson(const PortalReceipt& receipt) {
  return {{"number", receipt.number},
          {"tracking_code", receipt.tracking_code},
          {"state", WorkOrderStateCode(receipt.state)},
          {"category", receipt.category},
          {"created_at", receipt.created_at}};
}

Json PortalBillJson(const PortalBill& bill) {
  Json json = BillingSnapshotJson(bill.billing);
  json["utility"] = UtilityCode(bill.utility);
  json["holder"] = bill.holder;
  json["address"] = bill.address;
  return json;
}

}  // namespace

void AddPortalRoutes(Router& router, ApiDependencies& deps) {
  PortalService& portal = deps.portal;
  const auto open = RouteAccess::kPublic;
  const auto worker = RouteExecution::kWorker;
  router.Add(Method::kGet, "/api/v1/public/work-order-categories", open, RouteExecution::kInline,
             [&portal](RouteContext&) { return JsonOk(CategoryTreeJson(*portal.Categories())); });
  router.Add(Method::kPost, "/api/v1/public/work-orders", open, worker, [&portal](RouteContext& c) {
    return WithBody(c, ReadReport, [&](const PortalReport& report) {
      return Reply(c, portal.Report(report), ReceiptJson, 201);
    });
  });
  router.Add(Method::kPost, "/api/v1/public/bill-query", open, worker, [&portal](RouteContext& c) {
    return WithBody(c, ReadVerification, [&](const Verification& v) {
      return Reply(c, portal.Bill(v.account_no, v.phone_last4), PortalBillJson);
    });
  });
}

}  // namespace lifeline::http
