// CHECKS: coro-lock-across-suspend
// Real bugs, restated (see testdata/real/README.md, section
// coro-lock-across-suspend): each buggy shape is reported, its fix is not.
#include "corolint_task.hpp"
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

using testing_task::task;

// --- RB09: a shared lock named through an alias, held while awaiting each
// client's shutdown (Jde-cpp/Public UAClient::Shutdown). -----------------
namespace rb09 {
using sl = std::shared_lock<std::shared_mutex>;
using ul = std::unique_lock<std::shared_mutex>;

struct MonitoredNodes {
  task<> Shutdown();
};
struct Client {
  std::shared_ptr<MonitoredNodes> nodes;
  void stopRequests();
};
std::shared_mutex clientsMutex;
std::map<std::string, std::map<std::string, std::shared_ptr<Client>>> clients;

task<> shutdownBuggy() {
  {
    sl _1{clientsMutex}; // expect-warning: '_1' (std::shared_lock<std::shared_mutex>) is held across a suspension point [coro-lock-across-suspend]
    for (auto &&[url, creds] : clients)
      for (auto &&[cred, client] : creds) {
        if (auto p = std::move(client->nodes); p)
          co_await p->Shutdown(); // expect-note: coroutine may suspend here
        client->stopRequests();
      }
  }
  ul _{clientsMutex};
  clients.clear();
}

task<> shutdownFixed() {
  std::vector<std::shared_ptr<Client>> copies;
  {
    sl _1{clientsMutex};
    for (auto &&[url, creds] : clients)
      for (auto &&[cred, client] : creds)
        copies.push_back(client);
  }
  for (auto &client : copies) {
    if (auto p = std::move(client->nodes); p)
      co_await p->Shutdown();
    client->stopRequests();
  }
  ul _{clientsMutex};
  clients.clear();
}
} // namespace rb09

// --- LK01: a std::lock_guard over a recursive mutex member, still alive at
// the `co_await caller` that switches back to the calling apartment
// (FFmpegInteropX FFmpegMediaSource::AddExternalSubtitleAsync). ----------
namespace lk01 {
struct apartment_context {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const;
  void await_resume() const noexcept;
};
task<> resume_background();

class MediaSource {
public:
  task<int> addExternalSubtitleBuggy();
  task<int> addExternalSubtitleFixed();

private:
  std::recursive_mutex mutex;
  std::vector<int> subtitleStreams;
  int parse();
};

task<int> MediaSource::addExternalSubtitleBuggy() {
  apartment_context caller;
  co_await resume_background();
  int parsed = parse();
  std::lock_guard lock(mutex); // expect-warning: 'lock' (std::lock_guard<std::recursive_mutex>) is held across a suspension point [coro-lock-across-suspend]
  subtitleStreams.push_back(parsed);
  co_await caller; // expect-note: coroutine may suspend here
  co_return parsed;
}

task<int> MediaSource::addExternalSubtitleFixed() {
  apartment_context caller;
  co_await resume_background();
  int parsed = parse();
  {
    std::lock_guard lock(mutex);
    subtitleStreams.push_back(parsed);
  }
  co_await caller;
  co_return parsed;
}
} // namespace lk01

// --- LK02: a project's own guard (its constructor locks a global recursive
// mutex, its destructor unlocks it), returned by a factory and kept while
// the fire-and-forget coroutine sleeps (OpenKneeboard
// HWNDPageSource::InitializeOnWorkerThread). ------------------------------
namespace lk02 {
std::recursive_mutex gMutex;

struct DXResources {
  class Lock {
  public:
    Lock() = delete;
    Lock(const Lock &) = delete;
    explicit Lock(int where) : mWhere(where) { gMutex.lock(); }
    ~Lock() { gMutex.unlock(); }

  private:
    int mWhere;
  };
  Lock AcquireLock() const { return Lock(0); }
};

struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
task<> sleepFor(int ms);
void startCapture();
void postInitialize();

fire_and_forget initializeBuggy(const DXResources &dxr) {
  const auto d2dLock = dxr.AcquireLock(); // expect-warning: 'd2dLock' (lk02::DXResources::Lock) is held across a suspension point [coro-lock-across-suspend]
  startCapture();
  co_await sleepFor(100); // expect-note: coroutine may suspend here
  postInitialize();
}

fire_and_forget initializeFixed(const DXResources &dxr) {
  {
    const auto d2dLock = dxr.AcquireLock();
    startCapture();
  }
  co_await sleepFor(100);
  postInitialize();
}
} // namespace lk02
