#include "kvstore/compaction.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/post.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#include <algorithm>
#include <deque>
#include <memory>

namespace kvstore {

asio::awaitable<std::uint32_t> checksum(const Segment &segment) {
  std::uint32_t crc = 0;
  // Each byte once: linear work, the size of one segment.
  for (const std::string &record : segment.records)
    for (char c : record)
      crc = (crc << 5 | crc >> 27) ^ static_cast<unsigned char>(c);
  co_return crc;
}

asio::awaitable<void> sort_segments(std::vector<Segment> &segments) {
  // Pitfall: sorting every segment in one go, without a suspension point:
  // n log n per segment for all segments, while every session on this
  // thread waits.
  for (Segment &segment : segments)
    std::sort(segment.records.begin(), segment.records.end());
  co_return;
}

// Rewrites one segment without its deleted records.
static asio::awaitable<void> compact(Segment segment) {
  std::vector<std::string> kept;
  for (std::string &record : segment.records) {
    if (!record.empty())
      kept.push_back(std::move(record));
    // One record at a time, giving the thread back after each.
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
  segment.records = std::move(kept);
  co_await checksum(segment);
}

// One verifier: takes segments from the shared queue until it is empty.
static asio::awaitable<void> verifier(std::shared_ptr<std::deque<Segment>> queue) {
  while (!queue->empty()) {
    Segment segment = std::move(queue->front());
    queue->pop_front();
    co_await checksum(segment);
  }
}

asio::awaitable<void> verify_all(std::vector<Segment> segments) {
  auto executor = co_await asio::this_coro::executor;
  auto queue = std::make_shared<std::deque<Segment>>(
      std::make_move_iterator(segments.begin()), std::make_move_iterator(segments.end()));
  // A fixed number of workers, however many segments there are.
  constexpr int workers = 4;
  for (int i = 0; i < workers; ++i)
    asio::co_spawn(executor, verifier(queue), asio::detached);
}

asio::awaitable<void> compact_all(std::vector<Segment> segments) {
  auto executor = co_await asio::this_coro::executor;
  co_await sort_segments(segments);
  // Pitfall: one coroutine per segment, all at once: with 10,000 segments,
  // 10,000 compactions hold their segments in memory at the same time.
  for (Segment &segment : segments)
    asio::co_spawn(executor, compact(std::move(segment)), asio::detached);
}

} // namespace kvstore
