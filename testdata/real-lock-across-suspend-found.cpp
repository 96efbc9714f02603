// CHECKS: coro-lock-across-suspend
// Real bugs, restated (see testdata/real/README.md, section
// coro-lock-across-suspend): each buggy shape is reported, its fix is not.
// RB17 and RB18 are known only at pull-request level (the repository is too
// large to read here): their guard and await are restated from the pull
// requests' titles and descriptions.
#include "corolint_task.hpp"
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <vector>

using testing_task::task;

// An application's own future whose promise makes a function a coroutine
// (arangodb's futures::Future<T> shape): the coroutine may resume on another
// thread than the one it suspended on.
namespace futures {
template <class T> struct Future {
  struct promise_type {
    Future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() { return T{}; }
};
} // namespace futures

// --- RB17: a std::unique_lock over the object's mutex still owned at the
// co_await on a remote answer; the fix unlocks before awaiting
// (arangodb/arangodb#20398, "BTS-1728: don't hold mutex while
// co_awaiting"). ---------------------------------------------------------
namespace rb17 {
struct Result {
  int code = 0;
};
futures::Future<Result> sendRequest(std::string shard);

class ShardSynchronizer {
public:
  futures::Future<Result> synchronizeBuggy(std::string shard);
  futures::Future<Result> synchronizeFixed(std::string shard);

private:
  std::mutex _mutex;
  std::map<std::string, int> _inProgress;
};

futures::Future<Result> ShardSynchronizer::synchronizeBuggy(std::string shard) {
  std::unique_lock guard(_mutex); // expect-warning: 'guard' (std::unique_lock<std::mutex>) is held across a suspension point [coro-lock-across-suspend]
  ++_inProgress[shard];
  Result r = co_await sendRequest(shard); // expect-note: coroutine may suspend here
  --_inProgress[shard];
  co_return r;
}

futures::Future<Result> ShardSynchronizer::synchronizeFixed(std::string shard) {
  std::unique_lock guard(_mutex);
  ++_inProgress[shard];
  guard.unlock();
  Result r = co_await sendRequest(shard);
  guard.lock();
  --_inProgress[shard];
  co_return r;
}
} // namespace rb17

// --- RB18: a std::lock_guard over a std::mutex in a coroutine whose scope
// reaches the await: locked on one thread, unlocked on the one it resumes
// on; the fix keeps the locked part in a plain (non-coroutine) function
// (arangodb/arangodb#21099, "We cannot use a std::mutex in a function that
// is a coroutine"). ---------------------------------------------------------
namespace rb18 {
futures::Future<int> waitForLeader(int term);

class Participant {
public:
  futures::Future<int> onTermChangeBuggy(int term);
  futures::Future<int> onTermChangeFixed(int term);

private:
  int takeTerm(int term) {
    std::lock_guard<std::mutex> lock(_mutex);
    _term = term;
    return _term;
  }
  std::mutex _mutex;
  int _term = 0;
};

futures::Future<int> Participant::onTermChangeBuggy(int term) {
  std::lock_guard<std::mutex> lock(_mutex); // expect-warning: 'lock' (std::lock_guard<std::mutex>) is held across a suspension point [coro-lock-across-suspend]
  _term = term;
  int leader = co_await waitForLeader(_term); // expect-note: coroutine may suspend here
  co_return leader;
}

futures::Future<int> Participant::onTermChangeFixed(int term) {
  int current = takeTerm(term);
  int leader = co_await waitForLeader(current);
  co_return leader;
}
} // namespace rb18

// --- LK05: a std::unique_lock over a std::shared_mutex member held while a
// fire-and-forget coroutine awaits, one by one, the listener of every
// removed device; the fix collects the listeners, unlocks, then awaits them
// (OpenKneeboard DirectInputAdapter::UpdateDevices). ---------------------
namespace lk05 {
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct Device {
  std::string id;
};
struct DeviceState {
  std::shared_ptr<Device> mDevice;
  task<void> mListener;
  std::stop_source mStop;
};
std::vector<std::string> currentDeviceIds();
bool contains(const std::vector<std::string> &ids, const std::string &id);

class DirectInputAdapter {
public:
  fire_and_forget updateDevicesBuggy();
  fire_and_forget updateDevicesFixed();

private:
  mutable std::shared_mutex mDevicesMutex;
  std::unordered_map<std::string, DeviceState> mDevices;
};

fire_and_forget DirectInputAdapter::updateDevicesBuggy() {
  std::unique_lock lock(mDevicesMutex); // expect-warning: 'lock' (std::unique_lock<std::shared_mutex>) is held across a suspension point [coro-lock-across-suspend]
  auto ids = currentDeviceIds();
  for (auto it = mDevices.begin(); it != mDevices.end();) {
    if (contains(ids, it->first)) {
      ++it;
      continue;
    }
    it->second.mStop.request_stop();
    co_await std::move(it->second).mListener; // expect-note: coroutine may suspend here
    it = mDevices.erase(it);
  }
}

fire_and_forget DirectInputAdapter::updateDevicesFixed() {
  std::unique_lock lock(mDevicesMutex);
  auto ids = currentDeviceIds();
  std::vector<task<void>> stopping;
  for (auto it = mDevices.begin(); it != mDevices.end();) {
    if (contains(ids, it->first)) {
      ++it;
      continue;
    }
    it->second.mStop.request_stop();
    stopping.push_back(std::move(it->second.mListener));
    it = mDevices.erase(it);
  }
  lock.unlock();
  for (auto &&listener : stopping)
    co_await std::move(listener);
}
} // namespace lk05

// --- LK06: a runtime module's coroutine takes a read lock on its target
// table (a project guard wrapping hermes_shm's spinning reader-writer lock)
// and awaits each target's statistics query while holding it; writers of
// the table spin until every stats round finishes (iowarp/clio-core CTE
// Runtime::StatTargets; fixed by copying the target ids under the lock,
// then per target: copy the client under a short read lock, await without
// it, and update under a short write lock). --------------------------------
#include <hermes_shm/thread/lock/rwlock.h>
namespace lk06 {
// The project's coroutine-facing names for the library lock.
using CoRwLock = hshm::RwLock;
struct ScopedCoRwReadLock {
  hshm::ScopedRwReadLock scoped_lock_;
  explicit ScopedCoRwReadLock(CoRwLock &lock) : scoped_lock_(lock, 0) {}
  ~ScopedCoRwReadLock() = default;
};
struct ScopedCoRwWriteLock {
  hshm::ScopedRwWriteLock scoped_lock_;
  explicit ScopedCoRwWriteLock(CoRwLock &lock) : scoped_lock_(lock, 0) {}
  ~ScopedCoRwWriteLock() = default;
};

struct Stats {
  long remaining = 0;
};
struct BdevClient {
  task<Stats> GetStats();
};
struct TargetInfo {
  BdevClient client;
  Stats stats;
};

class Runtime {
public:
  task<void> StatTargetsBuggy();
  task<void> StatTargetsFixed();

private:
  task<void> UpdateTargetStats(int id, TargetInfo &info);
  CoRwLock target_lock_;                               // the fix's single lock
  std::vector<std::unique_ptr<CoRwLock>> target_locks_; // the striped locks before it
  std::unordered_map<int, TargetInfo> targets_;
};

task<void> Runtime::StatTargetsBuggy() {
  const size_t lock_index = std::hash<std::string>{}("stat_targets") % target_locks_.size();
  ScopedCoRwReadLock read_lock(*target_locks_[lock_index]); // expect-warning: 'read_lock' (lk06::ScopedCoRwReadLock) is held across a suspension point [coro-lock-across-suspend]
  std::vector<int> ids;
  for (auto &[id, info] : targets_)
    ids.push_back(id);
  for (int id : ids) {
    auto it = targets_.find(id);
    if (it != targets_.end())
      co_await UpdateTargetStats(id, it->second); // expect-note: coroutine may suspend here
  }
}

task<void> Runtime::StatTargetsFixed() {
  std::vector<int> ids;
  {
    ScopedCoRwReadLock read_lock(target_lock_);
    for (auto &[id, info] : targets_)
      ids.push_back(id);
  }
  for (int id : ids) {
    BdevClient client;
    bool found = false;
    {
      ScopedCoRwReadLock read_lock(target_lock_);
      auto it = targets_.find(id);
      if (it != targets_.end()) {
        client = it->second.client;
        found = true;
      }
    }
    if (!found)
      continue;
    Stats stats = co_await client.GetStats();
    {
      ScopedCoRwWriteLock write_lock(target_lock_);
      auto it = targets_.find(id);
      if (it != targets_.end())
        it->second.stats = stats;
    }
  }
}
} // namespace lk06
