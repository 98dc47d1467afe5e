// How an interaction (a contact on the customer's timeline) looks in API responses.
#pragma once

#include <span>

#include "adapters/json/json_writer.h"
#include "core/interactions/interaction.h"

namespace lifeline::http {

void WriteInteraction(json::JsonWriter& out, const Interaction& interaction);
void WriteInteractions(json::JsonWriter& out, std::span<const Interaction> interactions);

}  // namespace lifeline::http
