#ifndef COROLINT_SUPPORT_FATALPATHS_H
#define COROLINT_SUPPORT_FATALPATHS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace corolint {

/// Which code of a function lies only on paths that end the process: every
/// path from its CFG block reaches a call to a noreturn function
/// (std::abort, std::exit, std::terminate, a user's [[noreturn]] fatal
/// handler). A blocking call there (a logger that runs popen for a stack
/// trace, then aborts) costs no latency worth reporting. Thrown exceptions
/// do not count: they may be caught. Built once per body and cached.
class FatalPaths {
public:
  FatalPaths();
  ~FatalPaths();

  /// Whether S, inside Body (a function body or a coroutine's user body),
  /// runs only on paths that end the process.
  bool onlyBeforeExit(const clang::Stmt *S, const clang::Decl *D,
                      const clang::Stmt *Body, clang::ASTContext &Ctx);

  void clear();

private:
  struct BodyInfo;
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<BodyInfo>> Bodies;
};

} // namespace corolint

#endif
