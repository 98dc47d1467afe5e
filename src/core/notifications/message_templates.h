// The texts of staff notifications and customer messages, Chinese first, English second: an
// i18n-like table keyed by the stable codes that storage holds, with {name} placeholders filled
// from the stored params. Params whose name ends in `_at` are epoch milliseconds, shown as
// local "MM-DD HH:MM" (UTC+8); `breached` is a list of deadline codes, shown by their names.
#pragma once

#include <string>
#include <string_view>

#include "core/common/fields.h"
#include "core/notifications/customer_message.h"
#include "core/notifications/notification.h"

namespace lifeline {

enum class TextLocale { kZhCn, kEn };

std::string RenderNotification(NotificationKind kind, const Fields& params, TextLocale locale);
std::string RenderMessage(MessageTemplate code, const Fields& params, TextLocale locale);

// Fills {name} placeholders in `pattern` from `params`; unknown names render empty.
std::string FillPlaceholders(std::string_view pattern, const Fields& params, TextLocale locale);

}  // namespace lifeline
