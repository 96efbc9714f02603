// Test stand-in for Boost.Thread's <boost/thread/mutex.hpp>, written for corolint's tests.
// Defers to the real header when Boost.Thread is installed further down the
// include path (Debian's libboost-dev); otherwise provides minimal mutexes
// and locks.
#pragma once

#if __has_include_next(<boost/thread/mutex.hpp>)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include_next <boost/thread/mutex.hpp>
#pragma GCC diagnostic pop
#else
#include <corolint_standin/boost_thread.hpp>
#endif
