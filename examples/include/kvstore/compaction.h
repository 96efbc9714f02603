// Background compaction of the store's on-disk segments.
#pragma once
#include <asio/awaitable.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace kvstore {

struct Segment {
  std::string name;
  std::vector<std::string> records;
};

/// A segment's checksum, to verify it after compaction.
asio::awaitable<std::uint32_t> checksum(const Segment &segment);

/// Sorts each segment's records, for the merge.
asio::awaitable<void> sort_segments(std::vector<Segment> &segments);

/// Verifies every segment with a fixed pool of workers.
asio::awaitable<void> verify_all(std::vector<Segment> segments);

/// Compacts every segment.
asio::awaitable<void> compact_all(std::vector<Segment> segments);

} // namespace kvstore
