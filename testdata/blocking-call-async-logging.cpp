// CHECKS: coro-blocking-call
// A logging front end whose submission is asynchronous by default is not a
// blocking call, although its body reaches file i/o on a branch a run-time
// setting selects (catalog `offload` entries of `kind: queue`: yalantinglibs'
// easylog queues records for a background writer unless made synchronous).
// The rest of such a library is still read: its blocking functions are
// reported, and a logger of the same shape that no catalog names is too.
#include <async_simple/coro/Lazy.h>
#include <ylt/easylog.hpp>

#include <fstream>
#include <string>

using async_simple::coro::Lazy;

Lazy<int> query();

Lazy<int> handler(int id) {
  ELOG_INFO << "request " << id; // not blocking: queued for the writer thread
  int v = co_await query();
  if (v < 0)
    ELOG_ERROR << "bad answer " << v; // not blocking either
  easylog::flush(); // expect-warning: call to 'easylog::flush' may block coroutine 'handler'; it reaches blocking call 'std::basic_ostream::flush' [coro-blocking-call]
  co_return v;
}

// An application's own logger of the same shape, synchronous: still read.
namespace app {
struct file_logger {
  std::ofstream out;
  bool rolling = false;
  void operator+=(const std::string &line) {
    if (rolling)
      out.close(); // expect-note: 'app::file_logger::operator+=' blocks in 'std::basic_ofstream::close'
    out.write(line.data(), line.size());
  }
};
} // namespace app

Lazy<int> sync_logging(app::file_logger &log) {
  log += "start"; // expect-warning: call to 'app::file_logger::operator+=' may block coroutine 'sync_logging'; it reaches blocking call 'std::basic_ofstream::close' [coro-blocking-call]
  co_return co_await query();
}
