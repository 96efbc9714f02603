// Test stand-in for concurrencpp's <concurrencpp/forward_declarations.h>, written for corolint's tests.
#pragma once

namespace concurrencpp {

struct null_result {};
struct executor_tag {};

template <class type>
class result;
template <class type>
class lazy_result;
template <class type>
class result_promise;

class executor;
class inline_executor;
class thread_pool_executor;
class thread_executor;
class worker_thread_executor;
class manual_executor;
class timer_queue;
class runtime;
class async_lock;
class scoped_async_lock;

}  // namespace concurrencpp
