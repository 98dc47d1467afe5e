// Small helpers shared by the SQL repositories: fetch one row or all rows through a mapping
// function, and insert returning the new id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/storage/db.h"

namespace lifeline::storage {

// `map` turns a Row into Result<T>; a row that does not map (an unknown stored code) is an
// error, never silently replaced by a default.
template <class T, class Map>
Result<T> FetchOne(Connection& connection, const Query& query, std::initializer_list<SqlArg> args,
                   Map&& map, std::string_view what) {
  std::optional<T> found;
  Status read = connection.Each(query, args, [&](const Row& row) -> Status {
    auto mapped = map(row);
    if (!mapped) return Fail(mapped.error());
    found = std::move(*mapped);
    return Ok();
  });
  if (!read) return Fail(read.error());
  if (!found) return Fail(Error::NotFound(std::string(what) + " not found"));
  return std::move(*found);
}

template <class T, class Map>
Result<std::vector<T>> FetchAll(Connection& connection, const Query& query,
                                std::initializer_list<SqlArg> args, Map&& map) {
  std::vector<T> rows;
  Status read = connection.Each(query, args, [&](const Row& row) -> Status {
    auto mapped = map(row);
    if (!mapped) return Fail(mapped.error());
    rows.push_back(std::move(*mapped));
    return Ok();
  });
  if (!read) return Fail(read.error());
  return rows;
}

// For "INSERT … RETURNING id", which both dialects support.
inline Result<std::int64_t> InsertReturningId(Connection& connection, const Query& query,
                                              std::initializer_list<SqlArg> args) {
  std::int64_t id = 0;
  Status inserted = connection.Each(query, args, [&](const Row& row) -> Status {
    id = row.Int(0);
    return Ok();
  });
  if (!inserted) return Fail(inserted.error());
  return id;
}

// A stored code that does not parse means the database holds something this build does not
// understand (a newer version wrote it, or it was edited by hand).
inline Error UnknownCode(std::string_view column, std::string_view value) {
  return Error::Internal("unknown " + std::string(column) + " code in database: '" +
                         std::string(value) + "'");
}

}  // namespace lifeline::storage
