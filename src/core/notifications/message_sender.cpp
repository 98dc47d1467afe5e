#include "core/notifications/message_sender.h"

#include <vector>

#include "core/identity/auth_service.h"
#include "core/notifications/message_templates.h"

namespace lifeline {

namespace {

// The message after one attempt: sent, queued again with a doubled delay, or failed for good.
void ApplyOutcome(CustomerMessage& m, const Result<std::string>& sent, TimeMs now,
                  const NotificationSettings& settings) {
  m.attempts += 1;
  if (sent) {
    m.state = MessageState::kSent;
    m.provider_ref = *sent;
    m.sent_at = now;
    m.last_error.clear();
    return;
  }
  m.last_error = sent.error().message;
  const bool hopeless = sent.error().code == ErrorCode::kInvalidArgument;
  if (hopeless || m.attempts >= settings.max_attempts) {
    m.state = MessageState::kFailed;
  } else {
    m.next_attempt_at = now + settings.retry_delay * (TimeMs{1} << (m.attempts - 1));
  }
}

// Stores one outcome with its audit entry and event (a retry records no event: nothing
// happened yet).
Status RecordIn(StoreSession& session, const CustomerMessage& m, TimeMs at) {
  if (auto s = session.CustomerMessages().SaveOutcome(m); !s) return s;
  if (m.state == MessageState::kQueued) return Ok();
  Fields data{{"id", m.id},
              {"order_id", m.order_id ? FieldValue(*m.order_id) : FieldValue(nullptr)},
              {"channel", std::string(MessageChannelCode(m.channel))},
              {"template", std::string(MessageTemplateCode(m.template_code))},
              {"state", std::string(MessageStateCode(m.state))},
              {"attempts", static_cast<std::int64_t>(m.attempts)}};
  if (auto s = session.Audit().Append(
          ActorOf(Principal::System()),
          {"customer_message.send", "customer_message", std::to_string(m.id), {}, data}, at);
      !s) {
    return s;
  }
  session.Events().Emit({"customer_message",
                         "customer_message." + std::string(MessageStateCode(m.state)),
                         "customer_message/" + std::to_string(m.id), std::move(data)});
  return Ok();
}

}  // namespace

Result<int> MessageSender::SendDue(int limit) {
  std::vector<CustomerMessage> due;
  const TimeMs now = clock_.NowMs();
  Status claimed = store_.Write([&](StoreSession& session) -> Status {
    auto found = session.CustomerMessages().ClaimDue(now, now + settings_.hold, limit);
    if (!found) return Fail(found.error());
    due = std::move(*found);
    return Ok();
  });
  if (!claimed) return Fail(claimed.error());
  std::vector<TimeMs> tried_at;
  for (CustomerMessage& message : due) {
    MessageChannel* channel = channels_[static_cast<std::size_t>(message.channel)];
    Result<std::string> sent =
        channel == nullptr
            ? Result<std::string>(Fail(Error::Invalid("channel", "no adapter for this channel")))
            : channel->Send(
                  {message.id, message.idempotency_key, message.channel, message.recipient,
                   message.template_code,
                   RenderMessage(message.template_code, message.params, TextLocale::kZhCn)});
    tried_at.push_back(clock_.NowMs());
    ApplyOutcome(message, sent, tried_at.back(), settings_);
  }
  if (auto s = Record(due, tried_at); !s) return Fail(s.error());
  return static_cast<int>(due.size());
}

// The batch's outcomes in one transaction: on PostgreSQL one pass through the sequencing lock
// and one commit for all of them, not one each. Should the batch fail, each is recorded on its
// own, so that one message that cannot be saved does not hold back the others.
Status MessageSender::Record(const std::vector<CustomerMessage>& tried,
                             const std::vector<TimeMs>& tried_at) {
  if (tried.empty()) return Ok();
  Status batch = store_.Write([&](StoreSession& session) -> Status {
    for (std::size_t i = 0; i < tried.size(); ++i) {
      if (auto s = RecordIn(session, tried[i], tried_at[i]); !s) return s;
    }
    return Ok();
  });
  if (batch || tried.size() == 1) return batch;
  for (std::size_t i = 0; i < tried.size(); ++i) {
    Status one = store_.Write(
        [&](StoreSession& session) -> Status { return RecordIn(session, tried[i], tried_at[i]); });
    if (!one) return one;
  }
  return Ok();
}

}  // namespace lifeline
