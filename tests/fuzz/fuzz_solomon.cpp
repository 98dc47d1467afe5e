// Fuzzes the Solomon instance reader behind `lifeline vrptw`: any text must give an instance
// or a clear error, never a crash, an endless loop or an absurd allocation. An instance it
// accepts must be one the model can be built from.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/dispatch/solomon_reader.h"
#include "core/dispatch/vrptw.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto instance = lifeline::dispatch::ReadSolomon(text);
  if (!instance) {
    if (instance.error().message.empty()) std::abort();
    return 0;
  }
  // Small enough to build the travel matrix quickly; big ones are the reader's business only.
  if (instance->nodes.size() <= 200) (void)lifeline::dispatch::BuildSolomonProblem(*instance);
  return 0;
}
