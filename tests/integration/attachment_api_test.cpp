// Attachments, the customer's rating and the contact link through the real binary on both
// backends: uploads of JPEG, PNG and PDF with the raw file as the body, a body lying about its
// type (415), one over 10 MiB (413) while uploads above the server's 1 MiB JSON limit pass,
// scope (404) and a technician on someone else's order (403), the content round trip with its
// hash and headers, the customer's photo and rating by tracking code.
#include <gmock/gmock.h>

#include "adapters/crypto/sodium.h"
#include "tests/integration/served_city.h"

namespace lifeline::testing {
namespace {

using ::testing::HasSubstr;
using Headers = std::vector<std::pair<std::string, std::string>>;

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 29);
const std::string kJpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
const std::string kPdf("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

class AttachmentApi : public CityTest {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::InitSodium()); }

  nlohmann::json FirstCustomer(const std::string& token) {
    HttpReply pop =
        http().Get("/api/v1/customers?phone=" + ServedCity::FirstCustomerPhone(), token);
    EXPECT_EQ(pop.status, 200) << pop.body;
    return pop.Json()["items"][0];
  }

  // A question answered on the call (no visit), on the customer's first account: it has the
  // account's district, so data scope applies.
  nlohmann::json Created(const std::string& agent,
                         nlohmann::json extra = nlohmann::json::object()) {
    const nlohmann::json customer = FirstCustomer(agent);
    const nlohmann::json account = customer["accounts"][0];
    // A question no demo routing rule takes, so the order stays with the agent (accepted) and
    // the agent may resolve it at first contact.
    const std::string category = "general.consultation";
    nlohmann::json body{{"type", "consultation"},
                        {"category", category},
                        {"title", "账单咨询"},
                        {"customer_id", customer["id"]},
                        {"account_id", account["id"]}};
    body.update(extra);
    HttpReply created = http().Post("/api/v1/work-orders", body.dump(), agent);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json();
  }

  HttpReply Upload(std::int64_t order, const std::string& name, const std::string& type,
                   const std::string& bytes, const std::string& token) {
    return http().Send("POST",
                       "/api/v1/work-orders/" + std::to_string(order) + "/attachments?name=" + name,
                       bytes, {{"Authorization", "Bearer " + token}, {"Content-Type", type}});
  }

  HttpReply Step(std::int64_t id, nlohmann::json body, const std::string& token) {
    return http().Post("/api/v1/work-orders/" + std::to_string(id) + "/transitions", body.dump(),
                       token);
  }

  // Technicians whose scope does and does not reach `district_id`.
  std::pair<std::string, std::string> TechniciansFor(std::int64_t district_id) {
    std::string inside;
    std::string outside;
    for (const char* name : {"tech01", "tech11", "tech21", "tech31"}) {
      const std::string token = LoginAs(name);
      const nlohmann::json me = http().Get("/api/v1/auth/me", token).Json();
      bool covers = false;
      for (const auto& d : me["district_scope"]) covers = covers || d == district_id;
      (covers ? inside : outside) = token;
    }
    EXPECT_FALSE(inside.empty());
    EXPECT_FALSE(outside.empty());
    return {inside, outside};
  }
};

