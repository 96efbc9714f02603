#include "Driver.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Signals.h"
#include <unistd.h>

namespace {

/// Ctrl-C: say so, with the shell's status for SIGINT, instead of ending
/// without a word (LLVM's handler calls this from the signal handler, so
/// only async-signal-safe calls).
void interrupted() {
  static const char Message[] = "\ncorolint: interrupted; no results written\n";
  ssize_t Ignored = ::write(2, Message, sizeof(Message) - 1);
  (void)Ignored;
  ::_exit(130);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  llvm::sys::SetInterruptFunction(interrupted);
  std::vector<std::string> Args(argv + 1, argv + argc);
  return corolint::driver::runCorolint(Args, llvm::outs(), llvm::errs());
}
