// Test stand-in helper for libcoro's schedulers (upstream this enum lives in io_scheduler.hpp / scheduler.hpp), written for corolint's tests.
#pragma once

namespace coro {
enum timeout_status {
  no_timeout,
  timeout,
};
}  // namespace coro
