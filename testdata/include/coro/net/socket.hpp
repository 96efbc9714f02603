// Test stand-in for libcoro's <coro/net/socket.hpp>, written for corolint's tests.
#pragma once

namespace coro::net {

// A socket descriptor; options pick blocking or non-blocking i/o.
class socket {
 public:
  enum class type_t { udp, tcp };
  enum class blocking_t { yes, no };
  struct options {
    type_t type;
    blocking_t blocking;
  };

  socket() = default;
  explicit socket(int fd) : m_fd(fd) {}
  int native_handle() const { return m_fd; }

 private:
  int m_fd = -1;
};

// A listening socket bound to port.
socket make_accept_socket(const socket::options& opts, int port, int backlog = 128);

}  // namespace coro::net
