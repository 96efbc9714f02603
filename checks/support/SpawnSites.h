#ifndef COROLINT_SUPPORT_SPAWNSITES_H
#define COROLINT_SUPPORT_SPAWNSITES_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace corolint {

/// A place where code starts work that keeps running while the code goes
/// on: a task spawned on an executor or scope, or a new thread. Recognised
/// from the catalogs' `spawn` section (see docs/rules.md for its
/// attributes).
struct SpawnSite {
  enum Form {
    Call,      ///< a spawn function: `asio::co_spawn(...)`, `scope.add(...)`, `std::async(...)`
    Construct, ///< a thread-like object built with a callable: `std::thread t(f)`
    Emplace,   ///< `threads.emplace_back(f)` building a thread-like element
    Dropped,   ///< a discarded result of a type that keeps running (`seastar::future`)
  };
  Form How = Call;
  /// The call, construction, emplace call or discarded expression.
  const clang::Expr *E = nullptr;
  const RuleEntry *Rule = nullptr;
  /// For messages: "asio::co_spawn", "std::thread", "stdexec::start_detached";
  /// for Dropped, the function whose result is dropped.
  std::string Name;
  /// For Dropped, the type that keeps running ("seastar::future").
  std::string DroppedType;
  bool IsThread = false;
  /// The object a member spawn is called on (scope, pool, group) or the
  /// container of an emplace; null for free functions and constructions.
  const clang::Expr *Object = nullptr;
  /// The spawn is a member call on `this` (the spawning class's own code).
  bool OnThis = false;
  /// Where to report: the callee's name, the constructed type, `emplace_back`.
  clang::SourceLocation Loc;

  /// The spawned work cannot outlive the object the spawn returns: its
  /// destructor waits (`std::jthread`, `std::async`'s future) or ends the
  /// program (a joinable `std::thread`). The `result_waits` attribute.
  bool resultWaits() const;
  /// Methods of Object that wait for everything spawned on it (`join`,
  /// `joinAsync`); "co_await" stands for awaiting Object itself.
  bool isJoinMethod(llvm::StringRef Method) const;
};

/// The spawn E is, if it is one. Discarded: E's value is discarded (an
/// expression statement or a cast to void), which is what makes a
/// `discarded` type's value a spawn. ExtraSpawns names more spawn functions
/// (started as tasks) with ExtraRule as their entry.
///
/// Not spawns: constructors of thread types that take no callable (default,
/// copy, move); calls whose completion token is one of the entry's
/// `lazy_tokens` (`co_spawn(ex, f(), use_awaitable)` only builds an
/// operation started when awaited); calls with an argument naming the
/// entry's `unless_argument` enumerator (`std::async(std::launch::deferred, f)`).
std::optional<SpawnSite> spawnAt(const clang::Expr *E, bool Discarded,
                                 const RuleCatalog &Catalog,
                                 const NameList &ExtraSpawns,
                                 const RuleEntry &ExtraRule);

/// The entry of section S for the function Call calls, found by the
/// function object it goes through (`folly::coro::blockingWait`), its
/// callee, or (in templates) the common name of its candidates. Name, if
/// given, receives the name that was looked up.
const RuleEntry *callRule(Section S, const clang::Expr *Call,
                          const RuleCatalog &Catalog,
                          std::string *Name = nullptr);

/// Whether Call (a call or member call) waits for work to finish: a
/// catalogued blocking call of kind `wait` or `sync-wait` (`future::get`,
/// `thread::join`, `sync_wait`, `blockingWait`).
bool isWaitCall(const clang::Expr *Call, const RuleCatalog &Catalog);

/// The variable or member an object expression names, looking through
/// parentheses, implicit casts, `*p`, `p->` and smart pointers' `->`/`*`.
const clang::ValueDecl *namedObject(const clang::Expr *E);

} // namespace corolint

#endif
