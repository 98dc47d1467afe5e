// Summaries of consecutive route stops that concatenate in O(1), so that any move that cuts
// routes into a few pieces and glues them back in another order is evaluated in constant time
// from cached prefix and suffix summaries. This is the time-warp concatenation of Vidal, Crainic,
// Gendreau & Prins (2013, "A hybrid genetic algorithm with adaptive diversity management for a
// large class of vehicle routing problems with time-windows", Computers & OR 40), itself a
// refinement of Savelsbergh's (1992) forward time slack, plus distance and load.
//
// Time warp: when a stop would start after its window closes, the schedule "travels back in
// time" to the closing time and the amount is recorded. A route is time-feasible exactly when
// its total time warp is zero, and the warp is the penalised measure of how infeasible it is.
//
// A break has no location of its own: it is taken wherever the vehicle is. A segment may
// therefore begin with a break whose place is only known once something is glued in front of
// it; such a segment keeps the break's timing apart (`lead_break`) and folds it in at that point.
// One break per vehicle means at most one is ever pending.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

namespace lifeline::dispatch::search {

// Vidal et al.'s four values for a sequence of stops, measured from the start of its first stop.
struct Timing {
  double duration = 0;   // minimal time from the first start to the last departure, waits included
  double time_warp = 0;  // total lateness the sequence cannot avoid
  double earliest = -std::numeric_limits<double>::infinity();  // earliest useful first start
  double latest = std::numeric_limits<double>::infinity();     // latest first start with no warp
};

// `first` then `second` with `travel` time between them.
[[gnu::always_inline]] inline Timing Then(const Timing& first, const Timing& second,
                                          double travel) {
  const double offset = first.duration - first.time_warp + travel;
  const double wait = std::max(second.earliest - offset - first.latest, 0.0);
  const double warp = std::max(first.earliest + offset - second.latest, 0.0);
  return {first.duration + second.duration + travel + wait,
          first.time_warp + second.time_warp + warp,
          std::max(second.earliest - offset, first.earliest) - wait,
          std::min(second.latest - offset, first.latest) + warp};
}

struct Segment {
  // Matrix indices of the first and last located stop; -1 when there is none (an empty
  // segment or a lone break).
  int first = -1;
  int last = -1;
  Timing timing;  // of the located part, including breaks taken after the first located stop
  double distance = 0;
  double work = 0;  // service and travel time inside the segment; waits and breaks excluded
  std::int64_t load = 0;
  bool lead_break = false;  // a break comes before `first`, at a place not yet known
  Timing break_timing;

  bool Located() const { return first >= 0; }
  bool IsEmpty() const { return first < 0 && !lead_break; }

  static Segment Stop(int location, double earliest, double latest, double service,
                      std::int64_t demand) {
    Segment segment;
    segment.first = segment.last = location;
    segment.timing = {service, 0, earliest, latest};
    segment.work = service;
    segment.load = demand;
    return segment;
  }

  static Segment Break(double earliest, double latest, double duration) {
    Segment segment;
    segment.lead_break = true;
    segment.break_timing = {duration, 0, earliest, latest};
    return segment;
  }
};

// `a` followed by `b`. Matrix provides Time(from, to) and Distance(from, to) by index.
// Forced inline: this is the innermost operation of every move evaluation.
template <class Matrix>
[[gnu::always_inline]] inline Segment Concat(const Segment& a, const Segment& b,
                                             const Matrix& matrix) {
  if (!a.Located()) [[unlikely]] {
    if (!a.lead_break || b.IsEmpty()) return a.IsEmpty() ? b : a;
    Segment result = b;  // the lone break in `a` now leads `b`
    result.lead_break = true;
    result.break_timing = a.break_timing;
    return result;
  }
  Segment result = a;
  if (b.lead_break) [[unlikely]] {
    // The break is taken at a's last stop: no travel before it.
    result.timing = Then(result.timing, b.break_timing, 0.0);
  }
  if (b.Located()) {
    const double travel = matrix.Time(a.last, b.first);
    result.timing = Then(result.timing, b.timing, travel);
    result.work += travel + b.work;
    result.distance += matrix.Distance(a.last, b.first) + b.distance;
    result.load += b.load;
    result.last = b.last;
  }
  return result;
}

// The distance and load of a sequence without its timing: enough for a lower bound on a move's
// cost (time warp can only add to it), and much cheaper than a full concatenation.
struct Span {
  int first = -1;
  int last = -1;
  double distance = 0;
  std::int64_t load = 0;

  static Span Of(const Segment& segment) {
    return {segment.first, segment.last, segment.distance, segment.load};
  }
};

template <class Matrix>
[[gnu::always_inline]] inline Span Join(const Span& a, const Span& b, const Matrix& matrix) {
  if (a.first < 0) return {b.first, b.last, b.distance, a.load + b.load};
  if (b.first < 0) return {a.first, a.last, a.distance, a.load + b.load};
  return {a.first, b.last, a.distance + matrix.Distance(a.last, b.first) + b.distance,
          a.load + b.load};
}

template <class Matrix>
[[gnu::always_inline]] inline Span Join(const Span& a, const Span& b, const Span& c,
                                        const Matrix& matrix) {
  return Join(Join(a, b, matrix), c, matrix);
}

template <class Matrix>
[[gnu::always_inline]] inline Span Join(const Span& a, const Span& b, const Span& c, const Span& d,
                                        const Matrix& matrix) {
  return Join(Join(Join(a, b, matrix), c, matrix), d, matrix);
}

template <class Matrix>
Segment Concat(const Segment& a, const Segment& b, const Segment& c, const Matrix& matrix) {
  return Concat(Concat(a, b, matrix), c, matrix);
}

template <class Matrix>
Segment Concat(const Segment& a, const Segment& b, const Segment& c, const Segment& d,
               const Matrix& matrix) {
  return Concat(Concat(Concat(a, b, matrix), c, matrix), d, matrix);
}

}  // namespace lifeline::dispatch::search
