// Opened by tests/clangd/lsp_test.py: findings whose fixes clangd offers as
// code actions (quick fixes), on the warning and on a note.
#include <asio/awaitable.hpp>
#include <asio/use_awaitable.hpp>
#include <chrono>
#include <thread>

asio::awaitable<int> fetch_a();
asio::awaitable<int> fetch_b();

asio::awaitable<void> nap() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}

asio::awaitable<int> both() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}
