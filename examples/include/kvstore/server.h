#pragma once
#include "kvstore/metrics.h"
#include "kvstore/store.h"
#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace kvstore {

/// Accepts connections on port and serves each in its own coroutine.
asio::awaitable<void> listen(Store &store, Metrics &metrics, unsigned short port);

/// One client: "GET k", "PUT k v", "SAVE", "STATS" lines.
asio::awaitable<void> session(Store &store, Metrics &metrics,
                              asio::ip::tcp::socket socket);

} // namespace kvstore
