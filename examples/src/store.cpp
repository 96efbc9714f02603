#include "kvstore/store.h"

#include <asio/steady_timer.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#include <chrono>
#include <fstream>

namespace kvstore {

Store::Store(std::string snapshot_path) : snapshot_path_(std::move(snapshot_path)) {}

std::optional<std::string> Store::get(const std::string &key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = data_.find(key);
  if (it == data_.end())
    return std::nullopt;
  return it->second;
}

void Store::put(const std::string &key, std::string value) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_[key] = value;
  data_[key] = std::move(value);
}

static void write_snapshot(const std::string &path,
                           const std::map<std::string, std::string> &data) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto &[key, value] : data)
    out << key << '\t' << value << '\n';
}

std::vector<Segment> Store::segments() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Segment all{snapshot_path_, {}};
  for (const auto &[key, value] : data_)
    all.records.push_back(key + '\t' + value);
  return {all};
}

void Store::save() const {
  std::lock_guard<std::mutex> lock(mutex_);
  write_snapshot(snapshot_path_, data_);
}

asio::awaitable<void> Store::replicate_forever() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    // Pitfall: the lock is still held while the coroutine waits for the
    // timer, so every put() on this thread's other coroutines deadlocks.
    std::unique_lock<std::mutex> lock(mutex_);
    timer.expires_after(std::chrono::seconds(1));
    co_await timer.async_wait(asio::use_awaitable);
    pending_.clear();
  }
}

} // namespace kvstore
