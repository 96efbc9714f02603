#include "support/UnchangedValues.h"
#include "support/ElementWork.h"
#include "support/LoopBounds.h"
#include "support/RuleCatalog.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace corolint {
namespace {

/// The variable or data member E names (`v`, `this->range`, `f.range`).
const ValueDecl *referencedObject(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

bool refersTo(const Expr *E, const ValueDecl *V) {
  return E && referencedObject(E) == V;
}

/// Whether anything in a function body may change V (a variable or a data
/// member) after its initialisation: an assignment, ++/--, taking its
/// address or a non-const reference to it (an argument, a reference
/// variable), or (for a container) a member call that may resize it.
/// `std::move(v)` alone is not a change: a moved-from container is left
/// with no more elements than it had.
///
/// Without V it looks for every data member at once (changedMembersIn):
/// the members written and the names of members reached through a
/// dependent object, by the same rules.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  WriteFinder(const ValueDecl *V, const RuleCatalog *Catalog)
      : V(V), Catalog(Catalog) {}
  bool Written = false;
  /// Without V: the members written, and dependent member names.
  llvm::SmallPtrSet<const FieldDecl *, 8> *Fields = nullptr;
  llvm::StringSet<> *DependentNames = nullptr;

  bool VisitVarDecl(VarDecl *D) {
    // `auto &r = v;` (not the hidden range variable of a range-for)
    QualType T = D->getType();
    if (!D->isImplicit() && T->isReferenceType() &&
        !T->getPointeeType().isConstQualified() && target(D->getInit()))
      mark(D->getInit());
    return more();
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *M) {
    // A template naming a member of that name through a dependent object
    // may write it: its instantiations are not read.
    if (!V) {
      if (DependentNames)
        DependentNames->insert(M->getMember().getAsString());
    } else if (isa<FieldDecl>(V) &&
               M->getMember().getAsString() == V->getName()) {
      Written = true;
    }
    return more();
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    if (!Ctor || spawnIterates(Ctor))
      return true;
    for (unsigned I = 0; I < C->getNumArgs() && I < Ctor->getNumParams(); ++I) {
      QualType T = Ctor->getParamDecl(I)->getType();
      if (target(C->getArg(I)) && T->isReferenceType() &&
          !T->getPointeeType().isConstQualified())
        mark(C->getArg(I));
    }
    return more();
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp() && target(B->getLHS()))
      mark(B->getLHS());
    return more();
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if ((U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
        target(U->getSubExpr()))
      mark(U->getSubExpr());
    return more();
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    unsigned First = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C)) {
      if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F)) {
        if (C->getNumArgs() > 0 && target(C->getArg(0)) &&
            !M->isConst() && !isReadOnlyMember(M))
          mark(C->getArg(0));
        First = 1;
      } else if (Op->isAssignmentOp() && C->getNumArgs() > 0 &&
                 target(C->getArg(0))) {
        mark(C->getArg(0));
      }
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(C)) {
      const CXXMethodDecl *Method = M->getMethodDecl();
      if (Method && !Method->isConst() &&
          target(M->getImplicitObjectArgument()) &&
          !isReadOnlyMember(Method))
        mark(M->getImplicitObjectArgument());
    }
    if (F && spawnIterates(F))
      return true;
    if (F && F->getIdentifier() && F->isInStdNamespace() &&
        (F->getName() == "move" || F->getName() == "forward"))
      return true; // moving out leaves no more elements
    if (!F) { // unknown callee: any argument naming V may be written
      for (const Expr *Arg : C->arguments())
        if (target(Arg))
          mark(Arg);
      return more();
    }
    for (unsigned I = First; I < C->getNumArgs(); ++I) {
      unsigned P = I - First;
      if (P >= F->getNumParams() || !target(C->getArg(I)))
        continue;
      QualType T = F->getParamDecl(P)->getType();
      if (T->isReferenceType() && !T->getPointeeType().isConstQualified())
        mark(C->getArg(I));
    }
    return more();
  }

