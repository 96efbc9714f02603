#include "kvstore/compaction.h"
#include "kvstore/config.h"
#include "kvstore/metrics.h"
#include "kvstore/server.h"
#include "kvstore/store.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/signal_set.hpp>
#include <cstdlib>

int main(int argc, char **argv) {
  kvstore::Config config = kvstore::load_config(argc > 1 ? argv[1] : "kvstore.conf");
  asio::io_context io;
  kvstore::Store store(config.snapshot_path);
  kvstore::Metrics metrics(io.get_executor());
  asio::co_spawn(io, kvstore::listen(store, metrics, config.port), asio::detached);
  asio::co_spawn(io, store.replicate_forever(), asio::detached);
  asio::co_spawn(io, metrics.export_forever(), asio::detached);
  asio::co_spawn(io, kvstore::resolve_replicas(config), asio::detached);
  asio::co_spawn(io, kvstore::compact_all(store.segments()), asio::detached);
  asio::co_spawn(io, kvstore::verify_all(store.segments()), asio::detached);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) {
    io.stop();
    store.save(); // after the loop stopped: blocking here is fine
  });
  io.run();
}
