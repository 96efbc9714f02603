// Test stand-in for async_simple's <async_simple/coro/SyncAwait.h>, written
// for corolint's tests: syncAwait runs a lazy to completion, blocking the
// calling thread until it is done.
#pragma once
#include <async_simple/coro/Lazy.h>

namespace async_simple::coro {

template <typename LazyType>
auto syncAwait(LazyType &&lazy) -> int;

}  // namespace async_simple::coro
