#include "kvstore/server.h"
#include "kvstore/store.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/signal_set.hpp>
#include <cstdlib>

int main(int argc, char **argv) {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::atoi(argv[1])) : 7777;
  asio::io_context io;
  kvstore::Store store("kvstore.snapshot");
  asio::co_spawn(io, kvstore::listen(store, port), asio::detached);
  asio::co_spawn(io, store.replicate_forever(), asio::detached);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) {
    io.stop();
    store.save(); // after the loop stopped: blocking here is fine
  });
  io.run();
}
