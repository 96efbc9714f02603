// CHECKS: coro-blocking-call
// A coroutine lambda is named after the variable it initialises, wherever
// that variable is declared; a lambda called or passed on at once is named
// by its place.
#include "corolint_task.hpp"
#include <chrono>
#include <functional>
#include <thread>

using testing_task::task;
using namespace std::chrono_literals;

void spawn(std::function<task<>()> f);
void keep(task<> t);

auto at_namespace_scope = []() -> task<> {
  std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'at_namespace_scope' [coro-blocking-call]
  co_return;
};

void locals() {
  auto local = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'local' [coro-blocking-call]
    co_return;
  };
  std::function<task<>()> converted = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'converted' [coro-blocking-call]
    co_return;
  };
  auto outer = [] {
    auto nested = []() -> task<> {
      std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'nested' [coro-blocking-call]
      co_return;
    };
    keep(nested());
  };
  auto holder = [captured = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'captured' [coro-blocking-call]
    co_return;
  }]() { keep(captured()); };
  if (auto in_condition = []() -> task<> {
        std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'in_condition' [coro-blocking-call]
        co_return;
      })
    keep(in_condition());
  keep(local());
  keep(converted());
  outer();
  holder();
}

// Passed on or called at once: no variable, named by place.
void unnamed() {
  spawn([]() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:54:9' [coro-blocking-call]
    co_return;
  });
  keep([]() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:58:8' [coro-blocking-call]
    co_return;
  }());
  // A variable initialised with what a lambda returns is not the lambda's.
  task<> result = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:63:19' [coro-blocking-call]
    co_return;
  }();
  keep(static_cast<task<> &&>(result));
}

// A default member initialiser: no function around it.
struct Member {
  std::function<task<>()> member = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:72:36' [coro-blocking-call]
    co_return;
  };
};

template <class T> void in_template(T) {
  auto templated = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'templated' [coro-blocking-call]
    co_return;
  };
  keep(templated());
}
template void in_template(int);
