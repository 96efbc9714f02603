#ifndef COROLINT_DRIVER_TEXTOUTPUT_H
#define COROLINT_DRIVER_TEXTOUTPUT_H

#include "Report.h"

#include "llvm/Support/raw_ostream.h"

namespace corolint::driver {

/// Writes findings and compiler errors as clang does, one line each
/// ("file:line:col: warning: message [check]"), notes after their finding,
/// columns in bytes. With a baseline, only new findings are written.
void writeText(const Report &R, llvm::raw_ostream &OS);

/// "2 warnings and 1 error in 3 files" style summary for stderr, with how
/// many findings --fix (and --fix-notes) would fix.
std::string summaryLine(const Report &R);

const char *levelName(Level L);

} // namespace corolint::driver

#endif
