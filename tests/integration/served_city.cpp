#include "tests/integration/served_city.h"

#include <map>

namespace lifeline::testing {

namespace {
std::map<Backend, std::unique_ptr<ServedCity>>& Cities() {
  static std::map<Backend, std::unique_ptr<ServedCity>> cities;
  return cities;
}
}  // namespace

ServedCity::ServedCity(Backend backend) : database(backend) {
  database.Close();  // the server process owns the database from here on
  std::vector<std::string> seed{"seed", "--demo", "--customers", std::to_string(kCityCustomers)};
  for (const std::string& arg : StorageArgs(database.data_dir(), database.db_url()))
    seed.push_back(arg);
  CommandResult seeded = RunLifeline(seed);
  EXPECT_EQ(seeded.exit_code, 0) << seeded.output;
  server = std::make_unique<ServerProcess>(
      ServerProcess::Options::For(database.data_dir(), database.db_url()));
}

ServedCity& CityTest::City() const {
  auto& slot = Cities()[GetParam()];
  if (!slot) slot = std::make_unique<ServedCity>(GetParam());
  return *slot;
}

void CityTest::TearDownTestSuite() {
  Cities().clear();
}

}  // namespace lifeline::testing
