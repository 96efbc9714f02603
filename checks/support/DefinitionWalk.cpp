#include "support/DefinitionWalk.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace corolint {
namespace {

class DefinitionWalk : public RecursiveASTVisitor<DefinitionWalk> {
  using Base = RecursiveASTVisitor<DefinitionWalk>;

public:
  DefinitionWalk(
      const SourceManager &SM,
      llvm::function_ref<void(const FunctionDecl &, bool FromLambda)> Visit)
      : SM(SM), Visit(Visit) {}

  bool TraverseDecl(Decl *D) {
    if (!D || InSystemHeader)
      return D ? Base::TraverseDecl(D) : true;
    // What a system header declares lies in it, down to its members: asked
    // once per declaration of a namespace (or of the translation unit).
    const DeclContext *Lexical = D->getLexicalDeclContext();
    if (isa<TranslationUnitDecl>(D) || !Lexical || !Lexical->isFileContext())
      return Base::TraverseDecl(D);
    SourceLocation At = D->getLocation();
    InSystemHeader = At.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(At));
    bool Continue = Base::TraverseDecl(D);
    InSystemHeader = false;
    return Continue;
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    return InSystemHeader || Base::TraverseStmt(S, Queue);
  }
  // (LLVM 22 passes a second argument, TraverseQualifier.)
  bool TraverseTypeLoc(TypeLoc, bool = true) { return true; }
  bool TraverseType(QualType, bool = true) { return true; }

  bool VisitFunctionDecl(FunctionDecl *F) {
    if (!F->isThisDeclarationADefinition() || !F->doesThisDeclarationHaveABody())
      return true;
    const Stmt *Body = F->getBody();
    if (Body && (!InSystemHeader || isa<CoroutineBodyStmt>(Body)))
      Visit(*F, /*FromLambda=*/false);
    return true;
  }
  // Lambda classes are implicit code: their call operators are reached
  // through the expression only.
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (const CXXMethodDecl *Op = L->getCallOperator())
      Visit(*Op, /*FromLambda=*/true);
    return true;
  }

private:
  const SourceManager &SM;
  llvm::function_ref<void(const FunctionDecl &, bool)> Visit;
  bool InSystemHeader = false;
};

} // namespace

void forEachDefinition(
    ASTContext &Ctx,
    llvm::function_ref<void(const FunctionDecl &, bool FromLambda)> Visit) {
  DefinitionWalk(Ctx.getSourceManager(), Visit).TraverseAST(Ctx);
}

} // namespace corolint
