// corolint-clangd: clangd with the coro clang-tidy module built in (stock
// clangd cannot load clang-tidy plugins). Everything else is clangd's own.
#include "llvm/Support/raw_ostream.h"
#include <cstring>
#include <string>
#include <vector>

// clangd's entry point; Debian ships the archive but not its header.
namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

void corolintClangdNoHint(); // ClangdHooks.cpp

// Pulls the check library's module registration into the link.
extern volatile int CorolintModuleAnchorSource;

static bool hasFlag(int argc, char *argv[], const char *Flag) {
  std::size_t N = std::strlen(Flag);
  for (int I = 1; I < argc; ++I)
    if (!std::strncmp(argv[I], Flag, N))
      return true;
  return false;
}

int main(int argc, char *argv[]) {
  int Anchor = CorolintModuleAnchorSource;
  (void)Anchor;
  if (hasFlag(argc, argv, "--version") || hasFlag(argc, argv, "-version"))
    llvm::outs() << "corolint-clangd " COROLINT_VERSION
                    ": clangd with corolint's coro-* clang-tidy checks\n";
  // clangd's fast-check filter lets the coro checks run, and a hint says how
  // to enable them when a file's configuration does not: ClangdHooks.cpp.
  if (hasFlag(argc, argv, "--check-tidy-time"))
    corolintClangdNoHint();

  // clangd looks for clang's builtin headers next to its own binary; point
  // it at the LLVM this was built with, unless the user chose.
  std::vector<char *> Args(argv, argv + argc);
  std::string ResourceDir = "--resource-dir=" COROLINT_CLANG_RESOURCE_DIR;
  if (!hasFlag(argc, argv, "--resource-dir") &&
      !hasFlag(argc, argv, "-resource-dir"))
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
