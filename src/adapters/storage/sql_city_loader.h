// The bulk path for the demo city: each batch the generator hands over is written in one
// transaction through the Db's bulk loader (COPY on PostgreSQL), with phone and ID numbers
// sealed and indexed on the way in.
#pragma once

#include "adapters/crypto/pii_cipher.h"
#include "adapters/storage/db.h"
#include "core/ports/city_sink.h"

namespace lifeline::storage {

class SqlCityLoader final : public CitySink {
 public:
  SqlCityLoader(Db& db, const crypto::PiiCipher& cipher) : db_(db), cipher_(cipher) {}

  Status AddNodes(std::span<const TopologyNode> nodes) override;
  Status AddFeeds(std::span<const CommunityFeed> feeds) override;
  Status AddPremises(std::span<const Premise> premises) override;
  Status AddCustomers(std::span<const Customer> customers) override;

  // After the last batch: moves PostgreSQL's id sequences past the loaded ids and refreshes
  // planner statistics.
  [[nodiscard]] Status Finish();

 private:
  template <class Load>
  Status InTransaction(Load&& load);
  Status AddCustomerRow(BulkLoader& loader, const Customer& customer) const;
  Status AddPhoneRows(BulkLoader& loader, const Customer& customer) const;

  Db& db_;
  const crypto::PiiCipher& cipher_;
};

}  // namespace lifeline::storage
