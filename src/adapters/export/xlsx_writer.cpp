#include "adapters/export/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "adapters/export/csv_writer.h"

namespace lifeline::exports {

namespace {

std::filesystem::path TemporaryPath() {
  static std::atomic<std::uint64_t> counter{0};
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  return dir / ("lifeline-export-" + std::to_string(::getpid()) + "-" +
                std::to_string(counter.fetch_add(1)) + ".xlsx");
}

}  // namespace

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Open(std::string_view sheet) {
  std::unique_ptr<XlsxWriter> writer(new XlsxWriter(TemporaryPath()));
  const std::string tmpdir = writer->path_.parent_path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  writer->workbook_ = workbook_new_opt(writer->path_.c_str(), &options);
  if (writer->workbook_ == nullptr) return Fail(Error::Internal("cannot start an XLSX workbook"));
  const std::string name(sheet);
  writer->sheet_ = workbook_add_worksheet(writer->workbook_, name.c_str());
  if (writer->sheet_ == nullptr) return Fail(Error::Internal("cannot add the XLSX worksheet"));
  writer->header_ = workbook_add_format(writer->workbook_);
  format_set_bold(writer->header_);
  return writer;
}

XlsxWriter::~XlsxWriter() {
  if (workbook_ != nullptr) (void)workbook_close(workbook_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Status XlsxWriter::Row(std::span<const Cell> cells) {
  lxw_format* format = row_ == 0 ? header_ : nullptr;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    lxw_error error = LXW_NO_ERROR;
    if (const auto* text = std::get_if<std::string>(&cells[i])) {
      error = worksheet_write_string(sheet_, row_, column, text->c_str(), format);
    } else if (const auto* whole = std::get_if<std::int64_t>(&cells[i])) {
      error = worksheet_write_number(sheet_, row_, column, static_cast<double>(*whole), format);
    } else if (const auto* real = std::get_if<double>(&cells[i])) {
      error = worksheet_write_number(sheet_, row_, column, *real, format);
    }
    if (error != LXW_NO_ERROR) {
      return Fail(Error::Internal(std::string("XLSX write failed: ") + lxw_strerror(error)));
    }
  }
  ++row_;
  return Ok();
}

Result<std::string> XlsxWriter::Finish() {
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  if (closed != LXW_NO_ERROR) {
    return Fail(Error::Internal(std::string("XLSX close failed: ") + lxw_strerror(closed)));
  }
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Fail(Error::Internal("cannot read the XLSX file back"));
  return bytes.str();
}

Result<std::unique_ptr<TableWriter>> OpenTableWriter(TableFormat format, std::string_view sheet) {
  if (format == TableFormat::kCsv) return std::unique_ptr<TableWriter>(new CsvWriter());
  auto xlsx = XlsxWriter::Open(sheet);
  if (!xlsx) return Fail(xlsx.error());
  return std::unique_ptr<TableWriter>(std::move(*xlsx));
}

std::string_view ContentTypeOf(TableFormat format) {
  return format == TableFormat::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string_view ExtensionOf(TableFormat format) {
  return format == TableFormat::kCsv ? "csv" : "xlsx";
}

std::string AttachmentDisposition(std::string_view ascii_name, std::string_view utf8_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : utf8_name) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + std::string(ascii_name) + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace lifeline::exports
