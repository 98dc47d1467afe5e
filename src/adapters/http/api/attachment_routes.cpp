// Work-order attachments: docs/design/attachments.md. The upload routes take the raw file as
// the body (Content-Type its type, ?name= its file name) under their own body limit; the
// content route sends the stored bytes with their stored type and nosniff.
#include <cctype>
#include <string>

#include "adapters/http/api/api_support.h"
#include "adapters/http/api/routes.h"

namespace lifeline::http {

namespace {

constexpr std::size_t kMaxRawNameBytes = 1000;

Json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"order_id", a.order_id},
          {"name", a.name},
          {"content_type", MediaTypeCode(a.type)},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by", a.uploaded_by ? Json(*a.uploaded_by) : Json(nullptr)},
          {"uploaded_by_name", a.uploaded_by_name},
          {"uploaded_at", a.uploaded_at}};
}

// What the customer sees of their own upload: nothing about staff or storage.
Json PublicAttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"content_type", MediaTypeCode(a.type)},
          {"size", a.size},
          {"uploaded_at", a.uploaded_at}};
}

Result<AttachmentUpload> ReadUpload(const RouteContext& c) {
  AttachmentUpload upload;
  auto name = c.request.QueryParam("name");
  if (!name || name->empty()) {
    return Fail(Error::Invalid("name", "give the file name as ?name="));
  }
  if (name->size() > kMaxRawNameBytes) return Fail(Error::Invalid("name", "name is too long"));
  upload.name = std::move(*name);
  upload.content_type = std::string(c.request.Header("content-type").value_or(""));
  upload.content = c.request.body;
  return upload;
}

// "inline; filename=\"a_b.jpg\"; filename*=UTF-8''a%E5%9B%BE.jpg": the ASCII form for old
// clients, the exact one (RFC 6266 / 5987) for the rest. Names are sanitised, so no quotes.
std::string ContentDisposition(const Attachment& a) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (const char ch : a.name) {
    const auto c = static_cast<unsigned char>(ch);
    ascii += c < 0x80 ? ch : '_';
    if (std::isalnum(c) != 0 || std::string_view("-._~").find(ch) != std::string_view::npos) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  // Images show in the browser; a PDF downloads (browser PDF viewers run scripts).
  const std::string kind = IsImage(a.type) ? "inline" : "attachment";
  return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response ContentResponse(const AttachmentContent& content) {
  const Attachment& a = content.attachment;
  Response response;
  response.status = 200;
  response.content_type = std::string(MediaTypeCode(a.type));
  response.body = content.bytes;
  response.headers = {{"Content-Disposition", ContentDisposition(a)},
                      {"X-Content-Type-Options", "nosniff"},
                      {"Content-Security-Policy", "default-src 'none'; sandbox"},
                      {"Cache-Control", "private, no-cache"},
                      {"ETag", "\"" + a.sha256 + "\""}};
  return response;
}

void AddStaffRoutes(Router& router, AttachmentService& attachments) {
  const auto authed = RouteAccess::kAuthenticated;
  const auto worker = RouteExecution::kWorker;
  router.Add(
      Method::kPost, "/api/v1/work-orders/{id}/attachments", authed, worker,
      [&attachments](RouteContext& c) {
        auto id = IdParam(c, "id");
        if (!id) return ProblemFor(c, id.error());
        auto upload = ReadUpload(c);
        if (!upload) return ProblemFor(c, upload.error());
        return Reply(c, attachments.Upload(c.user(), *id, *upload), AttachmentJson, 201);
      },
      kMaxAttachmentBytes);
  router.Add(Method::kGet, "/api/v1/work-orders/{id}/attachments", authed, worker,
             [&attachments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               return Reply(c, attachments.List(c.user(), *id),
                            [](const std::vector<Attachment>& items) {
                              Json list = Json::array();
                              for (const Attachment& a : items) list.push_back(AttachmentJson(a));
                              return Json{{"items", std::move(list)}};
                            });
             });
  router.Add(Method::kGet, "/api/v1/attachments/{id}/content", authed, worker,
             [&attachments](RouteContext& c) {
               auto id = IdParam(c, "id");
               if (!id) return ProblemFor(c, id.error());
               auto content = attachments.Open(c.user(), *id);
               if (!content) return ProblemFor(c, content.error());
               return ContentResponse(*content);
             });
}

// No login: a customer adds photos through the tracking code.
void AddCustomerRoute(Router& router, AttachmentService& attachments) {
  router.Add(
      Method::kPost, "/api/v1/track/{code}/attachments", RouteAccess::kPublic,
      RouteExecution::kWorker,
      [&attachments](RouteContext& c) {
        const std::string_view code = c.Param("code");
        if (code.size() > 32) {
          return ProblemFor(c, Error::NotFound("no work order with this tracking code"));
        }
        auto upload = ReadUpload(c);
        if (!upload) return ProblemFor(c, upload.error());
        return Reply(c, attachments.UploadByCustomer(code, *upload, c.request.remote_address),
                     PublicAttachmentJson, 201);
      },
      kMaxAttachmentBytes);
}

}  // namespace

void AddAttachmentRoutes(Router& router, ApiDependencies& deps) {
  AddStaffRoutes(router, deps.attachments);
  AddCustomerRoute(router, deps.attachments);
}

}  // namespace lifeline::http
