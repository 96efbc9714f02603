// Test stand-in for seastar's <seastar/core/smp.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

namespace seastar {

using shard_id = unsigned;

class smp {
public:
  // The number of shards (one per core the application runs on).
  static inline shard_id count = 1;
};

inline shard_id this_shard_id() noexcept { return 0; }

}  // namespace seastar
