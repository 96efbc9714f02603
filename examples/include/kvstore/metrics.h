// Counters and timings, sent through a bounded channel to one exporter.
#pragma once
#include <asio/any_io_executor.hpp>
#include <asio/awaitable.hpp>
#include <asio/experimental/channel.hpp>
#include <cstdint>
#include <string>

namespace kvstore {

struct Sample {
  std::string name;
  std::int64_t value = 0;
};

class Metrics {
public:
  explicit Metrics(const asio::any_io_executor &executor, std::size_t capacity = 1024);

  /// Queues a sample without waiting: a full channel drops it, and the drop
  /// is counted (dropped() is itself exported).
  asio::awaitable<void> record(Sample sample);

  /// Queues a request's latency.
  asio::awaitable<void> record_latency(std::string command, std::int64_t micros);

  /// Writes the samples to stdout as they arrive.
  asio::awaitable<void> export_forever();

  std::uint64_t dropped() const { return dropped_; }

private:
  asio::experimental::channel<void(asio::error_code, Sample)> channel_;
  std::uint64_t dropped_ = 0;
};

} // namespace kvstore
