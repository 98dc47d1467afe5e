#include "adapters/events/notification_pump.h"

namespace lifeline::events {

NotificationPump::NotificationPump(EventHub& hub, NotificationConsumer& consumer,
                                   MessageSender& sender,
                                   std::function<void(const std::string&)> on_error,
                                   std::chrono::milliseconds poll_interval)
    : hub_(hub),
      consumer_(consumer),
      sender_(sender),
      on_error_(std::move(on_error)),
      poll_interval_(poll_interval),
      thread_([this] { Run(); }) {}

NotificationPump::~NotificationPump() {
  {
    std::lock_guard lock(signal_->mutex);
    signal_->stop = true;
  }
  signal_->wake.notify_all();
  thread_.join();
}

void NotificationPump::Run() {
  for (;;) {
    {
      std::lock_guard lock(signal_->mutex);
      if (signal_->stop) return;
    }
    const std::int64_t seen = hub_.latest_id();
    if (!RunOnce()) Sleep(seen);
  }
}

bool NotificationPump::RunOnce() {
  bool busy = false;
  auto derived = consumer_.ProcessBatch();
  if (!derived) {
    on_error_("notifications: " + derived.error().message);
  } else {
    busy |= *derived > 0;
  }
  auto sent = sender_.SendDue();
  if (!sent) {
    on_error_("customer messages: " + sent.error().message);
  } else {
    busy |= *sent > 0;
  }
  return busy;
}

void NotificationPump::Sleep(std::int64_t seen) {
  const std::uint64_t ticket = hub_.WaitAfter(seen, [signal = signal_] {
    {
      std::lock_guard lock(signal->mutex);
      signal->woken = true;
    }
    signal->wake.notify_all();
  });
  {
    std::unique_lock lock(signal_->mutex);
    signal_->wake.wait_for(lock, poll_interval_,
                           [this] { return signal_->woken || signal_->stop; });
    signal_->woken = false;
  }
  hub_.Cancel(ticket);
}

}  // namespace lifeline::events
