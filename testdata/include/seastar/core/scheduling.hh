// Test stand-in for seastar's <seastar/core/scheduling.hh> and
// <seastar/core/with_scheduling_group.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <string_view>

namespace seastar {

// At most this many scheduling groups exist (SEASTAR_SCHEDULING_GROUPS_COUNT).
constexpr unsigned max_scheduling_groups() { return 16; }

// A handle to one of the program's scheduling groups.
class scheduling_group {
public:
  scheduling_group() noexcept = default;
  unsigned id() const noexcept { return _id; }
  bool operator==(const scheduling_group &) const noexcept = default;

private:
  unsigned _id = 0;
};

future<scheduling_group> create_scheduling_group(std::string_view name, float shares) noexcept;
future<> destroy_scheduling_group(scheduling_group sg) noexcept;

// Runs func in scheduling group sg.
template <typename Func>
future<> with_scheduling_group(scheduling_group sg, Func &&func) {
  (void)sg;
  (void)func;
  return make_ready_future<>();
}

}  // namespace seastar
