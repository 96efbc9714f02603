#ifndef COROLINT_SUPPORT_LOCKDATAFLOW_H
#define COROLINT_SUPPORT_LOCKDATAFLOW_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include <map>
#include <tuple>
#include <vector>

namespace corolint {

/// What the lock analysis is told besides the catalog (check options).
struct LockOptions {
  NameList ExtraGuardTypes;
  NameList ExtraAsyncLockTypes;
  NameList ExtraNonSuspending;
};

/// A place where a synchronous lock starts being held: a guard variable
/// (held from its declaration, or from a later lock() on it), or a manual
/// lock() / pthread_mutex_lock() on a mutex.
struct LockAcquisition {
  const clang::ValueDecl *Lock;  // the guard variable or the mutex
  const clang::Stmt *Site;       // DeclStmt / call where it was taken
  clang::SourceLocation Loc;     // where to report
  bool operator<(const LockAcquisition &O) const {
    return std::tie(Lock, Site) < std::tie(O.Lock, O.Site);
  }
  bool operator==(const LockAcquisition &O) const {
    return Lock == O.Lock && Site == O.Site;
  }
};

/// For every acquisition, the suspension points (co_await / co_yield that
/// can suspend) reached on some path while it may still be held.
using LocksAcrossSuspension =
    std::map<LockAcquisition, std::vector<const clang::Expr *>>;

/// A forward may-hold dataflow over the CFG (with implicit destructors) of
/// a coroutine body. Acquisitions: construction of a catalogued guard type
/// (however spelled: CTAD, aliases, `auto g = guard(m)`), lock()/try_lock()
/// on a guard or a catalogued mutex, emplace() into std::optional<guard>,
/// catalogued lock functions. Releases: destructor, unlock(), release(),
/// move-from, swap, reset(); defer_lock constructs unlocked. Guards of
/// coroutine-aware locks are not tracked.
LocksAcrossSuspension
locksHeldAcrossSuspension(const clang::FunctionDecl &F,
                          const clang::CoroutineBodyStmt &Body,
                          const RuleCatalog &Catalog, const LockOptions &Opts,
                          clang::ASTContext &Ctx);

} // namespace corolint

#endif
