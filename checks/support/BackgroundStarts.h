#ifndef COROLINT_SUPPORT_BACKGROUNDSTARTS_H
#define COROLINT_SUPPORT_BACKGROUNDSTARTS_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// How a function starts work in the background and returns without
/// waiting for it: the calls from the function down to the spawn, one per
/// function body entered; the last is the spawn itself (a detached,
/// dropped or ignored future or task, a co_spawn/post of work, a detached
/// thread: whatever spawnAt recognises), the others calls of helpers that
/// start such work.
struct BackgroundStart {
  struct Hop {
    clang::SourceLocation Loc;
    std::string Name; ///< the spawn's name, or the helper called
  };
  std::vector<Hop> Chain;
};

/// Where to point at a call: the member name of `obj.f(...)`, the callee
/// of `f(...)`, the call itself otherwise.
clang::SourceLocation calledNameLoc(const clang::CallExpr *Call);

/// Per-function summaries "starts work in the background and returns":
/// for functions and coroutines whose bodies are in the translation unit
/// (not system headers or catalogued libraries). Kept in the TU's
/// AnalysisStore (storeKind), keyed by the catalog and the options below.
///
/// Not a background start: work awaited, joined or returned to the caller
/// in the same body (SpawnHandleFate, seen from the whole body); a spawn on
/// the function's own object (`this->start(...)`, the class's own API);
/// a spawn guarded so that it runs once, not per call (`if
/// (!_started) { _started = true; spawn...; }`, `if (std::exchange(_on,
/// true)) return;`): the guard reads a member or global that the guarded
/// code, or the guard itself, sets.
class BackgroundStarts {
public:
  static const char *storeKind() { return "background-starts"; }

  /// The summaries of Ctx's translation unit for these settings. The
  /// NameList and rule must outlive the translation unit (a check's own).
  static BackgroundStarts &of(clang::ASTContext &Ctx,
                              const RuleCatalog &Catalog,
                              const NameList &ExtraSpawns,
                              const RuleEntry &ExtraRule,
                              llvm::StringRef ExtraSpawnsOption,
                              unsigned HelperDepth);

  BackgroundStarts(clang::ASTContext &Ctx, const RuleCatalog &Catalog,
                   const NameList &ExtraSpawns, const RuleEntry &ExtraRule,
                   unsigned HelperDepth)
      : Ctx(Ctx), Catalog(Catalog), ExtraSpawns(ExtraSpawns),
        ExtraRule(ExtraRule), HelperDepth(HelperDepth) {}

  /// How F starts work in the background, or null: at most HelperDepth
  /// bodies deep.
  const BackgroundStart *startOf(const clang::FunctionDecl *F);

  /// Whether a call of F runs F's body before the caller goes on: F is a
  /// plain function, or a coroutine whose call is awaited (Awaited).
  static bool runsBody(const clang::FunctionDecl *F, bool Awaited);

private:
  std::optional<BackgroundStart> compute(const clang::FunctionDecl *Def);

  clang::ASTContext &Ctx;
  const RuleCatalog &Catalog;
  const NameList &ExtraSpawns;
  const RuleEntry &ExtraRule;
  unsigned HelperDepth;
  /// Null while a function is being summarised (recursion finds nothing).
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::unique_ptr<std::optional<BackgroundStart>>>
      Cache;
};

} // namespace corolint

#endif
