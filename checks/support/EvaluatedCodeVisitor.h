#ifndef COROLINT_SUPPORT_EVALUATEDCODEVISITOR_H
#define COROLINT_SUPPORT_EVALUATEDCODEVISITOR_H

#include "clang/AST/RecursiveASTVisitor.h"

namespace corolint {

/// A RecursiveASTVisitor over the code a function body itself runs, in
/// source order: it does not enter nested lambdas' bodies (they run when
/// called, which the caller sees as a call to the lambda's operator()),
/// local classes and functions, or unevaluated operands (decltype, sizeof,
/// noexcept, requires, typeid of a non-polymorphic operand). Lambda init
/// captures are visited: they run where the lambda is created.
template <typename Derived>
class EvaluatedCodeVisitor : public clang::RecursiveASTVisitor<Derived> {
  using Base = clang::RecursiveASTVisitor<Derived>;

public:
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseLambdaExpr(clang::LambdaExpr *L) {
    for (clang::Expr *Init : L->capture_inits())
      if (Init && !this->getDerived().TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseDecl(clang::Decl *D) {
    if (D && (llvm::isa<clang::FunctionDecl>(D) ||
              llvm::isa<clang::RecordDecl>(D) ||
              llvm::isa<clang::FunctionTemplateDecl>(D) ||
              llvm::isa<clang::ClassTemplateDecl>(D)))
      return true;
    return Base::TraverseDecl(D);
  }
  // LLVM 22 added a second parameter; the default keeps 19 working.
  bool TraverseTypeLoc(clang::TypeLoc, bool = true) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(clang::UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(clang::CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(clang::RequiresExpr *) { return true; }
  bool TraverseConceptSpecializationExpr(clang::ConceptSpecializationExpr *) {
    return true;
  }
  bool TraverseCXXTypeidExpr(clang::CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E) : true;
  }
};

} // namespace corolint

#endif
