#pragma once

#include "adapters/export/table_writer.h"

namespace lifeline::exports {

class CsvWriter final : public TableWriter {
 public:
  CsvWriter();
  Status Row(std::span<const Cell> cells) override;
  Result<std::string> Finish() override;

 private:
  std::string out_;
};

}  // namespace lifeline::exports
