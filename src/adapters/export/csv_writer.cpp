// CSV as Excel on a Chinese desktop opens it: UTF-8 with a byte-order mark, RFC 4180 quoting,
// CRLF line ends. Text that a spreadsheet would run as a formula (=, +, -, @ first) is
// prefixed with an apostrophe: titles come from callers, and an export must not execute them.
#include "adapters/export/csv_writer.h"

#include <cstdio>

namespace lifeline::exports {

namespace {

void AppendText(std::string& out, std::string_view text) {
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                         text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendNumber(std::string& out, double value) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, "%.10g", value);
  out.append(buffer, static_cast<std::size_t>(n));
}

}  // namespace

CsvWriter::CsvWriter() {
  out_ = "\xEF\xBB\xBF";
}

Status CsvWriter::Row(std::span<const Cell> cells) {
  bool first = true;
  for (const Cell& cell : cells) {
    if (!first) out_ += ',';
    first = false;
    if (const auto* text = std::get_if<std::string>(&cell)) {
      AppendText(out_, *text);
    } else if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
      out_ += std::to_string(*whole);
    } else if (const auto* real = std::get_if<double>(&cell)) {
      AppendNumber(out_, *real);
    }
  }
  out_ += "\r\n";
  return Ok();
}

Result<std::string> CsvWriter::Finish() {
  return std::move(out_);
}

}  // namespace lifeline::exports
