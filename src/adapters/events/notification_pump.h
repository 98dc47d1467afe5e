// Runs the notifier in the server: one thread that derives notifications from new events
// (NotificationConsumer) and sends due customer messages (MessageSender), then sleeps until the
// event hub has something newer or a poll interval passes (retries come due by time alone).
// Several nodes may each run one: the consumer's cursor lock and the senders' holds keep them
// from doing the same work.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "adapters/events/event_hub.h"
#include "core/notifications/message_sender.h"
#include "core/notifications/notification_consumer.h"

namespace lifeline::events {

class NotificationPump {
 public:
  NotificationPump(EventHub& hub, NotificationConsumer& consumer, MessageSender& sender,
                   std::function<void(const std::string&)> on_error,
                   std::chrono::milliseconds poll_interval = std::chrono::seconds(1));
  ~NotificationPump();  // stops and joins
  NotificationPump(const NotificationPump&) = delete;
  NotificationPump& operator=(const NotificationPump&) = delete;

 private:
  void Run();
  // True when there was work, so the loop goes round again at once.
  bool RunOnce();
  void Sleep(std::int64_t seen);

  EventHub& hub_;
  NotificationConsumer& consumer_;
  MessageSender& sender_;
  std::function<void(const std::string&)> on_error_;
  const std::chrono::milliseconds poll_interval_;

  // Shared with the hub's wake-up callbacks, which may still run after a Cancel.
  struct Signal {
    std::mutex mutex;
    std::condition_variable wake;
    bool woken = false;
    bool stop = false;
  };
  std::shared_ptr<Signal> signal_ = std::make_shared<Signal>();
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace lifeline::events
