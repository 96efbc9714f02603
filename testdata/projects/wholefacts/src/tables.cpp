#include "wf/facts.h"

namespace wf {

long count_all(const std::vector<table> &index, int key) {
  long n = 0;
  for (const table &a : index)
    for (const table &b : index)
      n += a.size() + b.size() == static_cast<unsigned long>(key);
  return n;
}

long sum_row(const table &row) {
  long s = 0;
  for (int v : row)
    s += v;
  return s;
}

int first(const table &row) { return row.empty() ? 0 : row[0]; }

} // namespace wf
