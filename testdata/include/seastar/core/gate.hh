// Test stand-in for seastar's <seastar/core/gate.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

namespace seastar {

// Tracks in-flight background work; close() waits for it.
class gate {
 public:
  class holder {
   public:
    holder() noexcept = default;
    explicit holder(gate& g) : _g(&g) {}
    holder(const holder& o) noexcept : _g(o._g) {}
    holder(holder&& o) noexcept : _g(std::exchange(o._g, nullptr)) {}
    holder& operator=(holder&& o) noexcept {
      _g = std::exchange(o._g, nullptr);
      return *this;
    }
    ~holder() { release(); }
    void release() noexcept { _g = nullptr; }

   private:
    gate* _g = nullptr;
  };

  gate() = default;
  gate(const gate&) = delete;

  void enter() {}
  void leave() noexcept {}
  bool try_enter() noexcept { return true; }
  void check() const {}
  holder hold() { return holder(*this); }
  std::optional<holder> try_hold() noexcept { return std::nullopt; }
  std::size_t get_count() const noexcept { return 0; }
  bool is_closed() const noexcept { return false; }
  future<> close() noexcept { return make_ready_future<>(); }
};

template <typename Func>
auto with_gate(gate& g, Func&& func) -> futurize_t<std::invoke_result_t<Func>> {
  (void)g;
  return futurize_invoke(std::forward<Func>(func));
}
template <typename Func>
auto try_with_gate(gate& g, Func&& func) noexcept
    -> futurize_t<std::invoke_result_t<Func>> {
  (void)g;
  return futurize_invoke(std::forward<Func>(func));
}

}  // namespace seastar
