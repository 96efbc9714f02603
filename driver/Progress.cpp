#include "Progress.h"

#include "llvm/Support/Format.h"

namespace corolint::driver {

Progress::Progress(llvm::raw_ostream &OS, bool Enabled, bool Terminal,
                   unsigned Total)
    : OS(OS), Enabled(Enabled && Total > 0), Terminal(Terminal), Total(Total),
      Start(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (Enabled && Terminal) {
    OS << "\r\x1b[K";
    OS.flush();
  }
}

std::string Progress::formatDuration(double Seconds) {
  long S = Seconds < 0 ? 0 : static_cast<long>(Seconds + 0.5);
  std::string Out;
  llvm::raw_string_ostream O(Out);
  if (S >= 3600)
    O << S / 3600 << ":" << llvm::format("%02ld", (S / 60) % 60);
  else
    O << (S / 60);
  O << ":" << llvm::format("%02ld", S % 60);
  return O.str();
}

void Progress::started(const std::string &File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> G(Lock);
  if (Terminal) {
    draw(File);
    return;
  }
  // A file that takes long (or never ends) is named before it finishes.
  OS << "[" << Done << "/" << Total << "] analysing " << File << "\n";
  OS.flush();
}

void Progress::finished(const std::string &File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> G(Lock);
  ++Done;
  draw(File);
}

void Progress::draw(const std::string &File) {
  unsigned Percent = Total ? Done * 100 / Total : 100;
  std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) +
                     "] " + std::to_string(Percent) + "% " + File;
  if (Done > 0 && Done < Total) {
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    Line += ", " + formatDuration(Elapsed / Done * (Total - Done)) + " left";
  }
  if (Terminal) {
    // Keep the line within a common terminal width so it never wraps.
    if (Line.size() > 100)
      Line = Line.substr(0, 48) + "..." + Line.substr(Line.size() - 49);
    OS << "\r\x1b[K" << Line;
  } else {
    OS << Line << "\n";
  }
  OS.flush();
}

} // namespace corolint::driver
