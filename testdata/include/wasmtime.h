// Stand-in for the wasmtime C API (wasmtime.h / wasm.h): the module and
// engine types and the calls that compile a module. Declarations only.
#pragma once
#include <cstddef>
#include <cstdint>

extern "C" {
typedef struct wasm_engine_t wasm_engine_t;
typedef struct wasm_store_t wasm_store_t;
typedef struct wasm_module_t wasm_module_t;
typedef struct wasmtime_module wasmtime_module_t;
typedef struct wasmtime_error wasmtime_error_t;
typedef struct wasm_byte_vec_t {
  size_t size;
  uint8_t *data;
} wasm_byte_vec_t;

wasm_engine_t *wasm_engine_new(void);
wasmtime_error_t *wasmtime_module_new(wasm_engine_t *engine,
                                      const uint8_t *wasm, size_t wasm_len,
                                      wasmtime_module_t **ret);
wasmtime_error_t *wasmtime_module_validate(wasm_engine_t *engine,
                                           const uint8_t *wasm,
                                           size_t wasm_len);
wasmtime_error_t *wasmtime_wat2wasm(const char *wat, size_t wat_len,
                                    wasm_byte_vec_t *ret);
wasm_module_t *wasm_module_new(wasm_store_t *store,
                               const wasm_byte_vec_t *binary);
void wasmtime_module_delete(wasmtime_module_t *m);
void wasmtime_error_delete(wasmtime_error_t *error);
}
