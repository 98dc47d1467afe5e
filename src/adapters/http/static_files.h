// The web app's built files, loaded into memory at start (the bundle is a few megabytes), so
// serving them is a map lookup with no disk I/O on the I/O threads. Unknown paths without a
// file extension fall back to index.html: the single-page app routes them itself.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/http/message.h"

namespace lifeline::http {

class StaticFiles {
 public:
  // Loads every file under `root`; an empty or missing root serves nothing.
  void Load(const std::filesystem::path& root);
  bool empty() const { return files_.empty(); }
  std::optional<Response> Serve(std::string_view path) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool immutable;  // content-hashed build assets may be cached forever
  };
  std::unordered_map<std::string, File> files_;
};

}  // namespace lifeline::http
