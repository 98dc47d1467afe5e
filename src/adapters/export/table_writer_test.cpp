// CSV and XLSX downloads: what Excel needs to open them right, and what must never execute.
#include "adapters/export/table_writer.h"

#include <gtest/gtest.h>

#include <array>

namespace lifeline::exports {
namespace {

std::string Write(TableFormat format, std::initializer_list<std::vector<Cell>> rows) {
  auto writer = OpenTableWriter(format, "工单报表");
  EXPECT_TRUE(writer.has_value());
  for (const std::vector<Cell>& row : rows) EXPECT_TRUE((*writer)->Row(row).has_value());
  auto body = (*writer)->Finish();
  EXPECT_TRUE(body.has_value()) << (body ? "" : body.error().message);
  return body ? *body : std::string();
}

TEST(CsvWriter, Utf8WithBomQuotedAndSafeFromFormulas) {
  const std::string csv = Write(TableFormat::kCsv, {{std::string("分组"), std::string("受理量")},
                                                    {std::string("供水, 漏水"), std::int64_t{12}},
                                                    {std::string("=HYPERLINK(\"x\")"), 0.25},
                                                    {std::monostate{}, std::string("a\"b")}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "分组,受理量\r\n"
            "\"供水, 漏水\",12\r\n"
            "\"'=HYPERLINK(\"\"x\"\")\",0.25\r\n"
            ",\"a\"\"b\"\r\n");
}

TEST(XlsxWriter, AZipWithTheWorksheet) {
  const std::string xlsx = Write(TableFormat::kXlsx, {{std::string("分组"), std::string("受理量")},
                                                      {std::string("江北区"), std::int64_t{12}}});
  ASSERT_GT(xlsx.size(), 1000u);
  EXPECT_EQ(xlsx.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(xlsx.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(xlsx.find("xl/workbook.xml"), std::string::npos);
}

TEST(XlsxWriter, ManyRowsInConstantMemory) {
  auto writer = OpenTableWriter(TableFormat::kXlsx, "工单明细");
  ASSERT_TRUE(writer.has_value());
  for (std::int64_t i = 0; i < 20'000; ++i) {
    const std::array<Cell, 3> row{std::string("GD-20261115-") + std::to_string(i), i, 1.5};
    ASSERT_TRUE((*writer)->Row(row).has_value());
  }
  auto body = (*writer)->Finish();
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->substr(0, 2), "PK");
}

TEST(Disposition, AsciiFallbackAndRfc5987Name) {
  EXPECT_EQ(AttachmentDisposition("workorder-report-2026-11.csv", "工单报表-2026-11.csv"),
            "attachment; filename=\"workorder-report-2026-11.csv\"; "
            "filename*=UTF-8''%E5%B7%A5%E5%8D%95%E6%8A%A5%E8%A1%A8-2026-11.csv");
  EXPECT_EQ(ContentTypeOf(TableFormat::kXlsx),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace
}  // namespace lifeline::exports
