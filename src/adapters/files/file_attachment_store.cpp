#include "adapters/files/file_attachment_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>

#include "adapters/crypto/sodium.h"
#include "core/attachments/attachment.h"

namespace lifeline::files {

namespace {

namespace fs = std::filesystem;

Error IoError(std::string what, const fs::path& path, int error) {
  return Error::Unavailable(what + " " + path.string() + ": " + std::strerror(error));
}

// Closes the descriptor however the function is left.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

Status WriteAll(int fd, std::string_view content, const fs::path& path) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return Fail(IoError("cannot write", path, errno));
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return Ok();
}

Status SyncDirectory(const fs::path& dir) {
  Descriptor d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd < 0) return Fail(IoError("cannot open", dir, errno));
  if (::fsync(d.fd) != 0) return Fail(IoError("cannot sync", dir, errno));
  return Ok();
}

// A name no other Put in this process or another uses at the same time.
fs::path TempName(const fs::path& tmp, std::string_view sha256) {
  static std::atomic<std::uint64_t> counter{0};
  return tmp / (std::string(sha256.substr(0, 16)) + "." + std::to_string(::getpid()) + "." +
                std::to_string(counter.fetch_add(1)));
}

Status WriteDurably(const fs::path& temp, std::string_view content) {
  Descriptor d{::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)};
  if (d.fd < 0) return Fail(IoError("cannot create", temp, errno));
  if (auto s = WriteAll(d.fd, content, temp); !s) return s;
  if (::fsync(d.fd) != 0) return Fail(IoError("cannot sync", temp, errno));
  return Ok();
}

}  // namespace

Result<std::unique_ptr<FileAttachmentStore>> FileAttachmentStore::Open(fs::path root) {
  std::error_code ec;
  fs::create_directories(root / "tmp", ec);
  if (ec) return Fail(IoError("cannot create", root / "tmp", ec.value()));
  // Left over from uploads interrupted by a crash: never renamed, so never referenced.
  for (const fs::directory_entry& entry : fs::directory_iterator(root / "tmp", ec)) {
    fs::remove(entry.path(), ec);
  }
  return std::unique_ptr<FileAttachmentStore>(new FileAttachmentStore(std::move(root)));
}

fs::path FileAttachmentStore::PathOf(std::string_view sha256) const {
  const std::string hash(sha256);
  return root_ / hash.substr(0, 2) / hash.substr(2, 2) / hash;
}

Result<StoredContent> FileAttachmentStore::Put(std::string_view content) {
  StoredContent stored;
  stored.sha256 = crypto::Sha256Digest().Sha256Hex(content);
  stored.size = static_cast<std::int64_t>(content.size());
  const fs::path target = PathOf(stored.sha256);
  std::error_code ec;
  if (fs::file_size(target, ec) == content.size() && !ec) {
    stored.deduplicated = true;  // same hash and size: the same bytes
    return stored;
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Fail(IoError("cannot create", target.parent_path(), ec.value()));
  const fs::path temp = TempName(root_ / "tmp", stored.sha256);
  Status written = WriteDurably(temp, content);
  if (written && ::rename(temp.c_str(), target.c_str()) != 0) {
    written = Fail(IoError("cannot rename into", target, errno));
  }
  if (!written) {
    fs::remove(temp, ec);
    return Fail(written.error());
  }
  if (auto s = SyncDirectory(target.parent_path()); !s) return Fail(s.error());
  return stored;
}

Result<std::string> FileAttachmentStore::Get(std::string_view sha256) {
  if (!IsSha256Hex(sha256)) return Fail(Error::Invalid("sha256", "not a SHA-256 in hex"));
  const fs::path path = PathOf(sha256);
  Descriptor d{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (d.fd < 0) {
    if (errno == ENOENT) return Fail(Error::NotFound("no stored content " + std::string(sha256)));
    return Fail(IoError("cannot open", path, errno));
  }
  std::string bytes;
  std::array<char, 1 << 16> chunk;
  for (;;) {
    const ssize_t n = ::read(d.fd, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(IoError("cannot read", path, errno));
    }
    if (n == 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(n));
  }
  return bytes;
}

}  // namespace lifeline::files
