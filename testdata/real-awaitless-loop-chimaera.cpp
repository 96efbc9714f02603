// CHECKS: coro-awaitless-loop
// Busy-waits iowarp shipped in Chimaera runtime coroutines and later fixed,
// restated in reduced form (see testdata/real/README.md, section
// coro-awaitless-loop, ids AL20..). Each buggy coroutine is followed by its
// fixed shape, which is quiet.
#include <chimaera/task.h>
#include <hermes_shm/io/async_io.h>
#include <hermes_shm/thread/thread_model/thread_model.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

// --- AL20: bdev Runtime::WriteToFile / ReadFromFile ----------------------------
// Each block's asynchronous write is submitted, then the runtime coroutine
// polls its completion, yielding the *thread* (the thread model's Yield())
// between polls: the worker runs nothing else until the disk answers. Fixed
// by awaiting the runtime's yield, which hands the worker to other tasks.

namespace al20 {

struct block {
  std::uint64_t offset = 0, size = 0;
};
struct write_task {
  std::vector<block> blocks;
  std::uint64_t length = 0, bytes_written = 0;
  int return_code = 0;
  char *data = nullptr;
};
struct io_context {
  hshm::AsyncIO *async_io = nullptr;
};

struct runtime {
  io_context *io_ctx = nullptr;

  chi::TaskResume write_to_file(write_task *task) {
    std::uint64_t written = 0;
    for (std::size_t i = 0; i < task->blocks.size(); ++i) {
      const block &b = task->blocks[i];
      std::uint64_t size = std::min(task->length - written, b.size);
      hshm::IoToken token =
          io_ctx->async_io->Write(task->data + written, size, b.offset);
      if (token == hshm::kInvalidIoToken) {
        task->return_code = 2;
        co_return;
      }
      hshm::IoResult result;
      while (!io_ctx->async_io->IsComplete(token, result)) { // expect-warning: loop in coroutine 'al20::runtime::write_to_file' spins on 'io_ctx->async_io->IsComplete(token, result)' without suspending [coro-awaitless-loop]
        HSHM_THREAD_MODEL->Yield();
      }
      if (result.error_code != 0) {
        task->return_code = 4;
        co_return;
      }
      written += std::min<std::uint64_t>(result.bytes_transferred, size);
    }
    task->bytes_written = written;
  }

  chi::TaskResume write_to_file_fixed(write_task *task) {
    std::uint64_t written = 0;
    for (std::size_t i = 0; i < task->blocks.size(); ++i) {
      const block &b = task->blocks[i];
      std::uint64_t size = std::min(task->length - written, b.size);
      hshm::IoToken token =
          io_ctx->async_io->Write(task->data + written, size, b.offset);
      if (token == hshm::kInvalidIoToken) {
        task->return_code = 2;
        co_return;
      }
      hshm::IoResult result;
      while (!io_ctx->async_io->IsComplete(token, result)) {
        co_await chi::yield(10.0);
      }
      if (result.error_code != 0) {
        task->return_code = 4;
        co_return;
      }
      written += std::min<std::uint64_t>(result.bytes_transferred, size);
    }
    task->bytes_written = written;
  }
};

} // namespace al20
