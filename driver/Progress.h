#ifndef COROLINT_DRIVER_PROGRESS_H
#define COROLINT_DRIVER_PROGRESS_H

#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <mutex>
#include <string>

namespace corolint::driver {

/// Progress of a run on stderr. On a terminal: one line rewritten in place
/// with done/total, percent, the file being analysed and an estimate of the
/// time left. Elsewhere (when asked for): a line when a file starts
/// ("[2/5] analysing src/a.cpp") and one when it is done.
class Progress {
public:
  Progress(llvm::raw_ostream &OS, bool Enabled, bool Terminal, unsigned Total);
  ~Progress();

  void started(const std::string &File);
  void finished(const std::string &File);

  /// "1:05" for 65 seconds, "1:01:05" past an hour.
  static std::string formatDuration(double Seconds);

private:
  void draw(const std::string &File);

  llvm::raw_ostream &OS;
  bool Enabled, Terminal;
  unsigned Total, Done = 0;
  std::chrono::steady_clock::time_point Start;
  std::mutex Lock;
};

} // namespace corolint::driver

#endif
