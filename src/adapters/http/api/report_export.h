// The report and its raw rows as downloadable tables, with Chinese headers: the report one row
// per group and a 合计 row; the rows one line per order (no personal data).
#pragma once

#include "adapters/export/table_writer.h"
#include "adapters/http/message.h"
#include "core/reports/report_service.h"

namespace lifeline::http {

Status WriteReportTable(const WorkOrderReport& report, exports::TableWriter& out);

// One order per call; the header first (WriteOrderHeader).
Status WriteOrderHeader(exports::TableWriter& out);
Status WriteOrderRow(const ReportOrderRow& order, const CategoryTree& tree, TimeMs utc_offset,
                     exports::TableWriter& out);

// A 200 download with the content type and Content-Disposition (ASCII and UTF-8 names).
Response Download(exports::TableFormat format, std::string body, std::string_view ascii_stem,
                  std::string_view utf8_stem);

}  // namespace lifeline::http
