// Test stand-in for libcoro's <coro/queue.hpp> (v0.15+), written for corolint's tests.
#pragma once
#include <coro/expected.hpp>
#include <coro/task.hpp>

#include <cstddef>

namespace coro {

enum class queue_produce_result { produced, stopped };
enum class queue_consume_result { stopped, try_lock_failure, empty };

// Unbounded queue; push/emplace report whether the element went in.
template <typename element_type>
class queue {
 public:
  queue() = default;
  queue(const queue&) = delete;
  queue& operator=(const queue&) = delete;

  auto empty() const -> bool { return true; }
  auto size() const -> std::size_t { return 0; }

  auto push(const element_type& element) -> coro::task<queue_produce_result> {
    (void)element;
    co_return queue_produce_result::produced;
  }
  auto push(element_type&& element) -> coro::task<queue_produce_result> {
    (void)element;
    co_return queue_produce_result::produced;
  }
  template <typename... args_type>
  auto emplace(args_type&&... args) -> coro::task<queue_produce_result> {
    ((void)args, ...);
    co_return queue_produce_result::produced;
  }
  [[nodiscard]] auto pop() -> coro::task<expected<element_type, queue_consume_result>> {
    co_return corolint_standin::unreachable<
        expected<element_type, queue_consume_result>>();
  }
  [[nodiscard]] auto try_pop() -> expected<element_type, queue_consume_result> {
    return corolint_standin::unreachable<expected<element_type, queue_consume_result>>();
  }
  auto shutdown() -> coro::task<void> { co_return; }
  [[nodiscard]] auto is_shutdown() const -> bool { return false; }
};

}  // namespace coro
