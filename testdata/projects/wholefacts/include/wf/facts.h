// Functions the coroutines of src/app.cpp call, each defined in another
// file of the project: what their summaries say decides the findings.
#pragma once
#include <vector>

namespace wf {

using table = std::vector<int>;

// --- iteration cost (src/tables.cpp) ---
/// Counts the pairs of rows of an index whose sizes add up to key: two
/// nested loops over its whole argument.
long count_all(const std::vector<table> &index, int key);
/// Sums one row: one loop over its argument.
long sum_row(const table &row);
/// The first entry: no loop.
int first(const table &row);

// --- limiters (src/limits.cpp) ---
/// Takes a slot of the process-wide semaphore (released by the worker).
void acquire_slot();
/// Gives a slot back.
void release_slot();
/// Logs the start of a job: takes no slot.
void log_start(int job);

// --- purity (src/keys.cpp) ---
/// Computes a key from an id: reads only its argument.
int make_key(int id);
/// Draws the next sequence number: writes a global.
int next_sequence();

} // namespace wf