TEST_P(AttachmentApi, UploadsOfEachTypeAndTheContentRoundTripWithItsHash) {
  const std::string agent = LoginAs("agent01");
  const std::int64_t id = Created(agent)["id"];
  const crypto::Sha256Digest sha;
  for (const auto& [name, type, bytes] :
       {std::tuple{std::string("%E7%8E%B0%E5%9C%BA.jpg"), "image/jpeg", kJpeg},
        std::tuple{std::string("..%2F..%2Fetc%2Fmeter.png"), "image/png", kPng},
        std::tuple{std::string("invoice.pdf"), "application/pdf", kPdf}}) {
    HttpReply up = Upload(id, name, type, bytes, agent);
    ASSERT_EQ(up.status, 201) << up.body;
    const nlohmann::json a = up.Json();
    for (const char* key : {"id", "order_id", "name", "content_type", "size", "sha256",
                            "uploaded_by", "uploaded_by_name", "uploaded_at"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
    EXPECT_EQ(a["order_id"], id);
    EXPECT_EQ(a["content_type"], type);
    EXPECT_EQ(a["size"], bytes.size());
    EXPECT_EQ(a["sha256"], sha.Sha256Hex(bytes));

    HttpReply content = http().Get(
        "/api/v1/attachments/" + std::to_string(a["id"].get<std::int64_t>()) + "/content", agent);
    ASSERT_EQ(content.status, 200) << content.body;
    EXPECT_EQ(content.body, bytes);
    EXPECT_EQ(sha.Sha256Hex(content.body), a["sha256"]);
    EXPECT_EQ(content.Header("content-type"), type);
    EXPECT_EQ(content.Header("x-content-type-options"), "nosniff");
    EXPECT_THAT(content.Header("content-disposition"), HasSubstr("filename*=UTF-8''"));
  }
  HttpReply list = http().Get("/api/v1/work-orders/" + std::to_string(id) + "/attachments", agent);
  ASSERT_EQ(list.status, 200);
  const nlohmann::json items = list.Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["name"], "现场.jpg");
  EXPECT_EQ(items[1]["name"], "meter.png") << "no path components";
  const nlohmann::json detail =
      http().Get("/api/v1/work-orders/" + std::to_string(id), agent).Json();
  EXPECT_EQ(detail["history"].back()["action"], "attach");
  EXPECT_EQ(detail["state"], "accepted");
}

TEST_P(AttachmentApi, LyingTypesAre415AndBodiesOverTenMebibytesAre413) {
  const std::string agent = LoginAs("agent01");
  const std::int64_t id = Created(agent)["id"];
  HttpReply lie = Upload(id, "x.png", "image/png", "<html><script>alert(1)</script>", agent);
  EXPECT_EQ(lie.status, 415) << lie.body;
  EXPECT_THAT(lie.Header("content-type"), HasSubstr("application/problem+json"));
  EXPECT_EQ(lie.Json()["field"], "content_type");
  EXPECT_EQ(Upload(id, "x.jpg", "image/jpeg", kPng, agent).status, 415) << "a PNG is not a JPEG";
  EXPECT_EQ(Upload(id, "x.svg", "image/svg+xml", "<svg/>", agent).status, 415);
  EXPECT_EQ(Upload(id, "x.png", "", kPng, agent).status, 415);

  // Above the server's 1 MiB JSON limit but within the route's 10 MiB: taken.
  const std::string two_mib = kJpeg + std::string(2 << 20, '\x55');
  EXPECT_EQ(Upload(id, "big.jpg", "image/jpeg", two_mib, agent).status, 201);
  const std::string too_big = kJpeg + std::string((10 << 20) - kJpeg.size() + 1, '\x55');
  HttpReply large = Upload(id, "huge.jpg", "image/jpeg", too_big, agent);
  EXPECT_EQ(large.status, 413) << large.body;
  // Other routes keep the server's limit.
  const std::string big_json = R"({"title": ")" + std::string(2 << 20, 'x') + R"("})";
  EXPECT_EQ(http().Post("/api/v1/work-orders", big_json, agent).status, 413);
  EXPECT_EQ(Upload(id, "", "image/png", kPng, agent).Json()["field"], "name");
}

TEST_P(AttachmentApi, ScopeHidesTheOrderAndOnlyTheAssigneeTechnicianMayAttach) {
  const std::string agent = LoginAs("agent01");
  const std::string dispatcher = LoginAs("dispatcher01");
  const nlohmann::json order = Created(agent);
  const std::int64_t id = order["id"];
  HttpReply up = Upload(id, "a.jpg", "image/jpeg", kJpeg, agent);
  ASSERT_EQ(up.status, 201);
  const std::string content =
      "/api/v1/attachments/" + std::to_string(up.Json()["id"].get<std::int64_t>()) + "/content";
  const auto [inside, outside] = TechniciansFor(order["district_id"]);
  EXPECT_EQ(Upload(id, "b.jpg", "image/jpeg", kJpeg, outside).status, 404);
  EXPECT_EQ(
      http().Get("/api/v1/work-orders/" + std::to_string(id) + "/attachments", outside).status,
      404);
  EXPECT_EQ(http().Get(content, outside).status, 404);
  EXPECT_EQ(http().Get(content, inside).status, 200) << "reading follows the order";

  HttpReply not_theirs = Upload(id, "b.jpg", "image/jpeg", kJpeg, inside);
  EXPECT_EQ(not_theirs.status, 403) << not_theirs.body;
  const nlohmann::json me = http().Get("/api/v1/auth/me", inside).Json();
  ASSERT_EQ(Step(id, {{"action", "assign"}, {"assignee_id", me["user_id"]}}, dispatcher).status,
            200);
  EXPECT_EQ(Upload(id, "b.jpg", "image/jpeg", kJpeg, inside).status, 201);
  EXPECT_EQ(http().Get(content, "").status, 401);
}

TEST_P(AttachmentApi, TheCustomerAddsPhotosAndRatesOnceAfterResolution) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json order = Created(agent);
  const std::int64_t id = order["id"];
  const std::string code = order["tracking_code"];
  const std::string track = "/api/v1/track/" + code;
  HttpReply photo = http().Send("POST", track + "/attachments?name=leak.png", kPng,
                                {{"Content-Type", "image/png"}});
  ASSERT_EQ(photo.status, 201) << photo.body;
  EXPECT_FALSE(photo.Json().contains("sha256")) << "nothing about storage for the public";
  EXPECT_EQ(http()
                .Send("POST", track + "/attachments?name=a.pdf", kPdf,
                      {{"Content-Type", "application/pdf"}})
                .status,
            415);

  HttpReply early = http().Post(track + "/rating", R"({"satisfaction": 5})");
  EXPECT_EQ(early.status, 409);
  EXPECT_THAT(early.Json()["detail"].get<std::string>(), HasSubstr("accepted"));
  ASSERT_EQ(Step(id, {{"action", "resolve"}}, agent).status, 200);
  EXPECT_EQ(http().Post(track + "/rating", R"({"satisfaction": 0})").Json()["field"],
            "satisfaction");
  HttpReply rated = http().Post(track + "/rating", R"({"satisfaction": 1, "comment": "太慢"})");
  ASSERT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(rated.Json()["rated"], true);
  EXPECT_EQ(rated.Json()["state"], "resolved");
  EXPECT_EQ(http().Post(track + "/rating", R"({"satisfaction": 5})").status, 409);
  EXPECT_EQ(http().Get(track).Json()["rated"], true);

  const nlohmann::json detail =
      http().Get("/api/v1/work-orders/" + std::to_string(id), agent).Json();
  EXPECT_EQ(detail["customer_rating"]["satisfaction"], 1);
  EXPECT_EQ(detail["customer_rating"]["comment"], "太慢");
  EXPECT_EQ(detail["needs_review"], true);
  EXPECT_EQ(detail["history"].back()["action"], "rate");
}

