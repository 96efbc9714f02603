// Test stand-in for libcoro's <coro/ring_buffer.hpp>, written for corolint's tests.
#pragma once
#include <coro/expected.hpp>
#include <coro/task.hpp>

#include <cstddef>

namespace coro {

namespace ring_buffer_result {
enum class produce { produced, stopped };
enum class consume { stopped };
}  // namespace ring_buffer_result

// Fixed-size MPMC buffer: produce() waits for a free slot, consume() for an
// element. The produce result reports whether the element went in.
template <typename element, std::size_t num_elements>
class ring_buffer {
 public:
  ring_buffer() = default;
  ring_buffer(const ring_buffer&) = delete;
  ring_buffer& operator=(const ring_buffer&) = delete;

  [[nodiscard]] auto produce(element e) -> coro::task<ring_buffer_result::produce> {
    (void)e;
    co_return ring_buffer_result::produce::produced;
  }
  [[nodiscard]] auto consume()
      -> coro::task<expected<element, ring_buffer_result::consume>> {
    co_return corolint_standin::unreachable<
        expected<element, ring_buffer_result::consume>>();
  }

  auto size() const -> std::size_t { return 0; }
  [[nodiscard]] auto empty() const -> bool { return true; }
  auto full() const -> bool { return false; }
  auto max_size() const -> std::size_t { return num_elements; }
  auto shutdown() -> coro::task<void> { co_return; }
  [[nodiscard]] auto is_shutdown() const -> bool { return false; }
};

}  // namespace coro
