// Test stand-in for libcoro's umbrella header <coro/coro.hpp>, written for corolint's tests.
#pragma once
#include <coro/concepts/awaitable.hpp>
#include <coro/event.hpp>
#include <coro/expected.hpp>
#include <coro/generator.hpp>
#include <coro/io_scheduler.hpp>
#include <coro/latch.hpp>
#include <coro/mutex.hpp>
#include <coro/queue.hpp>
#include <coro/ring_buffer.hpp>
#include <coro/scheduler.hpp>
#include <coro/semaphore.hpp>
#include <coro/sync_wait.hpp>
#include <coro/task.hpp>
#include <coro/task_group.hpp>
#include <coro/thread_pool.hpp>
#include <coro/when_all.hpp>
