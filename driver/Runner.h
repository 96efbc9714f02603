#ifndef COROLINT_DRIVER_RUNNER_H
#define COROLINT_DRIVER_RUNNER_H

#include "Cache.h"
#include "Engine.h"
#include "Progress.h"

#include <vector>

namespace corolint::driver {

/// Analyses Jobs on Threads worker threads, each translation unit in a
/// child process of its own (see analyseIsolated; TimeoutSeconds bounds
/// each, 0 for none), and combines the results in the order of Jobs, so the
/// outcome does not depend on the number of threads or their timing.
/// Findings reported by several translation units (in a shared header) are
/// kept once. With a Cache, a translation unit whose entry matches is not
/// analysed (its cached result takes its place) and the others' results are
/// stored.
Analysis runJobs(const std::vector<TUJob> &Jobs,
                 const std::vector<std::string> &Paths, unsigned Threads,
                 const OptionsProviderFactory &Options,
                 llvm::StringRef ResourceDir, Progress &P,
                 const std::vector<std::string> &DisplayNames,
                 unsigned TimeoutSeconds = 0, TUCache *Cache = nullptr);

} // namespace corolint::driver

#endif
