// An in-memory key-value store with snapshots on disk.
#pragma once
#include "kvstore/compaction.h"
#include <asio/awaitable.hpp>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kvstore {

class Store {
public:
  explicit Store(std::string snapshot_path);

  std::optional<std::string> get(const std::string &key) const;
  void put(const std::string &key, std::string value);

  /// The on-disk segments, for compaction.
  std::vector<Segment> segments() const;

  /// Writes every key to the snapshot file.
  void save() const;

  /// Sends the changes since the last call to a replica, every second.
  asio::awaitable<void> replicate_forever();

private:
  std::string snapshot_path_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> data_;
  std::map<std::string, std::string> pending_;
};

} // namespace kvstore
