// The customer's rating of SqlWorkOrderRepository: three columns on work_orders (migration
// 009), written once — the UPDATE only touches an order that has none yet.
#include "adapters/storage/repositories/sql_work_order_repository.h"
#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

constexpr Query kRating{"work_orders.rating",
                        "SELECT customer_rating, customer_comment, rated_at FROM work_orders"
                        " WHERE id = $1"};
constexpr Query kSaveRating{"work_orders.save_rating",
                            "UPDATE work_orders SET customer_rating = $2, customer_comment = $3,"
                            " rated_at = $4 WHERE id = $1 AND customer_rating IS NULL"};

}  // namespace

Result<std::optional<CustomerRating>> SqlWorkOrderRepository::RatingOf(std::int64_t order_id) {
  std::optional<CustomerRating> rating;
  bool found = false;
  Status read = connection_.Each(kRating, {order_id}, [&](const Row& row) -> Status {
    found = true;
    if (row.IsNull(0)) return Ok();
    rating = CustomerRating{.satisfaction = static_cast<int>(row.Int(0)),
                            .comment = row.Str(1),
                            .rated_at = row.Int(2)};
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!found) return Fail(Error::NotFound("work order not found"));
  return rating;
}

Status SqlWorkOrderRepository::SaveRating(std::int64_t order_id, const CustomerRating& rating) {
  auto changed = connection_.Exec(
      kSaveRating,
      {order_id, static_cast<std::int64_t>(rating.satisfaction), rating.comment, rating.rated_at});
  if (!changed) return Fail(changed.error());
  if (*changed == 0) return Fail(Error::Conflict("this work order has already been rated"));
  return Ok();
}

}  // namespace lifeline::storage
