#include "kvstore/metrics.h"

#include <asio/use_awaitable.hpp>
#include <iostream>

namespace kvstore {

Metrics::Metrics(const asio::any_io_executor &executor, std::size_t capacity)
    : channel_(executor, capacity) {}

asio::awaitable<void> Metrics::record(Sample sample) {
  if (!channel_.try_send(asio::error_code{}, std::move(sample)))
    ++dropped_;
  co_return;
}

asio::awaitable<void> Metrics::record_latency(std::string command, std::int64_t micros) {
  // Pitfall: when the exporter falls behind, the channel is full and the
  // sample is lost without a trace: dropped() stays 0 and the latency graph
  // looks fine exactly when the server is overloaded.
  channel_.try_send(asio::error_code{}, Sample{"latency." + command, micros});
  co_return;
}

asio::awaitable<void> Metrics::export_forever() {
  for (;;) {
    Sample sample = co_await channel_.async_receive(asio::use_awaitable);
    std::cout << sample.name << ' ' << sample.value << '\n';
  }
}

} // namespace kvstore
