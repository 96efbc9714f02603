// Stand-in for hermes_shm's thread models (iowarp,
// hermes_shm/thread/thread_model/*.h), for corolint's tests: the thread
// model the build configures, reached through HSHM_THREAD_MODEL, whose
// Yield() gives up the thread's time slice.
#pragma once
#include <sched.h>
#include <thread>

namespace hshm::thread {

class ThreadModel {
public:
  void Yield();
};

class StdThread : public ThreadModel {
public:
  void Yield() { std::this_thread::yield(); }
};

class Pthread : public ThreadModel {
public:
  void Yield() { sched_yield(); }
};

} // namespace hshm::thread

namespace hshm {
template <typename T> struct CrossSingleton {
  static T *GetInstance() {
    static T Instance;
    return &Instance;
  }
};
} // namespace hshm

#define HSHM_THREAD_MODEL                                                      \
  hshm::CrossSingleton<hshm::thread::StdThread>::GetInstance()
