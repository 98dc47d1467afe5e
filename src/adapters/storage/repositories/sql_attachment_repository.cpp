#include "adapters/storage/repositories/sql_attachment_repository.h"

#include "adapters/storage/sql_helpers.h"

namespace lifeline::storage {

namespace {

#define LIFELINE_ATTACHMENT_SELECT                                                     \
  "SELECT a.id, a.order_id, a.name, a.content_type, a.size, a.sha256, a.uploaded_by,"  \
  " COALESCE(u.display_name, u.username), a.uploaded_at FROM work_order_attachments a" \
  " LEFT JOIN users u ON u.id = a.uploaded_by"

constexpr Query kInsert{"attachments.insert",
                        "INSERT INTO work_order_attachments (order_id, name, content_type, size,"
                        " sha256, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        " RETURNING id"};
constexpr Query kById{"attachments.by_id", LIFELINE_ATTACHMENT_SELECT " WHERE a.id = $1"};
constexpr Query kForOrder{"attachments.for_order",
                          LIFELINE_ATTACHMENT_SELECT " WHERE a.order_id = $1 ORDER BY a.id"};
constexpr Query kCount{"attachments.count_for_order",
                       "SELECT COUNT(uploaded_by), COUNT(*) - COUNT(uploaded_by)"
                       " FROM work_order_attachments WHERE order_id = $1"};

#undef LIFELINE_ATTACHMENT_SELECT

Result<Attachment> Map(const Row& row) {
  Attachment a;
  a.id = row.Int(0);
  a.order_id = row.Int(1);
  a.name = row.Str(2);
  auto type = ParseMediaType(row.Text(3));
  if (!type) return Fail(UnknownCode("content_type", row.Text(3)));
  a.type = *type;
  a.size = row.Int(4);
  a.sha256 = row.Str(5);
  a.uploaded_by = row.OptInt(6);
  a.uploaded_by_name = a.uploaded_by ? row.Str(7) : std::string(kCustomerUploaderName);
  a.uploaded_at = row.Int(8);
  return a;
}

}  // namespace

Result<std::int64_t> SqlAttachmentRepository::Insert(const Attachment& a) {
  return InsertReturningId(
      connection_, kInsert,
      {a.order_id, a.name, MediaTypeCode(a.type), a.size, a.sha256, a.uploaded_by, a.uploaded_at});
}

Result<Attachment> SqlAttachmentRepository::FindById(std::int64_t id) {
  return FetchOne<Attachment>(connection_, kById, {id}, Map, "attachment");
}

Result<std::vector<Attachment>> SqlAttachmentRepository::ForOrder(std::int64_t order_id) {
  return FetchAll<Attachment>(connection_, kForOrder, {order_id}, Map);
}

Result<AttachmentCounts> SqlAttachmentRepository::CountForOrder(std::int64_t order_id) {
  AttachmentCounts counts;
  Status read = connection_.Each(kCount, {order_id}, [&](const Row& row) -> Status {
    counts.staff = row.Int(0);
    counts.customer = row.Int(1);
    return Ok();
  });
  if (!read) return Fail(read.error());
  return counts;
}

}  // namespace lifeline::storage
