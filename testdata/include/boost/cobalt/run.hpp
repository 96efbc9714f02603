// Test stand-in for Boost.Cobalt's <boost/cobalt/run.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/task.hpp>

namespace boost::cobalt {

// Runs the task on a fresh io_context, blocking the calling thread.
template <typename T>
T run(task<T> t) {
  (void)t;
  return corolint_standin::unreachable<T>();
}

}  // namespace boost::cobalt
