#include "core/demo/people.h"

#include <array>
#include <numeric>

#include "core/demo/chinese_names.h"

namespace lifeline::demo {

namespace {

constexpr std::array<std::string_view, 32> kMobilePrefixes{
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150",
    "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "176",
    "177", "180", "181", "182", "183", "185", "186", "187", "189", "199"};

constexpr std::string_view kAreaCode = "0527";
constexpr std::int64_t kSubscriberSpace = 100'000'000;  // 8-digit subscriber numbers
// Multiplying by a number coprime to 10^8 permutes the subscriber space, so numbers look
// scattered but never repeat.
constexpr std::int64_t kScatter = 48'271;

std::string EightDigits(std::int64_t index, std::int64_t offset) {
  const std::int64_t n = (index * kScatter + offset) % kSubscriberSpace;
  std::string digits = std::to_string(n);
  return std::string(8 - digits.size(), '0') + digits;
}

std::string_view PickFamilyName(Rng& rng) {
  static const int total = [] {
    int sum = 0;
    for (const WeightedName& n : FamilyNames()) sum += n.weight;
    return sum;
  }();
  int target = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
  for (const WeightedName& n : FamilyNames()) {
    target -= n.weight;
    if (target < 0) return n.name;
  }
  return FamilyNames().front().name;
}

}  // namespace

std::string PersonName(Rng& rng) {
  std::string name(PickFamilyName(rng));
  const auto chars = GivenNameCharacters();
  name += rng.Pick(chars);
  if (rng.Chance(0.7)) name += rng.Pick(chars);  // most given names have two characters
  return name;
}

std::string CompanyName(Rng& rng) {
  std::string name = "临江市";
  name += rng.Pick(CompanyNameCores());
  name += rng.Pick(CompanyTrades());
  name += "有限公司";
  return name;
}

std::string MobileNumber(std::int64_t index) {
  return std::string(kMobilePrefixes[static_cast<std::size_t>(index) % kMobilePrefixes.size()]) +
         EightDigits(index, 13'579'246);
}

std::string LandlineNumber(std::int64_t index) {
  std::string number(kAreaCode);
  std::string digits = EightDigits(index, 24'681'357);
  digits[0] = static_cast<char>('2' + (digits[0] - '0') % 7);  // local numbers start with 2-8
  return number + digits;
}

std::string ResidentIdNumber(Rng& rng, std::string_view region_code, int birth_year) {
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  std::string id(region_code);
  id += std::to_string(birth_year);
  const int month = static_cast<int>(rng.Between(1, 12));
  const int day = static_cast<int>(rng.Between(1, 28));
  id += static_cast<char>('0' + month / 10);
  id += static_cast<char>('0' + month % 10);
  id += static_cast<char>('0' + day / 10);
  id += static_cast<char>('0' + day % 10);
  for (int i = 0; i < 3; ++i) id += static_cast<char>('0' + rng.Below(10));
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) sum += (id[i] - '0') * kWeights[i];
  id += kCheck[static_cast<std::size_t>(sum % 11)];
  return id;
}

std::string CreditCode(Rng& rng, std::string_view region_code) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr std::array<int, 17> kWeights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};
  std::string code = "91";  // registered by market regulation, an enterprise
  code += region_code;
  while (code.size() < 17) code += kAlphabet[rng.Below(kAlphabet.size())];
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    sum += static_cast<int>(kAlphabet.find(code[i])) * kWeights[i];
  }
  code += kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
  return code;
}

}  // namespace lifeline::demo
