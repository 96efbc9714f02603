#include "small/db.h"
#include "small/poller.h"
#include "small/task.h"

namespace small {

task nightly_report() {
  std::string rows = db::query_sync("select * from orders");
  co_await yield_now();
  int answer = legacy::wait_for_reply(42);
  (void)rows;
  (void)answer;
}

} // namespace small
