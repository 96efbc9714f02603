#pragma once

namespace wp {

/// Reads the configuration (src/storage.cpp): flushes the journal first.
int read_config();
/// Pure arithmetic (src/storage.cpp).
int cheap(int x);
/// Hands a journal flush to a thread of its own (src/background.cpp).
void save_later();
/// Syncs the disks and ends the process (src/storage.cpp): its blocking
/// call is on the way out.
void die(int code);
/// Local to server.cpp in this build.
void local_flush();

namespace journal {
/// Writes the journal to disk (src/journal.cpp).
void flush();
} // namespace journal

/// Mutually recursive across src/pingpong.cpp and src/pong.cpp.
void ping(int n);
void pong(int n);
bool is_even(unsigned n);
bool is_odd(unsigned n);

} // namespace wp