TEST_P(AttachmentApi, AnOrderNamesAContactOfItsCustomerAndTheTimelineShowsIt) {
  const std::string agent = LoginAs("agent01");
  const nlohmann::json customer = FirstCustomer(agent);
  HttpReply contact = http().Post(
      "/api/v1/interactions",
      nlohmann::json{{"channel", "phone"}, {"customer_id", customer["id"]}, {"summary", "来电"}}
          .dump(),
      agent);
  ASSERT_EQ(contact.status, 201) << contact.body;
  const std::int64_t contact_id = contact.Json()["id"];
  HttpReply bad = http().Post("/api/v1/work-orders",
                              nlohmann::json{{"type", "consultation"},
                                             {"category", "general.consultation"},
                                             {"title", "x"},
                                             {"interaction_id", 999'999'999}}
                                  .dump(),
                              agent);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "interaction_id");
  const nlohmann::json order = Created(agent, {{"interaction_id", contact_id}});
  const nlohmann::json one =
      http().Get("/api/v1/interactions/" + std::to_string(contact_id), agent).Json();
  ASSERT_EQ(one["work_orders"].size(), 1u);
  EXPECT_EQ(one["work_orders"][0]["id"], order["id"]);
  EXPECT_EQ(one["work_orders"][0]["number"], order["number"]);
  const nlohmann::json timeline =
      http()
          .Get("/api/v1/customers/" + std::to_string(customer["id"].get<std::int64_t>()) +
                   "/timeline",
               agent)
          .Json();
  bool shown = false;
  for (const auto& i : timeline["items"]) {
    if (i["id"] == contact_id) shown = i["work_orders"].size() == 1;
  }
  EXPECT_TRUE(shown);
}

LIFELINE_CITY_ON_BOTH_BACKENDS(AttachmentApi);

}  // namespace
}  // namespace lifeline::testing
