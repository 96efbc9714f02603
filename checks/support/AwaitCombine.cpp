#include "support/AwaitCombine.h"
#include "support/CoroutineModel.h"
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
#include <functional>

using namespace clang;

namespace corolint {

namespace {

// ---- Until support/FixIts (wip/fixcheck) lands: idiom look-up, template
// rendering, include and using-directive insertion. ----

const RuleEntry *idiomFor(QualType T, const RuleCatalog &Catalog) {
  std::string Name = typeName(T);
  return Name.empty() ? nullptr : Catalog.lookup(Section::Idioms, Name);
}
const RuleEntry *idiomFor(const FunctionDecl &F, const RuleCatalog &Catalog) {
  return idiomFor(F.getReturnType(), Catalog);
}

/// `{awaits|SEP}`: the operands joined by SEP; `{{` and `}}` are literal
/// braces (the placeholder syntax of FixIts' renderTemplate). Empty when
/// the template has another placeholder or an unbalanced brace.
std::string renderAll(llvm::StringRef Template,
                      llvm::ArrayRef<std::string> Operands) {
  std::string Out;
  for (std::size_t I = 0; I < Template.size(); ++I) {
    char C = Template[I];
    if ((C == '{' || C == '}') && I + 1 < Template.size() &&
        Template[I + 1] == C) {
      Out += C;
      ++I;
      continue;
    }
    if (C == '}')
      return {};
    if (C != '{') {
      Out += C;
      continue;
    }
    std::size_t Close = Template.find('}', I);
    llvm::StringRef Spec = Template.slice(I + 1, Close);
    if (Close == llvm::StringRef::npos || !Spec.consume_front("awaits|"))
      return {};
    Out += llvm::join(Operands, Spec);
    I = Close;
  }
  return Out;
}

/// Whether a header named Header (as in `#include <Header>`) is part of
/// the translation unit.
bool isIncluded(llvm::StringRef Header, const SourceManager &SM) {
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::StringRef Name = It->first.getName();
    if (Name == Header || Name.ends_with(("/" + Header).str()))
      return true;
  }
  return false;
}

/// `#include <H>` for each of the idiom's `include` headers the TU lacks,
/// after the main file's last #include line.
std::vector<FixItHint> includeFixes(const RuleEntry &Idiom,
                                    const FunctionDecl &F, ASTContext &Ctx,
                                    llvm::StringSet<> &Inserted) {
  std::vector<FixItHint> Hints;
  const SourceManager &SM = Ctx.getSourceManager();
  FileID Main = SM.getMainFileID();
  llvm::StringRef Buffer = SM.getBufferData(Main);
  std::size_t At = 0;
  for (std::size_t Pos = 0; Pos < Buffer.size();) {
    std::size_t End = Buffer.find('\n', Pos);
    if (End == llvm::StringRef::npos)
      End = Buffer.size();
    if (Buffer.slice(Pos, End).ltrim().starts_with("#include"))
      At = End + 1 <= Buffer.size() ? End + 1 : End;
    Pos = End + 1;
  }
  llvm::SmallVector<llvm::StringRef, 4> Headers;
  Idiom.attribute("all_include").split(Headers, ';', -1, false);
  for (llvm::StringRef H : Headers) {
    H = H.trim();
    if (H.empty() || isIncluded(H, SM) || !Inserted.insert(H).second)
      continue;
    Hints.push_back(FixItHint::CreateInsertion(
        SM.getLocForStartOfFile(Main).getLocWithOffset(At),
        ("#include <" + H + ">\n").str()));
  }
  return Hints;
}

/// Whether a using-directive for namespace Name is in force in F before S:
/// at namespace scope around F, or among the statements of F's body.
bool usingInForce(llvm::StringRef Name, const Stmt *S, const FunctionDecl &F,
                  const SourceManager &SM) {
  auto Names = [&](const UsingDirectiveDecl *U) {
    const NamespaceDecl *N = U->getNominatedNamespace();
    return N && qualifiedName(N) == Name &&
           SM.isBeforeInTranslationUnit(U->getBeginLoc(), S->getBeginLoc());
  };
  for (const DeclContext *DC = F.getDeclContext(); DC; DC = DC->getParent())
    for (const Decl *D : DC->decls())
      if (const auto *U = dyn_cast<UsingDirectiveDecl>(D))
        if (Names(U))
          return true;
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    std::function<bool(const UsingDirectiveDecl *)> Pred;
    bool Found = false;
    bool VisitUsingDirectiveDecl(UsingDirectiveDecl *U) {
      Found = Found || Pred(U);
      return true;
    }
  } Find;
  Find.Pred = Names;
  Find.TraverseStmt(F.getBody());
  return Find.Found;
}

/// The idiom's `using` directive to write before S (on its own line, same
/// indentation) when it is not in force there; empty when it is.
std::string usingDirectivePrefix(const RuleEntry &Idiom, const Stmt *S,
                                 const FunctionDecl &F, ASTContext &Ctx) {
  llvm::StringRef Using = Idiom.attribute("using").trim();
  llvm::StringRef Name = Using;
  if (Using.empty() || !Name.consume_front("using namespace "))
    return {};
  Name = Name.trim().rtrim(';').trim();
  const SourceManager &SM = Ctx.getSourceManager();
  if (usingInForce(Name, S, F, SM))
    return {};
  unsigned Column = SM.getSpellingColumnNumber(S->getBeginLoc());
  std::string Text = Using.str();
  if (!Text.empty() && Text.back() != ';')
    Text += ";";
  Text += "\n" + std::string(Column > 0 ? Column - 1 : 0, ' ');
  return Text;
}

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
                 llvm::StringSet<> &Inserted, std::string *Why) {
  auto Fail = [&](const char *Reason) {
    if (Why)
      *Why = Reason;
    return std::vector<FixItHint>();
  };
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (Group.size() < 2)
    return Fail("fewer than two operations");
  const RuleEntry *Idiom = idiomFor(F, Catalog);
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
    if (idiomFor(Operand->getType(), Catalog) != Idiom)
      return Fail("an operand is not an awaitable of the library");
    std::string Args = trailingArguments(Operand->getType(), Ctx);
    if (&D != &Group.front() && Args != Arguments)
      return Fail("the operands run on different executors");
    Arguments = Args;
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Operand->getSourceRange()), SM, LO);
    if (Text.empty())
      return Fail("an operand cannot be read");
    Names.push_back(V->getName().str());
    // A call or a name binds tighter than any operator a template joins
    // with; anything else is parenthesised.
    bool Postfix = isa<CallExpr, DeclRefExpr, MemberExpr, ParenExpr>(
        Operand->IgnoreImplicit());
    Operands.push_back(Postfix ? Text.str() : "(" + Text.str() + ")");
  }

  std::string Awaited = renderAll(Idiom->attribute("all"), Operands);
  if (Awaited.empty())
    return Fail("the combinator idiom cannot be rendered");
  std::string Text = *Const ? "const auto [" : "auto [";
  Text += llvm::join(Names, ", ") + "] = " + Awaited + ";";

  const Stmt *First = Group.front().Decl, *Last = Group.back().Decl;
  Text = usingDirectivePrefix(*Idiom, First, F, Ctx) + Text;
  std::vector<FixItHint> Hints;
  Hints.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(First->getBeginLoc(), Last->getEndLoc()),
      Text));
  for (FixItHint &Include : includeFixes(*Idiom, F, Ctx, Inserted))
    Hints.push_back(std::move(Include));
  return Hints;
}

} // namespace corolint
