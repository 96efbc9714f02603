// CHECKS: coro-unbounded-spawn
// Unbounded fan-outs fixed in public history where the work is started one
// helper below the loop (see testdata/real/README.md, section
// coro-unbounded-spawn, SP06): the loop awaits a helper per item, the
// helper starts the item's work in the background and returns. The buggy
// shape is reported, the fix not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

// --- SP06: scylladb s3::client::multipart_upload copy (034c6fbd) ------------
// Copying an object part by part: the loop awaits a helper per part, but the
// helper only starts the part's request in the background (a gate holder
// keeps it counted) and returns, so every part of a large object is in
// flight at once. Fixed with max_concurrent_for_each(parts, 16, ...) and a
// helper that awaits its request.
namespace sp06 {
struct request {
  std::string range;
};
struct client {
  seastar::future<> make_request(request req);
};
struct multipart_upload {
  std::shared_ptr<client> _client;
  seastar::gate _bg_flushes;
  std::vector<std::string> _part_etags;

  seastar::future<> copy_part(std::size_t offset, std::size_t part_size) {
    _part_etags.emplace_back();
    request req{std::to_string(offset) + "-" + std::to_string(offset + part_size)};
    auto gh = _bg_flushes.hold();
    std::ignore = _client->make_request(std::move(req)).finally([gh = std::move(gh)] {}); // expect-note: 'sp06::client::make_request' is started in the background here and not awaited
    co_return;
  }

  seastar::future<> copy_buggy(std::size_t source_size, std::size_t part_size) {
    for (std::size_t offset = 0; offset < source_size; offset += part_size) { // expect-note: loop runs up to 'source_size' times
      part_size = std::min(source_size - offset, part_size);
      co_await copy_part(offset, part_size); // expect-warning: 'sp06::multipart_upload::copy_part' starts work in the background and returns without waiting for it, once per iteration of a loop with no concurrency limit [coro-unbounded-spawn]
    }
    co_await _bg_flushes.close();
  }

  seastar::future<> copy_part_fixed(std::size_t offset, std::size_t part_size) {
    request req{std::to_string(offset) + "-" + std::to_string(offset + part_size)};
    co_await _client->make_request(std::move(req));
  }
  seastar::future<> copy_fixed(std::size_t source_size, std::size_t part_size) {
    std::vector<std::size_t> parts;
    for (std::size_t offset = 0; offset < source_size; offset += part_size)
      parts.push_back(offset);
    co_await seastar::max_concurrent_for_each(
        parts, 16, [this, part_size, source_size](std::size_t offset) {
          return copy_part_fixed(offset, std::min(source_size - offset, part_size));
        });
  }
};
} // namespace sp06
