// Stand-in for hermes_shm's asynchronous file i/o (iowarp,
// hermes_shm/io/async_io.h), for corolint's tests: submit a read or write,
// get a token, ask whether it completed (never waits).
#pragma once
#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace hshm {

using IoToken = std::int64_t;
inline constexpr IoToken kInvalidIoToken = -1;

struct IoResult {
  std::size_t bytes_transferred = 0;
  int error_code = 0;
};

class AsyncIO {
public:
  virtual ~AsyncIO() = default;
  virtual IoToken Write(void *buffer, std::size_t size, off_t offset) = 0;
  virtual IoToken Read(void *buffer, std::size_t size, off_t offset) = 0;
  // Non-blocking: whether the operation completed (fills result if so).
  virtual bool IsComplete(IoToken token, IoResult &result) = 0;
};

} // namespace hshm
