// The server's settings, read once at start-up.
#pragma once
#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <string>

namespace kvstore {

struct Config {
  unsigned short port = 7777;
  std::string snapshot_path = "kvstore.snapshot";
  std::string primary_replica = "localhost";
  std::string backup_replica = "localhost";
  std::string replica_port = "7778";
};

/// Reads "key = value" lines; missing keys keep their defaults.
Config load_config(const std::string &path);

/// The two replicas' addresses.
struct Replicas {
  asio::ip::tcp::resolver::results_type primary;
  asio::ip::tcp::resolver::results_type backup;
};

/// Looks both replicas up.
asio::awaitable<Replicas> resolve_replicas(const Config &config);

/// Connects to the primary replica, or to the backup when it does not answer.
asio::awaitable<asio::ip::tcp::socket> connect_replica(const Config &config);

} // namespace kvstore
