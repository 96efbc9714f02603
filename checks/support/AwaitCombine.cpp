#include "support/AwaitCombine.h"
#include "support/CoroutineModel.h"
#include "support/FixIts.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether T is a specialisation of std::tuple.
bool isTuple(QualType T) {
  const auto *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  return R && isa<ClassTemplateSpecializationDecl>(R) &&
         qualifiedName(R) == "std::tuple";
}

/// The template arguments of T after the first (`Executor` of
/// `asio::awaitable<T, Executor>`), spelled canonically: operands of one
/// combinator must agree on them.
std::string trailingArguments(QualType T, const ASTContext &Ctx) {
  const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!S)
    return {};
  std::string Text;
  PrintingPolicy Policy(Ctx.getLangOpts());
  const TemplateArgumentList &Args = S->getTemplateArgs();
  for (unsigned I = 1; I < Args.size(); ++I) {
    llvm::raw_string_ostream OS(Text);
    Args[I].print(Policy, OS, /*IncludeType=*/true);
    OS << ",";
  }
  return Text;
}

/// Variables named as the whole operand of a return / co_return: a
/// variable there is moved, a structured binding copied.
class ReturnedByName : public RecursiveASTVisitor<ReturnedByName> {
public:
  bool VisitReturnStmt(ReturnStmt *S) {
    note(S->getRetValue());
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    note(S->getOperand());
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  llvm::SmallPtrSet<const VarDecl *, 4> Vars;

private:
  void note(const Expr *E) {
    if (!E)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Vars.insert(V);
  }
};

/// Whether the text between two statements is only white space (a comment
/// there would be lost by the rewrite).
bool onlySpaceBetween(const Stmt *A, const Stmt *B, const SourceManager &SM,
                      const LangOptions &LO) {
  SourceLocation From = Lexer::getLocForEndOfToken(A->getEndLoc(), 0, SM, LO);
  if (From.isInvalid())
    return false;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getCharRange(From, B->getBeginLoc()), SM, LO, &Invalid);
  return !Invalid && Text.trim().empty();
}

} // namespace

std::vector<FixItHint>
combineAwaitsFix(llvm::ArrayRef<AwaitedDeclaration> Group,
                 const CompoundStmt &Block, const FunctionDecl &F,
                 const RuleCatalog &Catalog, ASTContext &Ctx,
                 IncludeInsertions &Includes, std::string *Why) {
  auto Fail = [&](const char *Reason) {
    if (Why)
      *Why = Reason;
    return std::vector<FixItHint>();
  };
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (Group.size() < 2)
    return Fail("fewer than two operations");
  const RuleEntry *Idiom = coroutineIdioms(F, Catalog);
  if (!Idiom || Idiom->attribute("all").empty())
    return Fail("the coroutine's library has no combinator idiom");
  // A type reached through a namespace alias (boost::asio for asio) is of a
  // library spelled differently from the template.
  std::string Spelled = typeName(F.getReturnType());
  if (llvm::StringRef(Spelled).split("::").first !=
      llvm::StringRef(Idiom->Name).split("::").first)
    return Fail("the library is spelled through a namespace alias");

  // The declarations: adjacent statements of Block, nothing between them.
  std::vector<const Stmt *> Body(Block.body_begin(), Block.body_end());
  auto Position = [&](const Stmt *S) {
    return std::find(Body.begin(), Body.end(), S) - Body.begin();
  };
  for (std::size_t I = 1; I < Group.size(); ++I) {
    if (Position(Group[I].Decl) != Position(Group[I - 1].Decl) + 1)
      return Fail("other statements lie between the operations");
    if (!onlySpaceBetween(Group[I - 1].Decl, Group[I].Decl, SM, LO))
      return Fail("comments lie between the operations");
  }

  ReturnedByName Returned;
  Returned.TraverseStmt(F.getBody());

  std::vector<std::string> Names, Operands;
  std::string Arguments;
  std::optional<bool> Const;
  for (const AwaitedDeclaration &D : Group) {
    if (!D.Decl->isSingleDecl() || D.Decl->getBeginLoc().isMacroID() ||
        D.Decl->getEndLoc().isMacroID())
      return Fail("a declaration is written by a macro");
    const auto *V = dyn_cast<VarDecl>(D.Decl->getSingleDecl());
    if (!V || V->hasAttrs() || V->isConstexpr() || !V->getIdentifier())
      return Fail("a declaration is not a plain variable");
    QualType VT = V->getType();
    if (VT->isReferenceType() || VT.isVolatileQualified() ||
        VT->isDependentType())
      return Fail("a variable is a reference");
    bool IsConst = VT.isConstQualified();
    if (Const && *Const != IsConst)
      return Fail("the variables differ in const-ness");
    Const = IsConst;
    // The combinators give each result as a value of its own type.
    QualType Result = D.Await->getType();
    if (Result->isDependentType() || Result->isVoidType() || isTuple(Result))
      return Fail("a result is a tuple");
    if (!Ctx.hasSameUnqualifiedType(VT, Result.getNonReferenceType()))
      return Fail("a variable's type is not its operation's result");
    if (Returned.Vars.count(V) && !VT.isTriviallyCopyableType(Ctx))
      return Fail("a variable is returned by name");
    const Expr *Operand = awaitedOperand(D.Await);
    if (!Operand || Operand->getBeginLoc().isMacroID() ||
        Operand->getEndLoc().isMacroID())
      return Fail("an operand is written by a macro");
    // The combinator takes awaitables of its own library, of one executor.
    if (typeIdioms(Operand->getType(), Catalog) != Idiom)
      return Fail("an operand is not an awaitable of the library");
    std::string Args = trailingArguments(Operand->getType(), Ctx);
    if (&D != &Group.front() && Args != Arguments)
      return Fail("the operands run on different executors");
    Arguments = Args;
    std::optional<std::string> Text =
        writtenText(Operand->getSourceRange(), Ctx);
    if (!Text)
      return Fail("an operand cannot be read");
    Names.push_back(V->getName().str());
    // A call or a name binds tighter than any operator a template joins
    // with; anything else is parenthesised.
    bool Postfix = isa<CallExpr, DeclRefExpr, MemberExpr, ParenExpr>(
        Operand->IgnoreImplicit());
    Operands.push_back(Postfix ? *Text : "(" + *Text + ")");
  }

  TemplateValues Values;
  Values.Lists["operations"] = Operands;
  std::optional<std::string> Awaited =
      renderTemplate(Idiom->attribute("all"), Values);
  if (!Awaited)
    return Fail("the combinator idiom cannot be rendered");
  std::string Text = *Const ? "const auto [" : "auto [";
  Text += llvm::join(Names, ", ") + "] = " + *Awaited + ";";

  const Stmt *First = Group.front().Decl, *Last = Group.back().Decl;
  if (std::optional<std::string> Using =
          usingDirectiveLine(*Idiom, First, F, Ctx))
    Text = *Using + Text;
  std::vector<FixItHint> Hints;
  Hints.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(First->getBeginLoc(), Last->getEndLoc()),
      Text));
  for (FixItHint &Include :
       Includes.insert(idiomHeaders(*Idiom, "all"), First->getBeginLoc(), Ctx))
    Hints.push_back(std::move(Include));
  return Hints;
}

} // namespace corolint