private:
  /// A fan-out combinator (a `spawn` entry with `per_element`:
  /// seastar::parallel_for_each, map_reduce) iterates its range; taking it
  /// by forwarding reference does not resize it.
  bool spawnIterates(const FunctionDecl *F) const {
    if (!Catalog)
      return false;
    const RuleEntry *R = Catalog->lookup(Section::Spawn, F);
    return R && !R->attribute("per_element").empty();
  }
  /// A member that reaches the elements or asks the size without adding
  /// or removing any, const or not (the `accessors` section, by its bare
  /// name), unless
  /// the container's own entry lists it as an insertion (a map's
  /// `operator[]`).
  bool isReadOnlyMember(const CXXMethodDecl *M) const {
    if (!Catalog)
      return false;
    std::string Name = M->getNameAsString();
    if (!Catalog->lookup(Section::Accessors, Name))
      return false;
    const RuleEntry *Container = containerEntry(M->getParent(), *Catalog);
    return !Container || !Container->lists("inserts", Name);
  }
  /// Whether E names the object looked for: V, or without V any data
  /// member.
  bool target(const Expr *E) const {
    if (V)
      return refersTo(E, V);
    return Fields && isa_and_nonnull<FieldDecl>(referencedObject(E));
  }
  void mark(const Expr *E) {
    if (V)
      Written = true;
    else if (const auto *F = dyn_cast_or_null<FieldDecl>(referencedObject(E)))
      Fields->insert(F);
  }
  /// Whether to go on: until V is found written; over everything without V.
  bool more() const { return !V || !Written; }

  const ValueDecl *V;
  const RuleCatalog *Catalog;
};

} // namespace

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                        : nullptr))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

const Expr *unchangedInit(const VarDecl *V, const RuleCatalog *Catalog) {
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->getType()->isReferenceType() || !V->getInit())
    return nullptr;
  if (V->getType().isConstQualified())
    return V->getInit();
  const auto *F =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!F || !F->getBody())
    return nullptr;
  WriteFinder Finder(V, Catalog);
  Finder.TraverseStmt(F->getBody());
  return Finder.Written ? nullptr : V->getInit();
}

const Expr *limitSource(const Expr *Limit) {
  for (unsigned Depth = 0; Limit && Depth < 4; ++Depth) {
    Limit = Limit->IgnoreParenImpCasts();
    const Expr *Init = unchangedInit(referencedVar(Limit));
    if (!Init)
      break;
    Limit = Init;
  }
  return Limit ? Limit->IgnoreParenImpCasts() : nullptr;
}

bool mayChangeIn(const Decl *Scope, const ValueDecl *Object,
                 const RuleCatalog *Catalog) {
  if (!Scope || !Object)
    return false;
  WriteFinder Finder(Object, Catalog);
  Finder.TraverseDecl(const_cast<Decl *>(Scope));
  return Finder.Written;
}

void changedMembersIn(const Decl *Scope, const RuleCatalog *Catalog,
                      llvm::SmallPtrSet<const FieldDecl *, 8> &Fields,
                      llvm::StringSet<> &DependentNames) {
  if (!Scope)
    return;
  WriteFinder Finder(nullptr, Catalog);
  Finder.Fields = &Fields;
  Finder.DependentNames = &DependentNames;
  Finder.TraverseDecl(const_cast<Decl *>(Scope));
}

const Expr *rangeSource(const Expr *Range, const RuleCatalog &Catalog) {
  for (unsigned Depth = 0; Range && Depth < 4; ++Depth) {
    Range = Range->IgnoreParenImpCasts();
    const Expr *Init = unchangedInit(referencedVar(Range), &Catalog);
    if (!Init)
      break;
    Range = Init;
  }
  return Range ? Range->IgnoreParenImpCasts() : nullptr;
}

} // namespace corolint
