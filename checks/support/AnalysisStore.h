#ifndef COROLINT_SUPPORT_ANALYSISSTORE_H
#define COROLINT_SUPPORT_ANALYSISSTORE_H

#include "support/CoroutineContext.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <map>
#include <memory>
#include <string>

namespace corolint {

class RuleCatalog;
class SummaryFiles;
struct FunctionSummary;

/// What one translation unit's analyses share (docs/architecture.md): the
/// facts of every function body analysed (BodyFacts: its CFG, parent
/// maps, fatal paths), the per-coroutine contexts (CoroutineContext) and
/// the per-function summaries (may block, iteration cost, builds, limits,
/// pure), each computed once for all six checks. One store per ASTContext;
/// it goes away at the end of the translation unit (CoroCheck releases it)
/// or, at the latest, with the ASTContext, so nothing outlives the AST it
/// points into.
class AnalysisStore {
public:
  /// The store of Ctx's translation unit, made on first use.
  static AnalysisStore &of(const clang::ASTContext &Ctx);
  /// Drops Ctx's store (end of the translation unit); harmless when there
  /// is none.
  static void release(const clang::ASTContext &Ctx);

  ~AnalysisStore();

  /// The facts of one body (a coroutine's user body or a helper's body).
  BodyFacts &body(const clang::FunctionDecl &F, const clang::Stmt *Body);

  /// The context of coroutine F under Catalog (checks with the same rule
  /// files and NonSuspendingAwaitables share one catalog, hence one
  /// context).
  CoroutineContext &coroutine(const clang::FunctionDecl &F,
                              const clang::CoroutineBodyStmt &Body,
                              const RuleCatalog &Catalog);

  /// Whether a co_await/co_yield can suspend (CoroutineModel's canSuspend),
  /// decided once per expression and catalog.
  bool canSuspend(const clang::Expr *SuspendExpr, const RuleCatalog &Catalog);

  /// A per-translation-unit analysis object holding summaries of functions
  /// (T: BlockingAnalysis, LoopCostAnalysis...), one per Key. Key names
  /// everything the summaries depend on besides the AST — the catalog and
  /// the options (summaryKey) — so two checks with different options never
  /// read each other's results, and two with the same share them. Make
  /// builds it on first use. T must name itself: `static const char
  /// *storeKind()`.
  template <class T>
  T &summaries(const std::string &Key,
               llvm::function_ref<std::unique_ptr<T>()> Make) {
    std::string Full = std::string(T::storeKind()) + "|" + Key;
    auto &Slot = Shared[Full];
    if (!Slot)
      Slot = std::make_unique<Holder<T>>(Make());
    return *static_cast<Holder<T> *>(Slot.get())->Value;
  }

  /// The summaries of functions defined in other translation units (the
  /// SummaryFiles option, docs/whole-program.md) the analyses of this
  /// translation unit may consult. Null or empty: none.
  void useSummaries(std::shared_ptr<SummaryFiles> Files);

  /// What the summary files say about F, when F's body is not in view (a
  /// declaration only) and a summary file has a fresh record of it; null
  /// otherwise. A function whose body is in view is always judged by its
  /// body (in-view facts win). Analyses ask this where they would
  /// otherwise give up on a function without a body.
  const FunctionSummary *external(const clang::FunctionDecl *F);

  /// How many contexts and CFGs have been built in this process (tests
  /// read them to see that each is built once).
  struct Counters {
    unsigned Contexts = 0;
    unsigned Bodies = 0;
    unsigned CFGs = 0;
  };
  static Counters counters();
  static void countCFG();
  /// How many stores exist (0 between translation units).
  static unsigned liveStores();

private:
  explicit AnalysisStore(const clang::ASTContext &Ctx) : Ctx(Ctx) {}

  struct HolderBase {
    virtual ~HolderBase() = default;
  };
  template <class T> struct Holder : HolderBase {
    explicit Holder(std::unique_ptr<T> V) : Value(std::move(V)) {}
    std::unique_ptr<T> Value;
  };

  const clang::ASTContext &Ctx;
  llvm::DenseMap<std::pair<const clang::Stmt *, const RuleCatalog *>,
                 std::unique_ptr<CoroutineContext>>
      Coroutines;
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<BodyFacts>> Bodies;
  llvm::DenseMap<std::pair<const clang::Expr *, const RuleCatalog *>, bool>
      Suspends;
  std::map<std::string, std::unique_ptr<HolderBase>> Shared;
  std::shared_ptr<SummaryFiles> External;
  llvm::DenseMap<const clang::FunctionDecl *, const FunctionSummary *> ExternalFacts;
};

/// The answer Answers (a map kept in a summaries object) holds for Key;
/// on first use Compute's, kept for next time. Compute may ask the same
/// map about other keys: its answer is stored after it returns.
template <class Map, class Fn>
typename Map::mapped_type memoised(Map &Answers,
                                   const typename Map::key_type &Key,
                                   Fn Compute) {
  auto It = Answers.find(Key);
  if (It != Answers.end())
    return It->second;
  typename Map::mapped_type Answer = Compute();
  Answers[Key] = Answer;
  return Answer;
}

/// The key of summaries that depend on Catalog and on option values.
std::string summaryKey(const RuleCatalog &Catalog,
                       std::initializer_list<llvm::StringRef> Options);

} // namespace corolint

#endif
