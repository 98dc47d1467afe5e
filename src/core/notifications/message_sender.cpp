#include "core/notifications/message_sender.h"

#include "core/identity/auth_service.h"
#include "core/notifications/message_templates.h"

namespace lifeline {

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
  for (CustomerMessage& message : due) {
    MessageChannel* channel = channels_[static_cast<std::size_t>(message.channel)];
    Result<std::string> sent =
        channel == nullptr
            ? Result<std::string>(Fail(Error::Invalid("channel", "no adapter for this channel")))
            : channel->Send(
                  {message.id, message.idempotency_key, message.channel, message.recipient,
                   message.template_code,
                   RenderMessage(message.template_code, message.params, TextLocale::kZhCn)});
    if (auto s = Record(std::move(message), sent); !s) return Fail(s.error());
  }
  return static_cast<int>(due.size());
}

Status MessageSender::Record(CustomerMessage m, const Result<std::string>& sent) {
  const TimeMs now = clock_.NowMs();
  m.attempts += 1;
  if (sent) {
    m.state = MessageState::kSent;
    m.provider_ref = *sent;
    m.sent_at = now;
    m.last_error.clear();
  } else {
    m.last_error = sent.error().message;
    const bool hopeless = sent.error().code == ErrorCode::kInvalidArgument;
    if (hopeless || m.attempts >= settings_.max_attempts) {
      m.state = MessageState::kFailed;
    } else {
      m.next_attempt_at = now + settings_.retry_delay * (TimeMs{1} << (m.attempts - 1));
    }
  }
  return store_.Write([&](StoreSession& session) -> Status {
    if (auto s = session.CustomerMessages().SaveOutcome(m); !s) return s;
    if (m.state == MessageState::kQueued) return Ok();  // a retry: nothing happened yet
    Fields data{{"id", m.id},
                {"order_id", m.order_id ? FieldValue(*m.order_id) : FieldValue(nullptr)},
                {"channel", std::string(MessageChannelCode(m.channel))},
                {"template", std::string(MessageTemplateCode(m.template_code))},
                {"state", std::string(MessageStateCode(m.state))},
                {"attempts", static_cast<std::int64_t>(m.attempts)}};
    if (auto s = session.Audit().Append(
            ActorOf(Principal::System()),
            {"customer_message.send", "customer_message", std::to_string(m.id), {}, data}, now);
        !s) {
      return s;
    }
    session.Events().Emit({"customer_message",
                           "customer_message." + std::string(MessageStateCode(m.state)),
                           "customer_message/" + std::to_string(m.id), std::move(data)});
    return Ok();
  });
}

}  // namespace lifeline
