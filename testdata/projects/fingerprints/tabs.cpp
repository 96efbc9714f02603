#include "task.h"
#include <chrono>
#include <thread>

task	indented() {
	int  a = 1;
	int	b=a;
	std::this_thread::sleep_for(std::chrono::milliseconds(b));
		co_await next_event();
  	(void)b;
}
