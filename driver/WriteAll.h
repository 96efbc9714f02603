#ifndef COROLINT_DRIVER_WRITEALL_H
#define COROLINT_DRIVER_WRITEALL_H

#include "llvm/ADT/StringRef.h"
#include <cerrno>
#include <cstddef>
#include <unistd.h>

namespace corolint::driver {

/// Writes all of Bytes to FD, again after a short write or an interrupted
/// one (EINTR). False on the first other failure, with errno still telling
/// why. Plain system calls only: safe in a forked child and while other
/// threads fork.
inline bool writeAll(int FD, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(FD, Bytes.data(), Bytes.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    Bytes = Bytes.drop_front(static_cast<std::size_t>(N));
  }
  return true;
}

} // namespace corolint::driver

#endif
