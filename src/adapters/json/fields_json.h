// Rendering the core's flat Fields as a JSON object (event payloads, audit before/after,
// notification params) and reading them back.
#pragma once

#include <string>
#include <string_view>

#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/ports/fields_decoder.h"

namespace lifeline::json {

std::string FieldsToJson(const Fields& fields);

// The inverse for flat objects: null, bool, integer, number and string members in order;
// nested arrays and objects are skipped. kInternal when the text is not a JSON object.
Result<Fields> FieldsFromJson(std::string_view text);

// The core's FieldsDecoder port over FieldsFromJson.
class JsonFieldsDecoder final : public FieldsDecoder {
 public:
  Result<Fields> Decode(std::string_view rendered) const override {
    return FieldsFromJson(rendered);
  }
};

}  // namespace lifeline::json
