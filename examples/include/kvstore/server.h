#pragma once
#include "kvstore/store.h"
#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>

namespace kvstore {

/// Accepts connections on port and serves each in its own coroutine.
asio::awaitable<void> listen(Store &store, unsigned short port);

/// One client: "GET k", "PUT k v", "SAVE", "STATS" lines.
asio::awaitable<void> session(Store &store, asio::ip::tcp::socket socket);

} // namespace kvstore
