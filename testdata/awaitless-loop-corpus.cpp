// CHECKS: coro-awaitless-loop
// Reductions of the baseline corpus triage's false alarms of this check
// (/work/corpus/results/baseline/TRIAGE.md), each with a positive beside it.
#include <cppcoro/task.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
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

// yalantinglibs ib_io.hpp:196/280 (a helper's loop over the scatter list
// copies each piece; on an unsupported piece it logs through the logger's
// appenders, a loop of their own, and throws): the logging runs once per
// call, on the way out, not once per piece.
struct piece {
  char *addr;
  std::size_t length;
  int key;
};
struct log_sink {
  std::vector<std::string> appenders;
  void write(const std::string &line) {
    for (auto &a : appenders) // expect-note: loop in 'log_sink::write' over a runtime bound
      a += line;
  }
};
log_sink &logger();

std::size_t gather(const std::vector<piece> &src, char *dst) {
  std::size_t total = 0;
  for (auto &p : src) {
    if (p.key == -1) {
      for (std::size_t i = 0; i < p.length; ++i)
        dst[total + i] = p.addr[i];
    } else {
      logger().write("unsupported piece");
      throw std::runtime_error("unsupported piece");
    }
    total += p.length;
  }
  return total;
}

cppcoro::task<std::size_t> receive(const std::vector<piece> &src, char *dst) {
  co_return gather(src, dst);
}

// Logging every piece that is skipped runs once per piece.
std::size_t gather_logging(const std::vector<piece> &src, char *dst) {
  std::size_t total = 0;
  for (auto &p : src) { // expect-note: loop in 'gather_logging' over a runtime bound
    if (p.key != -1) {
      logger().write("skipped piece"); // expect-note: 'gather_logging' calls 'log_sink::write'
      continue;
    }
    for (std::size_t i = 0; i < p.length; ++i)
      dst[total + i] = p.addr[i];
    total += p.length;
  }
  return total;
}

cppcoro::task<std::size_t> receive_logging(const std::vector<piece> &src, char *dst) {
  co_return gather_logging(src, dst); // expect-warning: 'gather_logging' loops without suspending and does heavy work per iteration, called in coroutine 'receive_logging' [coro-awaitless-loop]
}
