// Attachment names and types, and the upload checks that need no database: declared types,
// lying content, sizes, and who may attach to an order.
#include "core/attachments/attachment.h"

#include <gtest/gtest.h>

#include "core/attachments/attachment_service.h"

namespace lifeline {
namespace {

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01", 20);

TEST(ParseMediaType, AcceptsTheFourTypesWithParametersAndAnyCase) {
  EXPECT_EQ(ParseMediaType("image/jpeg"), MediaType::kJpeg);
  EXPECT_EQ(ParseMediaType("IMAGE/PNG; charset=binary"), MediaType::kPng);
  EXPECT_EQ(ParseMediaType(" image/webp "), MediaType::kWebp);
  EXPECT_EQ(ParseMediaType("application/pdf"), MediaType::kPdf);
  EXPECT_EQ(ParseMediaType("image/jpg"), std::nullopt);
  EXPECT_EQ(ParseMediaType("image/svg+xml"), std::nullopt);
  EXPECT_EQ(ParseMediaType("text/html"), std::nullopt);
  EXPECT_EQ(ParseMediaType(""), std::nullopt);
  for (MediaType type : kAllMediaTypes) EXPECT_EQ(ParseMediaType(MediaTypeCode(type)), type);
}

TEST(SanitizeFileName, KeepsOnlyTheLastPathComponent) {
  EXPECT_EQ(SanitizeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SanitizeFileName("C:\\Users\\李\\现场照片.jpg"), "现场照片.jpg");
  EXPECT_EQ(SanitizeFileName("/abs/path/a.pdf"), "a.pdf");
  EXPECT_EQ(SanitizeFileName("dir/"), "附件");
}

TEST(SanitizeFileName, DropsControlsQuotesAndDirectionTricks) {
  EXPECT_EQ(SanitizeFileName("a\r\nContent-Type: x.jpg"), "aContent-Type: x.jpg");
  EXPECT_EQ(SanitizeFileName("say \"hi\".png"), "say hi.png");
  EXPECT_EQ(SanitizeFileName("invoice\u202Egpj.exe"), "invoicegpj.exe");
  EXPECT_EQ(SanitizeFileName("bad\xFF\xFEutf8.jpg"), "badutf8.jpg");
}

TEST(SanitizeFileName, NoHiddenNamesNoBlanksNeverEmpty) {
  EXPECT_EQ(SanitizeFileName(".htaccess"), "htaccess");
  EXPECT_EQ(SanitizeFileName(".."), "附件");
  EXPECT_EQ(SanitizeFileName("   "), "附件");
  EXPECT_EQ(SanitizeFileName("  photo 1.jpg  "), "photo 1.jpg");
  EXPECT_EQ(SanitizeFileName(""), "附件");
}

TEST(SanitizeFileName, BoundsTheLengthOnWholeCharacters) {
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "照";  // 3 bytes each
  const std::string cut = SanitizeFileName(long_name + ".jpg");
  EXPECT_LE(cut.size(), kMaxAttachmentNameBytes);
  EXPECT_EQ(cut.size() % 3, 0u) << "no character cut in half";
  EXPECT_EQ(SanitizeFileName(cut), cut);
}

TEST(IsSha256Hex, OnlyLowercaseHexOf64) {
  EXPECT_TRUE(IsSha256Hex(std::string(64, 'a')));
  EXPECT_FALSE(IsSha256Hex(std::string(64, 'A')));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a')));
  EXPECT_FALSE(IsSha256Hex("../" + std::string(61, 'a')));
}

TEST(CheckUpload, RefusesUnknownTypesAndLiesWith415NamingContentType) {
  auto refused = CheckUpload({"a.png", "text/html", kPng}, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(refused.error().field, "content_type");
  auto lie = CheckUpload({"a.png", "image/png", "<html><script>"}, false);
  ASSERT_FALSE(lie);
  EXPECT_EQ(lie.error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(lie.error().field, "content_type");
  auto other = CheckUpload({"a.jpg", "image/jpeg", kPng}, false);
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("image/png"), std::string::npos) << "says what it is";
  EXPECT_TRUE(CheckUpload({"a.png", "image/png; charset=binary", kPng}, false));
}

TEST(CheckUpload, EmptyIs400AndOverTenMebibytesIs413) {
  auto empty = CheckUpload({"a.png", "image/png", ""}, false);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "content");
  const std::string big = kPng + std::string(kMaxAttachmentBytes, '\0');
  auto large = CheckUpload({"a.png", "image/png", big}, false);
  ASSERT_FALSE(large);
  EXPECT_EQ(large.error().code, ErrorCode::kTooLarge);
  const std::string exact = kPng + std::string(kMaxAttachmentBytes - kPng.size(), '\0');
  EXPECT_TRUE(CheckUpload({"a.png", "image/png", exact}, false));
}

TEST(CheckUpload, CustomersSendImagesOnly) {
  auto pdf = CheckUpload({"a.pdf", "application/pdf", "%PDF-1.4\n"}, true);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_TRUE(CheckUpload({"a.pdf", "application/pdf", "%PDF-1.4\n"}, false));
}

Principal As(Role role, std::int64_t id) {
  Principal p;
  p.user_id = id;
  p.role = role;
  p.permissions = RolePermissions(role);
  return p;
}

TEST(CheckAttacher, AgentsDispatchersAndTheAssigneeOnly) {
  WorkOrder order;
  order.assignee_id = 7;
  EXPECT_TRUE(CheckAttacher(As(Role::kAgent, 1), order));
  EXPECT_TRUE(CheckAttacher(As(Role::kDispatcher, 2), order));
  EXPECT_TRUE(CheckAttacher(As(Role::kTechnician, 7), order));
  auto other_tech = CheckAttacher(As(Role::kTechnician, 8), order);
  ASSERT_FALSE(other_tech);
  EXPECT_EQ(other_tech.error().code, ErrorCode::kForbidden);
  auto manager = CheckAttacher(As(Role::kManager, 9), order);
  ASSERT_FALSE(manager);
  EXPECT_NE(manager.error().message.find("workorders:create"), std::string::npos);
}

}  // namespace
}  // namespace lifeline
