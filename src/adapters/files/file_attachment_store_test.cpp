// The file store: content-addressed paths, deduplication, the round trip, and nothing left in
// tmp/ after a write.
#include "adapters/files/file_attachment_store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "adapters/crypto/sodium.h"

namespace lifeline::files {
namespace {

namespace fs = std::filesystem;

class FileAttachmentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::InitSodium());
    std::string dir = (fs::temp_directory_path() / "lifeline-files-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir.data()), nullptr);
    root_ = fs::path(dir) / "attachments";
    auto opened = FileAttachmentStore::Open(root_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  void TearDown() override { fs::remove_all(root_.parent_path()); }

  fs::path root_;
  std::unique_ptr<FileAttachmentStore> store_;
};

// SHA-256("abc"), FIPS 180-2 appendix B.1.
constexpr std::string_view kAbc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST_F(FileAttachmentStoreTest, StoresUnderTheShardedHashAndReadsBack) {
  auto stored = store_->Put("abc");
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->sha256, kAbc);
  EXPECT_EQ(stored->size, 3);
  EXPECT_FALSE(stored->deduplicated);
  EXPECT_TRUE(fs::exists(root_ / "ba" / "78" / kAbc));
  auto read = store_->Get(kAbc);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, "abc");
  EXPECT_TRUE(fs::is_empty(root_ / "tmp")) << "the temp file was renamed, not copied";
}

TEST_F(FileAttachmentStoreTest, TheSameContentIsStoredOnce) {
  ASSERT_TRUE(store_->Put("abc"));
  auto again = store_->Put("abc");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->deduplicated);
  EXPECT_EQ(again->sha256, kAbc);
}

TEST_F(FileAttachmentStoreTest, BinaryContentRoundTrips) {
  std::string bytes(1 << 20, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 % 251);
  auto stored = store_->Put(bytes);
  ASSERT_TRUE(stored);
  auto read = store_->Get(stored->sha256);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, bytes);
}

TEST_F(FileAttachmentStoreTest, UnknownAndMalformedKeys) {
  auto absent = store_->Get(std::string(64, 'a'));
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
  auto traversal = store_->Get("../../../../etc/passwd");
  ASSERT_FALSE(traversal);
  EXPECT_EQ(traversal.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(FileAttachmentStoreTest, OpeningClearsWhatAnInterruptedUploadLeftInTmp) {
  { std::ofstream(root_ / "tmp" / "half-written") << "partial"; }
  ASSERT_TRUE(FileAttachmentStore::Open(root_));
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
}

}  // namespace
}  // namespace lifeline::files
