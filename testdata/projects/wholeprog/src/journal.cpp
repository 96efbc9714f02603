#include "wp/storage.h"

#include <unistd.h>

namespace wp::journal {

static int journal_fd = -1;

void flush() { ::fsync(journal_fd); }

} // namespace wp::journal
