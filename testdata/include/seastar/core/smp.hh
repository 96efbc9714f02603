// Test stand-in for seastar's <seastar/core/smp.hh>, written for corolint's tests.
#pragma once
#include <seastar/core/future.hh>

#include <ranges>

namespace seastar {

using shard_id = unsigned;

class smp {
public:
  // The number of shards (one per core the application runs on).
  static inline shard_id count = 1;
  // Every shard id.
  static auto all_cpus() noexcept { return std::views::iota(0u, count); }
  auto all_shards() const noexcept { return std::views::iota(0u, _shard_count); }
  unsigned shard_count() const noexcept { return _shard_count; }
  // Runs func on shard t.
  template <typename Func> static future<> submit_to(shard_id t, Func &&func);
  // Runs func on every shard.
  template <typename Func> static future<> invoke_on_all(Func &&func);

private:
  unsigned _shard_count = 1;
};

smp &this_smp() noexcept;
inline unsigned this_smp_shard_count() noexcept { return this_smp().shard_count(); }
inline auto this_smp_all_shards() noexcept { return this_smp().all_shards(); }

inline shard_id this_shard_id() noexcept { return 0; }

}  // namespace seastar
