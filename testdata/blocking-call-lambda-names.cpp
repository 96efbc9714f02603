// CHECKS: coro-blocking-call
// How a lambda coroutine is named in a message: by the variable it
// initialises, wherever that is (namespace scope, a function, another
// lambda, a member), else by where it is written.
#include "corolint_task.hpp"
#include <chrono>
#include <functional>
#include <thread>

using testing_task::task;
using namespace std::chrono_literals;

auto at_namespace = []() -> task<> {
  std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'at_namespace' [coro-blocking-call]
  co_return;
};

void in_a_function() {
  auto local_coro = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'local_coro' [coro-blocking-call]
    co_return;
  };
  std::function<task<>()> wrapped = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'wrapped' [coro-blocking-call]
    co_return;
  };
  auto outer = [] {
    auto inner_coro = []() -> task<> {
      std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'inner_coro' [coro-blocking-call]
      co_return;
    };
    return inner_coro;
  };
  (void)local_coro; (void)wrapped; (void)outer;
}

template <typename F> void take(F) {}

void passed_on() {
  // Passed to a call, not kept in a variable: named by its place.
  take([]() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:41:8' [coro-blocking-call]
    co_return;
  });
  // Called at once, then the result kept: the variable holds a task, not
  // the lambda.
  auto t = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:47:12' [coro-blocking-call]
    co_return;
  }();
  (void)t;
}

struct Holder {
  std::function<task<>()> member = []() -> task<> {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda at blocking-call-lambda-names.cpp:55:36' [coro-blocking-call]
    co_return;
  };
};
