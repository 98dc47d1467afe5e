#include "adapters/http/static_files.h"

#include <array>
#include <fstream>
#include <iterator>

namespace lifeline::http {

namespace {

std::string ContentType(const std::filesystem::path& path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::string extension = path.extension().string();
  for (const auto& [ext, type] : kTypes) {
    if (ext == extension) return std::string(type);
  }
  return "application/octet-stream";
}

}  // namespace

void StaticFiles::Load(const std::filesystem::path& root) {
  std::error_code ec;
  if (root.empty() || !std::filesystem::is_directory(root, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string url = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    files_[url] = {ContentType(entry.path()), std::move(body), url.starts_with("/assets/")};
  }
}

std::optional<Response> StaticFiles::Serve(std::string_view path) const {
  if (files_.empty()) return std::nullopt;
  auto it = files_.find(std::string(path));
  const bool has_extension =
      path.rfind('.') != std::string_view::npos && path.rfind('.') > path.rfind('/');
  if (it == files_.end() && !has_extension) it = files_.find("/index.html");
  if (it == files_.end()) return std::nullopt;
  Response response;
  response.content_type = it->second.content_type;
  response.body = it->second.body;
  response.headers.emplace_back(
      "Cache-Control", it->second.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace lifeline::http
