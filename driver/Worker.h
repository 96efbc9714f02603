#ifndef COROLINT_DRIVER_WORKER_H
#define COROLINT_DRIVER_WORKER_H

#include "Engine.h"

#include <string>

namespace corolint::driver {

/// Analyses Job in a child process of its own (fork), so that a crash of
/// clang or of a check, or a hang, fails this translation unit only. The
/// child sends its TUResult back through a pipe. TimeoutSeconds (0: none)
/// bounds the child's time; after it the child is killed. A child that
/// dies, is killed or times out gives a Failed result whose one compiler
/// error says so ("the analysis crashed (SIGSEGV, segmentation fault)",
/// "the analysis timed out after 30 s"). Safe to call from several
/// threads; the calling threads run no LLVM code while children run.
///
/// For the tests, a child whose main file contains the text in the
/// environment variable COROLINT_TEST_CRASH_MARKER raises SIGSEGV, and one
/// whose file contains COROLINT_TEST_HANG_MARKER sleeps forever, before
/// analysing it.
TUResult analyseIsolated(const TUJob &Job, const OptionsProviderFactory &Options,
                         llvm::StringRef ResourceDir, unsigned TimeoutSeconds);

/// The wire format between a child and its parent (exposed for the tests):
/// every field of a TUResult, lengths before bytes, any byte content.
std::string encodeResult(const TUResult &R);
bool decodeResult(llvm::StringRef Bytes, TUResult &R);

/// "SIGSEGV, segmentation fault" for the signals a crash or a kill shows.
std::string describeSignal(int Signal);

} // namespace corolint::driver

#endif
