// Test stand-in for concurrencpp's umbrella header <concurrencpp/concurrencpp.h>, written for corolint's tests.
#pragma once
#include <concurrencpp/executors/executor.h>
#include <concurrencpp/executors/executor_all.h>
#include <concurrencpp/forward_declarations.h>
#include <concurrencpp/results/lazy_result.h>
#include <concurrencpp/results/promises.h>
#include <concurrencpp/results/result.h>
#include <concurrencpp/results/resume_on.h>
#include <concurrencpp/results/when_result.h>
#include <concurrencpp/runtime/runtime.h>
#include <concurrencpp/task.h>
#include <concurrencpp/threads/async_condition_variable.h>
#include <concurrencpp/threads/async_lock.h>
#include <concurrencpp/timers/timer_queue.h>
