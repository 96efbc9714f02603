// Test stand-in for seastar's <seastar/core/semaphore.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/timer.hh>

#include <cstddef>
#include <exception>
#include <optional>
#include <sys/types.h>
#include <type_traits>
#include <utility>

namespace seastar {

class broken_semaphore : public std::exception {};
class semaphore_timed_out : public std::exception {};

struct semaphore_default_exception_factory {
  static semaphore_timed_out timeout() noexcept { return {}; }
  static broken_semaphore broken() noexcept { return {}; }
};

// Counting semaphore for fibers: wait() returns a future, signal() returns
// units. Prefer get_units()/with_semaphore(), which return units
// automatically.
template <typename ExceptionFactory, typename Clock = steady_clock_type>
class basic_semaphore : private ExceptionFactory {
 public:
  using duration = typename Clock::duration;
  using clock = Clock;
  using time_point = typename Clock::time_point;

  explicit basic_semaphore(std::size_t count) noexcept { (void)count; }
  basic_semaphore(const basic_semaphore&) = delete;
  basic_semaphore& operator=(const basic_semaphore&) = delete;

  bool try_wait(std::size_t nr = 1) noexcept {
    (void)nr;
    return false;
  }
  future<> wait(std::size_t nr = 1) noexcept {
    (void)nr;
    return make_ready_future<>();
  }
  future<> wait(time_point timeout, std::size_t nr = 1) noexcept {
    (void)timeout;
    (void)nr;
    return make_ready_future<>();
  }
  future<> wait(duration timeout, std::size_t nr = 1) noexcept {
    (void)timeout;
    (void)nr;
    return make_ready_future<>();
  }
  void signal(std::size_t nr = 1) noexcept { (void)nr; }
  void consume(std::size_t nr = 1) noexcept { (void)nr; }
  std::size_t current() const noexcept { return 0; }
  ssize_t available_units() const noexcept { return 0; }
  std::size_t waiters() const noexcept { return 0; }
  void broken() noexcept {}
};

using semaphore = basic_semaphore<semaphore_default_exception_factory>;

// Units taken from a semaphore; returned to it on destruction.
template <typename ExceptionFactory, typename Clock = steady_clock_type>
class semaphore_units {
 public:
  semaphore_units() noexcept = default;
  semaphore_units(basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t n) noexcept
      : _sem(&sem), _n(n) {}
  semaphore_units(semaphore_units&& o) noexcept
      : _sem(o._sem), _n(std::exchange(o._n, 0)) {}
  semaphore_units& operator=(semaphore_units&& o) noexcept {
    _sem = o._sem;
    _n = std::exchange(o._n, 0);
    return *this;
  }
  semaphore_units(const semaphore_units&) = delete;
  ~semaphore_units() noexcept { return_all(); }

  std::size_t return_units(std::size_t units) { return _n -= units; }
  std::size_t return_all() noexcept { return std::exchange(_n, 0); }
  std::size_t release() noexcept { return std::exchange(_n, 0); }
  semaphore_units split(std::size_t units) {
    _n -= units;
    return semaphore_units(*_sem, units);
  }
  void adopt(semaphore_units&& other) noexcept { _n += other.release(); }
  std::size_t count() const noexcept { return _n; }
  explicit operator bool() const noexcept { return _n != 0; }

 private:
  basic_semaphore<ExceptionFactory, Clock>* _sem = nullptr;
  std::size_t _n = 0;
};

template <typename ExceptionFactory, typename Clock = steady_clock_type>
future<semaphore_units<ExceptionFactory, Clock>> get_units(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units) noexcept {
  (void)sem;
  (void)units;
  return make_ready_future<semaphore_units<ExceptionFactory, Clock>>();
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
future<semaphore_units<ExceptionFactory, Clock>> get_units(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units,
    typename basic_semaphore<ExceptionFactory, Clock>::time_point timeout) noexcept {
  (void)sem;
  (void)units;
  (void)timeout;
  return make_ready_future<semaphore_units<ExceptionFactory, Clock>>();
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
future<semaphore_units<ExceptionFactory, Clock>> get_units(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units,
    typename basic_semaphore<ExceptionFactory, Clock>::duration timeout) noexcept {
  (void)sem;
  (void)units;
  (void)timeout;
  return make_ready_future<semaphore_units<ExceptionFactory, Clock>>();
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
std::optional<semaphore_units<ExceptionFactory, Clock>> try_get_units(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units) noexcept {
  (void)sem;
  (void)units;
  return std::nullopt;
}
template <typename ExceptionFactory, typename Clock = steady_clock_type>
semaphore_units<ExceptionFactory, Clock> consume_units(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units) noexcept {
  return semaphore_units<ExceptionFactory, Clock>(sem, units);
}

// Runs func once `units` are taken, returning them when its future resolves.
template <typename ExceptionFactory, typename Func,
          typename Clock = steady_clock_type>
futurize_t<std::invoke_result_t<Func>> with_semaphore(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units,
    Func&& func) noexcept {
  (void)sem;
  (void)units;
  return futurize_invoke(std::forward<Func>(func));
}
template <typename ExceptionFactory, typename Clock, typename Func>
futurize_t<std::invoke_result_t<Func>> with_semaphore(
    basic_semaphore<ExceptionFactory, Clock>& sem, std::size_t units,
    typename basic_semaphore<ExceptionFactory, Clock>::duration timeout,
    Func&& func) noexcept {
  (void)sem;
  (void)units;
  (void)timeout;
  return futurize_invoke(std::forward<Func>(func));
}

}  // namespace seastar
