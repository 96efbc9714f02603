#pragma once
#include <string>

namespace small::db {
std::string query_sync(const std::string &sql);
} // namespace small::db

namespace small::legacy {
int wait_for_reply(int request);
} // namespace small::legacy
