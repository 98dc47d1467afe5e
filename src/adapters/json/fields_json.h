// Rendering the core's flat Fields as a JSON object: event payloads and audit before/after.
#pragma once

#include <string>

#include "core/common/fields.h"

namespace lifeline::json {

std::string FieldsToJson(const Fields& fields);

}  // namespace lifeline::json
