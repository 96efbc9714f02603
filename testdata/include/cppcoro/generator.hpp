// Test stand-in for cppcoro's <cppcoro/generator.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

namespace cppcoro {

// Synchronous generator: co_yield values, iterate with range-for.
template <typename T>
class generator : public corolint_standin::basic_generator<T> {
 public:
  struct promise_type : corolint_standin::generator_promise<generator, T> {};
  using corolint_standin::basic_generator<T>::basic_generator;
};

}  // namespace cppcoro
