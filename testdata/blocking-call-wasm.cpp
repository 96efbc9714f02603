// CHECKS: coro-blocking-call
// Compiling a WebAssembly module (the wasmtime catalog): one call that runs
// the compiler over the whole module in the calling thread.
#include "corolint_task.hpp"
#include <cstdint>
#include <future>
#include <string>
#include <wasmtime.h>

using testing_task::task;

task<> fetch_more();

task<wasmtime_module_t *> compile_in_coroutine(wasm_engine_t *engine, std::string bytes) {
  co_await fetch_more();
  wasmtime_module_t *m = nullptr;
  wasmtime_error_t *err = wasmtime_module_new(engine, reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size(), &m); // expect-warning: blocking call to 'wasmtime_module_new' in coroutine 'compile_in_coroutine' [coro-blocking-call]
  if (err)
    wasmtime_error_delete(err);
  co_return m;
}

task<bool> validate_then_assemble(wasm_engine_t *engine, std::string wat) {
  co_await fetch_more();
  wasm_byte_vec_t bin{};
  if (wasmtime_wat2wasm(wat.data(), wat.size(), &bin)) // expect-warning: blocking call to 'wasmtime_wat2wasm' in coroutine 'validate_then_assemble' [coro-blocking-call]
    co_return false;
  co_return wasmtime_module_validate(engine, bin.data, bin.size) == nullptr; // expect-warning: blocking call to 'wasmtime_module_validate' in coroutine 'validate_then_assemble' [coro-blocking-call]
}

// Through a helper the coroutine calls.
inline wasmtime_module_t *compile(wasm_engine_t *engine, const std::string &bytes) {
  wasmtime_module_t *m = nullptr;
  wasmtime_module_new(engine, reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size(), &m); // expect-note: 'compile' blocks in 'wasmtime_module_new'
  return m;
}
task<wasmtime_module_t *> compile_through_helper(wasm_engine_t *engine, std::string bytes) {
  co_await fetch_more();
  co_return compile(engine, bytes); // expect-warning: call to 'compile' may block coroutine 'compile_through_helper'; it reaches blocking call 'wasmtime_module_new' [coro-blocking-call]
}

// Not reported: on another thread, outside a coroutine, or a call that
// only frees.
inline task<wasmtime_module_t *> compile_on_a_thread(wasm_engine_t *engine, std::string bytes) {
  co_await fetch_more();
  auto f = std::async(std::launch::async, [engine, bytes] { return compile(engine, bytes); });
  co_return nullptr;
}
wasmtime_module_t *compile_at_startup(wasm_engine_t *engine, const std::string &bytes) {
  return compile(engine, bytes);
}
task<> release(wasmtime_module_t *m) {
  co_await fetch_more();
  wasmtime_module_delete(m);
}
