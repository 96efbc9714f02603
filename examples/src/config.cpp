#include "kvstore/config.h"

#include <asio/connect.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#include <fstream>
#include <sstream>

namespace kvstore {

// Runs in main() before the event loop starts: blocking file I/O is fine.
Config load_config(const std::string &path) {
  Config config;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key, equals, value;
    if (!(fields >> key >> equals >> value) || equals != "=")
      continue;
    if (key == "port")
      config.port = static_cast<unsigned short>(std::stoi(value));
    else if (key == "snapshot")
      config.snapshot_path = value;
    else if (key == "primary")
      config.primary_replica = value;
    else if (key == "backup")
      config.backup_replica = value;
  }
  return config;
}

asio::awaitable<Replicas> resolve_replicas(const Config &config) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver primary_resolver(executor), backup_resolver(executor);
  // Pitfall: two independent look-ups, one after the other: start-up waits
  // for the sum of two DNS round trips instead of the longer one.
  auto primary = co_await primary_resolver.async_resolve(
      config.primary_replica, config.replica_port, asio::use_awaitable);
  auto backup = co_await backup_resolver.async_resolve(
      config.backup_replica, config.replica_port, asio::use_awaitable);
  co_return Replicas{primary, backup};
}

asio::awaitable<asio::ip::tcp::socket> connect_replica(const Config &config) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(executor);
  // Sequential on purpose: the connect needs the look-up's result.
  auto endpoints = co_await resolver.async_resolve(
      config.primary_replica, config.replica_port, asio::use_awaitable);
  asio::ip::tcp::socket socket(executor);
  co_await asio::async_connect(socket, endpoints, asio::use_awaitable);
  co_return socket;
}

} // namespace kvstore
