// CHECKS: coro-blocking-call
// async_simple's syncAwait blocks the calling thread; a library that is
// catalogued is judged by its catalog, so the catalog must say so (the
// yalantinglibs corpus blocks through it in helpers: open a file with
// syncAwait(post(...)), a synchronous get() that syncAwaits the async one).
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>

#include <fstream>
#include <string>

using async_simple::coro::Lazy;

Lazy<int> fetch();

// A synchronous API over the asynchronous one, as HTTP clients offer.
int get_sync() { return async_simple::coro::syncAwait(fetch()); }

Lazy<int> handler() {
  int direct = async_simple::coro::syncAwait(fetch()); // expect-error: blocking call to 'async_simple::coro::syncAwait' in coroutine 'handler': blocks the thread until the lazy completes; use co_await on the lazy instead [coro-blocking-call]
  int through = get_sync(); // expect-error: call to 'get_sync' may block coroutine 'handler'; it reaches blocking call 'async_simple::coro::syncAwait' [coro-blocking-call]
  // expect-note@-5: 'get_sync' blocks in 'async_simple::coro::syncAwait'
  int awaited = co_await fetch(); // not blocking: awaited
  co_return direct + through + awaited;
}

int main_thread() { return async_simple::coro::syncAwait(handler()); } // not a coroutine

// Seeking an input file stream moves its position (lseek), it does not wait
// for the disk; reading does.
Lazy<int> seek_then_read(std::ifstream &in, std::string &line) {
  in.seekg(0); // not blocking
  std::getline(in, line); // expect-warning: blocking call to 'std::getline' in coroutine 'seek_then_read' [coro-blocking-call]
  co_return 0;
}

// The same through a read-write std::fstream (yalantinglibs' coro_file::seek):
// seekg moves the position; the read after it and closing the file block.
Lazy<int> seek_read_write(std::fstream &file, char *buf) {
  file.seekg(16, std::ios::beg); // not blocking
  file.read(buf, 4); // expect-warning: blocking call to 'std::basic_istream::read' in coroutine 'seek_read_write' [coro-blocking-call]
  file.close(); // expect-warning: blocking call to 'std::basic_fstream::close' in coroutine 'seek_read_write' [coro-blocking-call]
  co_return 0;
}
