#ifndef COROLINT_SUPPORT_LOCKTYPES_H
#define COROLINT_SUPPORT_LOCKTYPES_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace corolint {

/// What the lock analysis is told besides the catalog (check options).
struct LockOptions {
  NameList ExtraGuardTypes;
  NameList ExtraAsyncLockTypes;
};

enum class LockType {
  None,
  Guard,         // holds a synchronous lock while alive (or owning)
  AsyncGuard,    // a coroutine-aware lock's guard, or such a mutex
  OptionalGuard, // std::optional of a Guard
  Mutex,         // a synchronous mutex locked by hand
};

/// Which types are locks, and which calls take or release them: the
/// catalog (`lock_guards`, `mutexes`, `async_locks`), the check's options,
/// clang's thread-safety annotations (`scoped_lockable`, `capability`,
/// `acquire_capability`...) and, for the types of none of those, inference
/// from the type's own code: a class whose constructor locks a synchronous
/// mutex it refers to (or constructs a guard member) and whose destructor
/// unlocks it is a guard. Each record is judged once per translation unit
/// (call clear() when a new one starts).
class LockTypes {
public:
  LockTypes(const RuleCatalog &Catalog, const LockOptions &Opts);

  /// Forgets what was learnt of the previous translation unit's types.
  void clear() { Records.clear(); }

  /// The kind of lock T is (looking through references; not pointers).
  LockType classify(clang::QualType T);

  /// Whether calling M on an object of type ObjectType takes its lock:
  /// the catalog entry's `lock_methods` (or the standard names), or an
  /// `acquire_capability` / `try_acquire_capability` annotation.
  bool isLockMethod(const clang::CXXMethodDecl *M, clang::QualType ObjectType);
  /// Likewise for releasing (`unlock_methods`, `release_capability`).
  bool isUnlockMethod(const clang::CXXMethodDecl *M,
                      clang::QualType ObjectType);

  /// What a call does to locks it names: the expressions it locks
  /// (`pthread_mutex_lock(&m)`, a function annotated `acquire_capability(m)`,
  /// a method annotated `acquire_capability(mu_)`) or unlocks.
  struct CallEffect {
    std::vector<const clang::Expr *> Locks, Unlocks;
  };
  CallEffect callEffect(const clang::CallExpr *C) const;

  /// Whether Name is a coroutine-aware lock (catalog `async_locks` or the
  /// ExtraAsyncLockTypes option).
  bool isAsyncName(llvm::StringRef Name) const;

  const RuleCatalog &catalog() const { return Catalog; }

private:
  LockType classifyRecord(const clang::CXXRecordDecl *R);
  LockType computeRecord(const clang::CXXRecordDecl *R);
  bool inferredGuard(const clang::CXXRecordDecl *R);
  bool syncMutexType(clang::QualType T, unsigned Depth = 0);
  bool functionTouchesLock(const clang::FunctionDecl *Fn,
                           const clang::CXXRecordDecl *Owner, bool Locking,
                           unsigned Depth);
  bool constructsGuardMember(const clang::CXXConstructorDecl *Ctor);
  bool hasGuardMember(const clang::CXXRecordDecl *R);

  const RuleCatalog &Catalog;
  const LockOptions &Opts;
  /// Lock / unlock method names a mutex-like class may use: the standard
  /// ones plus every catalogued mutex's `lock_methods` / `unlock_methods`.
  std::string LockNames, UnlockNames;
  llvm::DenseMap<const clang::CXXRecordDecl *, LockType> Records;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> SyncMutexes;
};

/// The variable or member E names, looking through `&`, `*`, parentheses
/// and implicit conversions; null for anything else.
const clang::ValueDecl *lockObject(const clang::Expr *E);

} // namespace corolint

#endif
