#include "core/dispatch/search/route.h"

namespace lifeline::dispatch::search {

Route::Route(const Instance& instance, int vehicle) : instance_(&instance), vehicle_(vehicle) {
  Update();
}

Segment Route::Between(int from, int to) const {
  if (from > to) return Segment{};
  Segment result = SegmentAt(from);
  for (int position = from + 1; position <= to; ++position) {
    result = Concat(result, SegmentAt(position), *instance_);
  }
  return result;
}

void Route::Update() {
  const std::size_t stops = visits_.size() + 2;
  segments_.resize(stops);
  prefix_.resize(stops);
  suffix_.resize(stops);

  segments_.front() = instance_->StartSegment(vehicle_);
  segments_.back() = instance_->EndSegment(vehicle_);
  num_clients_ = 0;
  break_position_ = 0;
  for (std::size_t i = 0; i < visits_.size(); ++i) {
    const Node node = visits_[i];
    segments_[i + 1] = instance_->NodeSegment(node);
    if (instance_->IsBreak(node)) {
      break_position_ = static_cast<int>(i + 1);
    } else {
      ++num_clients_;
    }
  }

  located_before_.resize(stops);
  located_after_.resize(stops);
  for (std::size_t i = 0; i < stops; ++i) {
    located_before_[i] = segments_[i].Located() ? static_cast<int>(i) : located_before_[i - 1];
  }
  for (std::size_t i = stops; i-- > 0;) {
    located_after_[i] = segments_[i].Located() ? static_cast<int>(i) : located_after_[i + 1];
  }

  prefix_.front() = segments_.front();
  for (std::size_t i = 1; i < stops; ++i) {
    prefix_[i] = Concat(prefix_[i - 1], segments_[i], *instance_);
  }
  location_.resize(stops);
  prefix_distance_.resize(stops);
  load_through_.resize(stops + 1);
  load_through_[0] = 0;
  for (std::size_t i = 0; i < stops; ++i) {
    location_[i] = segments_[i].first;
    prefix_distance_[i] = prefix_[i].distance;
    load_through_[i + 1] = prefix_[i].load;
  }
  suffix_.back() = segments_.back();
  for (std::size_t i = stops - 1; i-- > 0;) {
    suffix_[i] = Concat(segments_[i], suffix_[i + 1], *instance_);
  }
}

}  // namespace lifeline::dispatch::search
