// Test stand-in for concurrencpp's <concurrencpp/results/when_result.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/results/lazy_result.h>
#include <concurrencpp/results/result.h>

#include <cstddef>
#include <iterator>
#include <memory>
#include <tuple>
#include <type_traits>
#include <vector>

namespace concurrencpp {

template <class sequence_type>
struct when_any_result {
  std::size_t index = static_cast<std::size_t>(-1);
  sequence_type results;
};

// co_await when_all(resume_executor, std::move(r1), std::move(r2)) ->
// std::tuple<result<A>, result<B>> of completed results.
template <class executor_type, class... result_types>
lazy_result<std::tuple<typename std::decay<result_types>::type...>> when_all(
    std::shared_ptr<executor_type> resume_executor, result_types&&... results) {
  (void)resume_executor;
  ((void)results, ...);
  return {};
}
template <class executor_type, class iterator_type>
lazy_result<std::vector<typename std::iterator_traits<iterator_type>::value_type>> when_all(
    std::shared_ptr<executor_type> resume_executor, iterator_type begin, iterator_type end) {
  (void)resume_executor;
  (void)begin;
  (void)end;
  return {};
}

template <class executor_type, class... result_types>
lazy_result<when_any_result<std::tuple<result_types...>>> when_any(
    std::shared_ptr<executor_type> resume_executor, result_types&&... results) {
  (void)resume_executor;
  ((void)results, ...);
  return {};
}
template <class executor_type, class iterator_type>
lazy_result<when_any_result<std::vector<typename std::iterator_traits<iterator_type>::value_type>>>
when_any(std::shared_ptr<executor_type> resume_executor, iterator_type begin, iterator_type end) {
  (void)resume_executor;
  (void)begin;
  (void)end;
  return {};
}

}  // namespace concurrencpp
