// A table written row by row into a downloadable file: CSV or XLSX. Rows go straight to the
// format (XLSX in libxlsxwriter's constant-memory mode), so a large export holds one row at a
// time besides the finished file. Used by the report exports (docs/design/reports.md).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/common/error.h"

namespace lifeline::exports {

// Empty, text, or a number (integers stay exact up to 2^53 in XLSX).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

enum class TableFormat { kCsv, kXlsx };

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual Status Row(std::span<const Cell> cells) = 0;
  // The whole file; the writer is spent afterwards.
  virtual Result<std::string> Finish() = 0;
};

// `sheet` names the XLSX worksheet (at most 31 characters); CSV ignores it.
Result<std::unique_ptr<TableWriter>> OpenTableWriter(TableFormat format, std::string_view sheet);

std::string_view ContentTypeOf(TableFormat format);
std::string_view ExtensionOf(TableFormat format);

// Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 with the
// RFC 5987 filename* parameter), e.g. 工单报表-2026-11.xlsx.
std::string AttachmentDisposition(std::string_view ascii_name, std::string_view utf8_name);

}  // namespace lifeline::exports
