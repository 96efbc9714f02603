#include <coroutine>

int answer() {
  return undeclared_value + 1;
}

int other() { return also_undeclared; }
