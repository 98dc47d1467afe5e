// Event payloads are stored rendered (JSON) by the storage adapter and are opaque to the core;
// a consumer that needs the fields back asks this port.
#pragma once

#include <string_view>

#include "core/common/error.h"
#include "core/common/fields.h"

namespace lifeline {

class FieldsDecoder {
 public:
  virtual ~FieldsDecoder() = default;
  // A flat object of null, bool, integer, number and string values; nested values are skipped.
  [[nodiscard]] virtual Result<Fields> Decode(std::string_view rendered) const = 0;
};

}  // namespace lifeline
