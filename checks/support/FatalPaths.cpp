#include "support/FatalPaths.h"

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;

namespace corolint {

struct FatalPaths::BodyInfo {
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<ParentMap> Parents;
  llvm::DenseMap<const Stmt *, const CFGBlock *> Blocks;
  llvm::BitVector Fatal; // by block id
};

FatalPaths::FatalPaths() = default;
FatalPaths::~FatalPaths() = default;

void FatalPaths::clear() { Bodies.clear(); }

static bool endsProcess(const CFGBlock &B) {
  if (B.hasNoReturnElement())
    return true;
  for (const CFGElement &E : B)
    if (auto S = E.getAs<CFGStmt>())
      if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
        if (const FunctionDecl *F = Call->getDirectCallee())
          if (F->isNoReturn())
            return true;
  return false;
}

bool FatalPaths::onlyBeforeExit(const Stmt *S, const Decl *D, const Stmt *Body,
                                ASTContext &Ctx) {
  if (!S || !Body)
    return false;
  auto &Slot = Bodies[Body];
  if (!Slot) {
    Slot = std::make_unique<BodyInfo>();
    CFG::BuildOptions Opts;
    Opts.AddImplicitDtors = false;
    Opts.AddTemporaryDtors = false;
    Slot->Graph = CFG::buildCFG(D, const_cast<Stmt *>(Body), &Ctx, Opts);
    if (Slot->Graph) {
      Slot->Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
      const CFG &G = *Slot->Graph;
      for (const CFGBlock *B : G)
        if (B)
          for (const CFGElement &E : *B)
            if (auto CS = E.getAs<CFGStmt>())
              Slot->Blocks.try_emplace(CS->getStmt(), B);
      llvm::BitVector &Fatal = Slot->Fatal;
      Fatal.resize(G.getNumBlockIDs());
      for (const CFGBlock *B : G)
        if (B && endsProcess(*B))
          Fatal.set(B->getBlockID());
      // Least fixpoint: a block is fatal when it has successors and all of
      // the reachable ones are fatal.
      bool Changed = true;
      while (Changed) {
        Changed = false;
        for (const CFGBlock *B : G) {
          if (!B || Fatal.test(B->getBlockID()) || B == &G.getExit())
            continue;
          bool Any = false, All = true;
          for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
            const CFGBlock *N = Succ.getReachableBlock();
            if (!N)
              continue;
            Any = true;
            if (!Fatal.test(N->getBlockID())) {
              All = false;
              break;
            }
          }
          if (Any && All) {
            Fatal.set(B->getBlockID());
            Changed = true;
          }
        }
      }
    }
  }
  if (!Slot->Graph)
    return false;
  // The innermost enclosing statement the CFG lists says where S runs.
  for (const Stmt *At = S; At; At = Slot->Parents->getParent(At)) {
    auto It = Slot->Blocks.find(At);
    if (It != Slot->Blocks.end())
      return Slot->Fatal.test(It->second->getBlockID());
  }
  return false;
}

} // namespace corolint
