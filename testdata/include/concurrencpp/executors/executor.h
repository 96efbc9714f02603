// Test stand-in for concurrencpp's <concurrencpp/executors/executor.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/results/result.h>
#include <concurrencpp/task.h>

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace concurrencpp {

class executor {
 public:
  const std::string name;

  explicit executor(std::string_view name) : name(name) {}
  virtual ~executor() noexcept = default;

  virtual void enqueue(concurrencpp::task task) = 0;
  virtual void enqueue(std::span<concurrencpp::task> tasks) = 0;
  virtual int max_concurrency_level() const noexcept = 0;
  virtual bool shutdown_requested() const = 0;
  virtual void shutdown() = 0;

  // Fire-and-forget.
  template <class callable_type, class... argument_types>
  void post(callable_type&& callable, argument_types&&... arguments) {
    (void)callable;
    ((void)arguments, ...);
  }
  template <class callable_type, class... argument_types>
  auto submit(callable_type&& callable, argument_types&&... arguments)
      -> result<std::invoke_result_t<callable_type, argument_types...>> {
    (void)callable;
    ((void)arguments, ...);
    return {};
  }
  template <class callable_type>
  void bulk_post(std::span<callable_type> callable_list) {
    (void)callable_list;
  }
  template <class callable_type, class return_type = std::invoke_result_t<callable_type>>
  std::vector<concurrencpp::result<return_type>> bulk_submit(std::span<callable_type> callable_list) {
    (void)callable_list;
    return {};
  }
};

// Base of the concrete executors; re-declares post/submit for static dispatch.
template <class concrete_executor_type>
class derivable_executor : public executor {
 public:
  using executor::executor;

  template <class callable_type, class... argument_types>
  void post(callable_type&& callable, argument_types&&... arguments) {
    (void)callable;
    ((void)arguments, ...);
  }
  template <class callable_type, class... argument_types>
  auto submit(callable_type&& callable, argument_types&&... arguments)
      -> result<std::invoke_result_t<callable_type, argument_types...>> {
    (void)callable;
    ((void)arguments, ...);
    return {};
  }
};

}  // namespace concurrencpp
