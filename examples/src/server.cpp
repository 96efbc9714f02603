#include "kvstore/server.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/read_until.hpp>
#include <asio/streambuf.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>
#include <chrono>
#include <fstream>
#include <istream>
#include <sstream>
#include <thread>

namespace kvstore {

using asio::ip::tcp;

static std::string handle(Store &store, const std::string &line) {
  std::istringstream in(line);
  std::string command, key, value;
  in >> command >> key;
  std::getline(in >> std::ws, value);
  if (command == "GET")
    return store.get(key).value_or("(nil)");
  if (command == "PUT") {
    store.put(key, value);
    return "OK";
  }
  return "ERR unknown command";
}

// Every write goes to the journal first, for crash recovery.
static void append_to_journal(const std::string &line) {
  std::ofstream journal("kvstore.journal", std::ios::app);
  journal << line << '\n';
}

static void record_write(const std::string &line) {
  if (line.rfind("PUT ", 0) == 0)
    append_to_journal(line);
}

asio::awaitable<void> session(Store &store, Metrics &metrics, tcp::socket socket) {
  asio::streambuf buffer;
  for (;;) {
    auto start = std::chrono::steady_clock::now();
    std::size_t n = co_await asio::async_read_until(socket, buffer, '\n',
                                                    asio::use_awaitable);
    std::string line(asio::buffers_begin(buffer.data()),
                     asio::buffers_begin(buffer.data()) + n - 1);
    buffer.consume(n);
    std::string reply;
    if (line == "SAVE") {
      store.save();
      reply = "OK";
    } else if (line == "SLOW") {
      // Pitfall: a "simple" back-off that stalls every session on the thread.
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      reply = "OK";
    } else if (line == "STATS") {
      // procfs answers from memory: an accepted synchronous read.
      std::ifstream status("/proc/self/status"); // NOLINT(coro-blocking-call)
      std::string first;
      std::getline(status, first); // NOLINT(coro-blocking-call)
      reply = first;
    } else {
      // Pitfall: the journal is written with blocking file I/O, two calls
      // down from the coroutine.
      record_write(line);
      reply = handle(store, line);
    }
    reply += '\n';
    co_await asio::async_write(socket, asio::buffer(reply), asio::use_awaitable);
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    co_await metrics.record_latency(line.substr(0, line.find(' ')), micros.count());
  }
}

asio::awaitable<void> listen(Store &store, Metrics &metrics, unsigned short port) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), port});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, session(store, metrics, std::move(socket)), asio::detached);
  }
}

} // namespace kvstore
