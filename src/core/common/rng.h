// Deterministic pseudo-random numbers for the parts of the core that must be reproducible
// (the demo city, solver tie-breaking). Not for secrets: tokens and keys come from the
// SecureRandom port.
#pragma once

#include <cstdint>
#include <span>

namespace lifeline {

// SplitMix64: tiny, fast, and good enough statistically for generating data and breaking ties.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound); bound must be positive. Lemire's multiply-shift, bias negligible here.
  std::uint64_t Below(std::uint64_t bound) {
    __extension__ using Wide = unsigned __int128;  // GCC and Clang both have it
    return static_cast<std::uint64_t>((static_cast<Wide>(Next()) * bound) >> 64);
  }

  // Uniform in [lo, hi], inclusive.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  bool Chance(double probability) { return Unit() < probability; }

  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  std::uint64_t state_;
};

}  // namespace lifeline
