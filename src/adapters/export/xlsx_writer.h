#pragma once

#include <filesystem>

#include "adapters/export/table_writer.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace lifeline::exports {

// libxlsxwriter in constant-memory mode: each row is flushed to a temporary file as it is
// written; Finish closes the workbook (checking its result), reads the file and removes it.
class XlsxWriter final : public TableWriter {
 public:
  static Result<std::unique_ptr<XlsxWriter>> Open(std::string_view sheet);
  ~XlsxWriter() override;
  Status Row(std::span<const Cell> cells) override;
  Result<std::string> Finish() override;

 private:
  explicit XlsxWriter(std::filesystem::path path) : path_(std::move(path)) {}

  std::filesystem::path path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  std::uint32_t row_ = 0;
};

}  // namespace lifeline::exports
