#include "support/AnalysisStore.h"
#include "support/CoroutineContext.h"
#include "support/CoroutineModel.h"
#include "support/RuleCatalog.h"
#include "support/SummaryFiles.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"

#include <atomic>
#include <mutex>

using namespace clang;

namespace corolint {

namespace {

/// The stores of the ASTContexts alive, in every thread (clangd builds ASTs
/// in parallel; the driver runs translation units on several threads).
struct Registry {
  std::mutex Lock;
  llvm::DenseMap<const ASTContext *, std::unique_ptr<AnalysisStore>> Stores;
};

Registry &registry() {
  static Registry *R = new Registry(); // never destroyed: no exit-time order
  return *R;
}

std::atomic<unsigned> ContextsBuilt{0}, BodiesBuilt{0}, CFGsBuilt{0};

/// Called when an ASTContext is destroyed: its store (if any is left) goes
/// with it, so a later ASTContext at the same address starts afresh.
void dropStore(void *Ctx) {
  AnalysisStore::release(*static_cast<const ASTContext *>(Ctx));
}

} // namespace

AnalysisStore &AnalysisStore::of(const ASTContext &Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  auto &Slot = R.Stores[&Ctx];
  if (!Slot) {
    Slot = std::unique_ptr<AnalysisStore>(new AnalysisStore(Ctx));
    Ctx.AddDeallocation(dropStore, const_cast<ASTContext *>(&Ctx));
  }
  return *Slot;
}

void AnalysisStore::release(const ASTContext &Ctx) {
  std::unique_ptr<AnalysisStore> Gone;
  {
    Registry &R = registry();
    std::lock_guard<std::mutex> Guard(R.Lock);
    auto It = R.Stores.find(&Ctx);
    if (It == R.Stores.end())
      return;
    Gone = std::move(It->second);
    R.Stores.erase(It);
  }
  // Gone is destroyed here, outside the lock.
}

AnalysisStore::~AnalysisStore() {
  // Contexts refer to bodies' facts: drop them first.
  Coroutines.clear();
  Shared.clear();
  Bodies.clear();
}

BodyFacts &AnalysisStore::body(const FunctionDecl &F, const Stmt *Body) {
  auto &Slot = Bodies[Body];
  if (!Slot) {
    Slot = std::make_unique<BodyFacts>(F, Body, F.getASTContext());
    ++BodiesBuilt;
  }
  return *Slot;
}

CoroutineContext &AnalysisStore::coroutine(const FunctionDecl &F,
                                           const CoroutineBodyStmt &Body,
                                           const RuleCatalog &Catalog) {
  auto &Slot = Coroutines[{&Body, &Catalog}];
  if (!Slot) {
    Slot = std::make_unique<CoroutineContext>(*this, F, Body, Catalog,
                                              F.getASTContext());
    ++ContextsBuilt;
  }
  return *Slot;
}

bool AnalysisStore::canSuspend(const Expr *SuspendExpr,
                               const RuleCatalog &Catalog) {
  auto [It, Inserted] = Suspends.try_emplace({SuspendExpr, &Catalog}, true);
  if (Inserted)
    It->second = corolint::canSuspend(SuspendExpr, Catalog, Ctx);
  return It->second;
}

void AnalysisStore::useSummaries(std::shared_ptr<SummaryFiles> Files) {
  if (Files == External)
    return;
  External = std::move(Files);
  ExternalFacts.clear();
}

const FunctionSummary *AnalysisStore::external(const FunctionDecl *F) {
  if (!F || !External || External->empty())
    return nullptr;
  F = F->getCanonicalDecl();
  auto [It, New] = ExternalFacts.try_emplace(F, nullptr);
  if (!New)
    return It->second;
  // Only functions another translation unit can define and summarise: not
  // in view here, with external linkage, not a template's instantiation
  // (its body is where it is used), not in a system header.
  if (F->hasBody() || !F->isExternallyVisible() || F->isDeleted() ||
      F->isDefaulted() || F->isTemplateInstantiation() ||
      F->isDependentContext() || F->getBuiltinID())
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (F->getLocation().isInvalid() || SM.isInSystemHeader(F->getLocation()))
    return nullptr;
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(F, USR)) // true means failure
    return nullptr;
  // A stale record is not used; coro-blocking-call reports it, located in
  // its summary file.
  std::vector<SummaryError> Stale;
  return It->second = External->lookup(std::string(USR), Stale);
}

AnalysisStore::Counters AnalysisStore::counters() {
  return {ContextsBuilt.load(), BodiesBuilt.load(), CFGsBuilt.load()};
}

void AnalysisStore::countCFG() { ++CFGsBuilt; }

unsigned AnalysisStore::liveStores() {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  return R.Stores.size();
}

std::string summaryKey(const RuleCatalog &Catalog,
                       std::initializer_list<llvm::StringRef> Options) {
  std::string Key = std::to_string(reinterpret_cast<std::uintptr_t>(&Catalog));
  for (llvm::StringRef O : Options) {
    Key += '\x1f';
    Key += O.str();
  }
  return Key;
}

} // namespace corolint
