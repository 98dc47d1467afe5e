#include "core/dispatch/solomon_reader.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_set>

namespace lifeline::dispatch {
namespace {

constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

std::optional<double> ParseNumber(std::string_view token) {
  double value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Whole numbers are written as integers ("25") but some generators print "25.0".
std::optional<std::int64_t> ParseWhole(std::string_view token) {
  const std::optional<double> value = ParseNumber(token);
  // 2^53: beyond it doubles skip integers, and nothing in a Solomon file is that large.
  if (!value || *value != std::floor(*value) || std::abs(*value) > 9007199254740992.0) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Walks the text line by line, remembering the 1-based number for error messages.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next line with at least one token; false at the end of the text.
  bool NextNonBlank(std::vector<std::string_view>& tokens) {
    while (position_ < text_.size()) {
      std::size_t end = text_.find('\n', position_);
      if (end == std::string_view::npos) end = text_.size();
      const std::string_view line = text_.substr(position_, end - position_);
      position_ = end + 1;
      ++line_number_;
      tokens = Tokens(line);
      if (!tokens.empty()) return true;
    }
    return false;
  }

  std::size_t LineNumber() const { return line_number_; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_number_ = 0;
};

Error LineError(std::size_t line, const std::string& message) {
  return Error::Invalid("line " + std::to_string(line),
                        "line " + std::to_string(line) + ": " + message);
}

// Column titles ("NUMBER CAPACITY", "CUST NO. XCOORD. …") hold no number at all; a data line
// with a damaged field still holds some and must be reported, not skipped as a title.
bool IsTitleLine(const std::vector<std::string_view>& tokens) {
  for (std::string_view token : tokens) {
    if (ParseNumber(token)) return false;
  }
  return true;
}

Result<SolomonNode> ParseNode(const std::vector<std::string_view>& tokens, std::size_t line) {
  if (tokens.size() != 7) {
    return Fail(LineError(line,
                          "expected 7 numbers (CUST NO. XCOORD. YCOORD. DEMAND READY TIME "
                          "DUE DATE SERVICE TIME), found " +
                              std::to_string(tokens.size()) + " fields"));
  }
  SolomonNode node;
  const std::optional<std::int64_t> number = ParseWhole(tokens[0]);
  if (!number || *number < 0)
    return Fail(LineError(line, "customer number must be a whole number >= 0"));
  node.number = *number;
  const std::optional<std::int64_t> demand = ParseWhole(tokens[3]);
  if (!demand || *demand < 0) return Fail(LineError(line, "demand must be a whole number >= 0"));
  node.demand = *demand;
  double* const fields[] = {&node.x,          &node.y,        nullptr,
                            &node.ready_time, &node.due_date, &node.service_time};
  for (std::size_t i = 1; i < 7; ++i) {
    if (i == 3) continue;
    const std::optional<double> value = ParseNumber(tokens[i]);
    if (!value) {
      return Fail(LineError(line, "field " + std::to_string(i + 1) + " is not a finite number"));
    }
    *fields[i - 1] = *value;
  }
  if (node.service_time < 0) return Fail(LineError(line, "service time must not be negative"));
  return node;
}

}  // namespace

Result<SolomonInstance> ReadSolomon(std::string_view text) {
  LineReader reader(text);
  std::vector<std::string_view> tokens;
  SolomonInstance instance;

  if (!reader.NextNonBlank(tokens)) return Fail(Error::Invalid("line 1", "the file is empty"));
  instance.name = std::string(tokens.front());

  if (!reader.NextNonBlank(tokens) || tokens.size() != 1 ||
      !EqualsIgnoringCase(tokens[0], "VEHICLE")) {
    return Fail(LineError(reader.LineNumber(), "expected the VEHICLE section"));
  }
  // The column titles (NUMBER CAPACITY) are optional.
  if (!reader.NextNonBlank(tokens))
    return Fail(LineError(reader.LineNumber(), "missing vehicle data"));
  if (IsTitleLine(tokens) && !reader.NextNonBlank(tokens)) {
    return Fail(LineError(reader.LineNumber(), "missing vehicle data"));
  }
  if (tokens.size() != 2) {
    return Fail(LineError(reader.LineNumber(), "expected vehicle NUMBER and CAPACITY"));
  }
  const std::optional<std::int64_t> vehicles = ParseWhole(tokens[0]);
  const std::optional<std::int64_t> capacity = ParseWhole(tokens[1]);
  if (!vehicles || *vehicles < 1) {
    return Fail(LineError(reader.LineNumber(), "vehicle number must be a whole number >= 1"));
  }
  if (!capacity || *capacity < 0) {
    return Fail(LineError(reader.LineNumber(), "capacity must be a whole number >= 0"));
  }
  instance.vehicle_count = *vehicles;
  instance.capacity = *capacity;

  if (!reader.NextNonBlank(tokens) || tokens.size() != 1 ||
      !EqualsIgnoringCase(tokens[0], "CUSTOMER")) {
    return Fail(LineError(reader.LineNumber(), "expected the CUSTOMER section"));
  }
  std::unordered_set<std::int64_t> numbers;
  bool first = true;
  while (reader.NextNonBlank(tokens)) {
    if (first && IsTitleLine(tokens)) {
      first = false;
      continue;
    }
    first = false;
    Result<SolomonNode> node = ParseNode(tokens, reader.LineNumber());
    if (!node) return Fail(std::move(node.error()));
    if (!numbers.insert(node->number).second) {
      return Fail(LineError(reader.LineNumber(),
                            "customer number " + std::to_string(node->number) + " repeats"));
    }
    if (instance.nodes.size() > kMaxSolomonCustomers) {
      return Fail(Error{ErrorCode::kTooLarge,
                        "more than " + std::to_string(kMaxSolomonCustomers) + " customers",
                        "line " + std::to_string(reader.LineNumber())});
    }
    instance.nodes.push_back(*node);
  }
  if (instance.nodes.empty()) {
    return Fail(LineError(reader.LineNumber(), "no depot: the CUSTOMER section is empty"));
  }
  return instance;
}

}  // namespace lifeline::dispatch
