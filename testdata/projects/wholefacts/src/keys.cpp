#include "wf/facts.h"

namespace wf {

int make_key(int id) { return id * 31 + 7; }

static int sequence = 0;
int next_sequence() { return ++sequence; }

} // namespace wf
