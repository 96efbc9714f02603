// CHECKS: coro-awaitless-loop
// Reductions of the baseline corpus triage's false alarms of this check
// (/work/corpus/results/baseline/TRIAGE.md), each with a positive beside it.
#include <cppcoro/task.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

struct buffer {
  std::vector<char> bytes;
};

struct recv_queue {
  std::vector<buffer> slots;
  // Finds a free slot: a loop of its own.
  bool push_recv(buffer b) {
    for (auto &s : slots)
      if (s.bytes.empty()) {
        s = std::move(b);
        return true;
      }
    return false;
  }
};

struct socket_config {
  std::uint16_t recv_buffer_cnt = 8; // a knob with a small default
  std::size_t max_queued = 100000;   // a large default: a data size
  std::size_t window;                // no default
};

buffer get_buffer();

// yalantinglibs ib_socket.hpp:666/739 ("loop over a small configured
// count"): posts the configured number of receive buffers at set-up.
cppcoro::task<bool> post_receive_buffers(const socket_config &conf_, recv_queue &q) {
  for (int i = 0; i < conf_.recv_buffer_cnt; ++i)
    if (!q.push_recv(get_buffer()))
      co_return false;
  co_return true;
}

cppcoro::task<bool> post_many_buffers(const socket_config &conf_, recv_queue &q) {
  for (std::size_t i = 0; i < conf_.max_queued; ++i) // expect-warning: loop in coroutine 'post_many_buffers' never suspends and does heavy work per iteration [coro-awaitless-loop]
    if (!q.push_recv(get_buffer())) // expect-note: 'post_many_buffers' calls 'recv_queue::push_recv'
      co_return false;
  // expect-note@-30: loop in 'recv_queue::push_recv' over a runtime bound
  co_return true;
}

cppcoro::task<bool> post_window_buffers(const socket_config &conf_, recv_queue &q) {
  for (std::size_t i = 0; i < conf_.window; ++i) // expect-warning: loop in coroutine 'post_window_buffers' never suspends and does heavy work per iteration [coro-awaitless-loop]
    if (!q.push_recv(get_buffer())) // expect-note: 'post_window_buffers' calls 'recv_queue::push_recv'
      co_return false;
  // expect-note@-38: loop in 'recv_queue::push_recv' over a runtime bound
  co_return true;
}
