// Fisher–Yates with the core's seeded Rng, so every random order is reproducible from the seed
// (std::shuffle's output differs between standard libraries).
#pragma once

#include <span>
#include <utility>

#include "core/common/rng.h"

namespace lifeline::dispatch::search {

template <class T>
void Shuffle(std::span<T> items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.Below(i)]);
}

}  // namespace lifeline::dispatch::search
