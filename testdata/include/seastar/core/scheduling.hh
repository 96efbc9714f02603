// Test stand-in for seastar's <seastar/core/scheduling.hh> and
// <seastar/core/with_scheduling_group.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <string_view>
#include <utility>

namespace seastar {

// At most max_scheduling_groups() of them exist at once.
constexpr unsigned max_scheduling_groups() { return 16; }

class scheduling_group {
  unsigned _id = 0;

public:
  scheduling_group() noexcept = default;
  unsigned id() const noexcept { return _id; }
  bool operator==(const scheduling_group& o) const noexcept { return _id == o._id; }
};

future<scheduling_group> create_scheduling_group(std::string_view name, float shares) noexcept;
future<> destroy_scheduling_group(scheduling_group sg) noexcept;

// Runs func in the group.
template <typename Func>
auto with_scheduling_group(scheduling_group sg, Func func) noexcept {
  (void)sg;
  return func();
}

}  // namespace seastar
