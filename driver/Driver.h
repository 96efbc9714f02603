#ifndef COROLINT_DRIVER_DRIVER_H
#define COROLINT_DRIVER_DRIVER_H

#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace corolint::driver {

/// Exit statuses of corolint.
enum ExitStatus {
  ExitClean = 0,      // nothing at the --fail-on level
  ExitFindings = 1,   // findings at or above it
  ExitUsage = 2,      // usage or configuration error
  ExitIncomplete = 3, // a translation unit could not be analysed
};

/// Runs `corolint ARGS...` (Args without the program name); findings go to
/// Out, errors and progress to Err.
int runCorolint(const std::vector<std::string> &Args, llvm::raw_ostream &Out,
                llvm::raw_ostream &Err);

} // namespace corolint::driver

#endif
