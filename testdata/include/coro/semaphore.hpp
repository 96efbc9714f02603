// Test stand-in for libcoro's <coro/semaphore.hpp> (v0.15: templated on the maximum count), written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <cstddef>
#include <string>

namespace coro {

enum class semaphore_acquire_result {
  // The semaphore was acquired.
  acquired,
  // The semaphore is shutting down, it has not been acquired.
  shutdown
};

template <std::ptrdiff_t max_value>
class semaphore;

namespace detail {
template <std::ptrdiff_t max_value>
class acquire_operation : public corolint_standin::awaiter<semaphore_acquire_result> {
 public:
  explicit acquire_operation(semaphore<max_value>& s) { (void)s; }
};
}  // namespace detail

// co_await s.acquire() ... s.release();
template <std::ptrdiff_t max_value>
class semaphore {
 public:
  explicit semaphore(std::ptrdiff_t starting_value) { (void)starting_value; }
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  [[nodiscard]] auto acquire() -> detail::acquire_operation<max_value> {
    return detail::acquire_operation<max_value>{*this};
  }
  auto release() -> void {}
  auto try_acquire() -> bool { return false; }
  [[nodiscard]] static constexpr auto max() noexcept -> std::ptrdiff_t { return max_value; }
  auto value() const noexcept -> std::ptrdiff_t { return 0; }
  auto shutdown() noexcept -> void {}
};

}  // namespace coro
