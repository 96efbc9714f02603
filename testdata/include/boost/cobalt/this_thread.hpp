// Test stand-in for Boost.Cobalt's <boost/cobalt/this_thread.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

namespace boost::cobalt::this_thread {

inline executor get_executor() { return {}; }
inline void set_executor(executor exec) noexcept { (void)exec; }

}  // namespace boost::cobalt::this_thread
