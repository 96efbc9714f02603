// CHECKS: coro-blocking-call
// Calls on a descriptor that its class made non-blocking return instead of
// waiting (corpus false alarm libcoro src/net/tls/server.cpp:57: the
// constructor opens the accept socket with `blocking_t::no`, accept() calls
// ::accept after the caller polled it). Which names mark non-blocking
// descriptors is catalog data (`non_blocking_markers`: the posix macros,
// libcoro's enumerator), found in the function or in another member of its
// class.
#include <coro/coro.hpp>
#include <coro/net/socket.hpp>

#include <sys/socket.h>

namespace app {

class tls_server {
 public:
  explicit tls_server(int port);
  coro::task<int> accept();

 private:
  coro::net::socket m_accept_socket;
};

tls_server::tls_server(int port)
    : m_accept_socket(coro::net::make_accept_socket(
          coro::net::socket::options{coro::net::socket::type_t::tcp,
                                     coro::net::socket::blocking_t::no},
          port)) {}

coro::task<int> tls_server::accept() {
  int fd = ::accept(m_accept_socket.native_handle(), nullptr, nullptr);
  co_return fd;
}

// Near miss: the same class opening a blocking socket.
class plain_server {
 public:
  explicit plain_server(int port);
  coro::task<int> accept();

 private:
  coro::net::socket m_accept_socket;
};

plain_server::plain_server(int port)
    : m_accept_socket(coro::net::make_accept_socket(
          coro::net::socket::options{coro::net::socket::type_t::tcp,
                                     coro::net::socket::blocking_t::yes},
          port)) {}

coro::task<int> plain_server::accept() {
  int fd = ::accept(m_accept_socket.native_handle(), nullptr, nullptr); // expect-warning: blocking call to 'accept' in coroutine 'app::plain_server::accept' [coro-blocking-call]
  co_return fd;
}

}  // namespace app
