#include "core/notifications/message_templates.h"

#include <cstdio>

#include "core/common/civil_time.h"

namespace lifeline {

namespace {

struct Text {
  std::string_view zh;
  std::string_view en;
};

Text NotificationText(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kAssigned:
      return {"工单{number}已派给您，请及时处理。",
              "Work order {number} has been assigned to you."};
    case NotificationKind::kUrged:
      return {"工单{number}被催办，请尽快处理。", "Work order {number} was urged: please hurry."};
    case NotificationKind::kDeadlineBreached:
      return {"工单{number}已超时（{breached}），请督办。",
              "Work order {number} missed its deadline ({breached})."};
    case NotificationKind::kReturned:
      return {"工单{number}被退回，请重新派单。",
              "Work order {number} was returned: please dispatch it again."};
    case NotificationKind::kNeedsReview:
      return {"工单{number}回访不满意，请复核。",
              "The customer of work order {number} was not satisfied: please review."};
  }
  return {};
}

Text MessageText(MessageTemplate code) {
  switch (code) {
    case MessageTemplate::kOrderAccepted:
      return {"您的诉求已受理，工单号{number}，查询码{tracking_code}，可凭查询码查看办理进度。",
              "Your request is registered as {number}; track it with code {tracking_code}."};
    case MessageTemplate::kOrderAssigned:
      return {"您的工单{number}已派{technician}处理，师傅将尽快与您联系。",
              "Your work order {number} is with {technician}, who will contact you shortly."};
    case MessageTemplate::kOrderAppointment:
      return {"您的工单{number}已派{technician}上门，预约时间{window_start_at}至{window_end_at}。",
              "{technician} will visit for work order {number} between {window_start_at} and "
              "{window_end_at}."};
    case MessageTemplate::kOrderResolved:
      return {"您的工单{number}已处理完毕，我们将回访，请对本次服务进行评价。",
              "Your work order {number} is resolved. We will call you back: please rate us."};
    case MessageTemplate::kOrderResolvedWithParent:
      return {
          "您反映的问题（工单{number}）已随抢修工单{parent_number}一并处理完毕，请对本次服务"
          "进行评价。",
          "The problem you reported ({number}) was fixed with incident {parent_number}: "
          "please rate us."};
  }
  return {};
}

std::string_view DeadlineName(std::string_view code, TextLocale locale) {
  const bool zh = locale == TextLocale::kZhCn;
  if (code == "response") return zh ? "响应" : "response";
  if (code == "arrival") return zh ? "到场" : "arrival";
  if (code == "resolution") return zh ? "办结" : "resolution";
  return code;
}

std::string DeadlineNames(std::string_view codes, TextLocale locale) {
  std::string out;
  while (!codes.empty()) {
    const std::size_t comma = codes.find(',');
    if (!out.empty()) out += locale == TextLocale::kZhCn ? "、" : ", ";
    out += DeadlineName(codes.substr(0, comma), locale);
    codes = comma == std::string_view::npos ? std::string_view{} : codes.substr(comma + 1);
  }
  return out;
}

std::string LocalMinute(std::int64_t at) {
  const LocalDate date = ToLocalDate(at);
  const TimeMs into_day = at - FromLocalDate(date);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d-%02d %02d:%02d", date.month, date.day,
                static_cast<int>(into_day / kHourMs), static_cast<int>(into_day / kMinuteMs % 60));
  return buffer;
}

std::string Rendered(std::string_view name, const FieldValue& value, TextLocale locale) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    return name == "breached" ? DeadlineNames(*text, locale) : *text;
  }
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    return name.ends_with("_at") ? LocalMinute(*number) : std::to_string(*number);
  }
  if (const auto* real = std::get_if<double>(&value)) return std::to_string(*real);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  return {};
}

std::string_view Pick(const Text& text, TextLocale locale) {
  return locale == TextLocale::kZhCn ? text.zh : text.en;
}

}  // namespace

std::string FillPlaceholders(std::string_view pattern, const Fields& params, TextLocale locale) {
  std::string out;
  out.reserve(pattern.size() + 32);
  while (!pattern.empty()) {
    const std::size_t open = pattern.find('{');
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) {
      out += pattern;
      break;
    }
    out += pattern.substr(0, open);
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    for (const Field& field : params) {
      if (field.name == name) {
        out += Rendered(name, field.value, locale);
        break;
      }
    }
    pattern.remove_prefix(close + 1);
  }
  return out;
}

std::string RenderNotification(NotificationKind kind, const Fields& params, TextLocale locale) {
  return FillPlaceholders(Pick(NotificationText(kind), locale), params, locale);
}

std::string RenderMessage(MessageTemplate code, const Fields& params, TextLocale locale) {
  return FillPlaceholders(Pick(MessageText(code), locale), params, locale);
}

}  // namespace lifeline
