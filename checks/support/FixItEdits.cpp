#include "support/FixIts.h"
#include "support/LoopBounds.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

// Fix-it edit construction (see FixIts.h): where a statement stands and
// ends, written text, indentation, include insertions, a statement put
// first in a loop body. The choice and rendering of the replacement text
// is in FixIts.cpp.

using namespace clang;

namespace corolint {

bool isWrittenText(SourceRange Range, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return false;
  return SM.getFileID(Range.getBegin()) == SM.getFileID(Range.getEnd());
}

std::optional<std::string> writtenText(SourceRange Range,
                                       const ASTContext &Ctx) {
  if (!isWrittenText(Range, Ctx))
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                           Ctx.getSourceManager(), Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

namespace {

/// Whether Child, a child of Parent, stands where a statement does (not
/// inside an expression, a condition or a `for` header).
bool statementPosition(const Stmt *Parent, const Stmt *Child) {
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *W = dyn_cast<WhileStmt>(Parent))
    return Child == W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(Parent))
    return Child == D->getBody();
  if (const auto *F = dyn_cast<ForStmt>(Parent))
    return Child == F->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Parent))
    return Child == R->getBody();
  if (const auto *L = dyn_cast<LabelStmt>(Parent))
    return Child == L->getSubStmt();
  if (const auto *S = dyn_cast<SwitchCase>(Parent))
    return Child == S->getSubStmt();
  return false;
}

bool findPlace(const Stmt *S, const Stmt *E, bool InHandler,
               StatementPlace &Place) {
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    if (isa<LambdaExpr>(Child) || isa<BlockExpr>(Child))
      continue; // another function's body
    const auto *X = dyn_cast<Expr>(Child);
    if (Child == E || (X && X->IgnoreImplicit() == E)) {
      Place.Found = true;
      Place.WholeStatement = statementPosition(S, Child);
      Place.InHandler = InHandler;
      return true;
    }
    if (findPlace(Child, E, InHandler || isa<CXXCatchStmt>(Child), Place))
      return true;
  }
  return false;
}

} // namespace

StatementPlace placeOf(const Stmt *E, const Stmt *Root) {
  StatementPlace Place;
  if (const auto *X = dyn_cast_or_null<Expr>(E))
    E = X->IgnoreImplicit();
  if (E && Root)
    findPlace(Root, E, false, Place);
  return Place;
}

static bool namesHeader(llvm::StringRef Path, llvm::StringRef Header) {
  return Path == Header || (Path.ends_with(Header) &&
                            Path.drop_back(Header.size()).ends_with("/"));
}

static bool alreadyIncluded(llvm::StringRef Header, const SourceManager &SM) {
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    if (namesHeader(It->first.getName(), Header))
      return true;
  // The headers of a precompiled preamble (clangd's) are loaded entries
  // whose files the source manager has not opened yet: the same fix as
  // under clang-tidy, without the includes the preamble already has.
  for (unsigned I = 0, N = SM.loaded_sloc_entry_size(); I < N; ++I) {
    bool Invalid = false;
    const SrcMgr::SLocEntry &E = SM.getLoadedSLocEntry(I, &Invalid);
    if (Invalid || !E.isFile())
      continue;
    if (OptionalFileEntryRef F = E.getFile().getContentCache().OrigEntry)
      if (namesHeader(F->getName(), Header))
        return true;
  }
  return false;
}

std::vector<FixItHint> IncludeInsertions::insert(llvm::StringRef Headers,
                                                 SourceLocation At,
                                                 const ASTContext &Ctx) {
  std::vector<FixItHint> Fixes;
  const SourceManager &SM = Ctx.getSourceManager();
  if (At.isInvalid())
    return Fixes;
  FileID File = SM.getFileID(SM.getFileLoc(At));
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return Fixes;
  // After the last `#include` line.
  std::size_t Offset = 0;
  for (std::size_t Line = 0; Line < Text.size();) {
    std::size_t End = Text.find('\n', Line);
    std::size_t Next = End == llvm::StringRef::npos ? Text.size() : End + 1;
    llvm::StringRef L = Text.slice(Line, Next).ltrim();
    if (L.consume_front("#") && L.ltrim().starts_with("include"))
      Offset = Next;
    Line = Next;
  }
  SourceLocation Where = SM.getLocForStartOfFile(File).getLocWithOffset(Offset);
  bool NeedsNewline = Offset == Text.size() && !Text.empty() &&
                      !Text.ends_with("\n");
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Headers.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef H : Items) {
    H = H.trim();
    if (H.empty() || alreadyIncluded(H, SM) ||
        !Done.insert({File.getHashValue(), H.str()}).second)
      continue;
    Fixes.push_back(FixItHint::CreateInsertion(
        Where, (NeedsNewline ? "\n#include <" : "#include <") + H.str() + ">\n"));
    NeedsNewline = false;
  }
  return Fixes;
}

std::string indentOf(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return {};
  std::size_t Start = Text.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  Start = Start == llvm::StringRef::npos || Offset == 0 ? 0 : Start + 1;
  llvm::StringRef Line = Text.substr(Start);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

/// Whether S's source range stops before the `;` that ends it (an
/// expression statement, `return x`, a do-while, a loop whose body is one),
/// rather than at a `}` or at the `;` itself (declarations, `;`).
static bool endsBeforeSemicolon(const Stmt *S) {
  while (S) {
    if (isa<CompoundStmt, DeclStmt, NullStmt, CXXTryStmt>(S))
      return false;
    if (const auto *If = dyn_cast<IfStmt>(S))
      S = If->getElse() ? If->getElse() : If->getThen();
    else if (isa<DoStmt>(S))
      return true;
    else if (const Stmt *Body = loopBody(S))
      S = Body;
    else if (const auto *Sw = dyn_cast<SwitchStmt>(S))
      S = Sw->getBody();
    else if (const auto *L = dyn_cast<LabelStmt>(S))
      S = L->getSubStmt();
    else if (const auto *C = dyn_cast<SwitchCase>(S))
      S = C->getSubStmt();
    else
      return true;
  }
  return false;
}

SourceLocation statementEnd(const Stmt *S, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (!S || !isWrittenText(S->getSourceRange(), Ctx))
    return {};
  if (!endsBeforeSemicolon(S))
    return Lexer::getLocForEndOfToken(S->getEndLoc(), 0, SM, LO);
  std::optional<Token> Next = Lexer::findNextToken(S->getEndLoc(), SM, LO);
  if (!Next || !Next->is(tok::semi) || Next->getLocation().isMacroID())
    return {};
  return Next->getEndLoc();
}

/// The location just after the token that ends the loop's header: the
/// `)` of while/for, the `do` keyword.
static SourceLocation headerEnd(const Stmt *Loop, const SourceManager &SM,
                                const LangOptions &LO) {
  SourceLocation Last;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Last = W->getRParenLoc();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Last = D->getDoLoc();
  else if (const auto *F = dyn_cast<ForStmt>(Loop))
    Last = F->getRParenLoc();
  else if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop))
    Last = R->getRParenLoc();
  if (Last.isInvalid() || Last.isMacroID())
    return {};
  return Lexer::getLocForEndOfToken(Last, 0, SM, LO);
}

std::vector<FixItHint> insertFirstInLoopBody(const Stmt *Loop,
                                             llvm::StringRef Statement,
                                             const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Stmt *Body = Loop ? loopBody(Loop) : nullptr;
  if (!Body || !isWrittenText(Loop->getSourceRange(), Ctx) ||
      !isWrittenText(Body->getSourceRange(), Ctx))
    return {};
  std::string LoopIndent = indentOf(Loop->getBeginLoc(), SM);
  if (const auto *Block = dyn_cast<CompoundStmt>(Body)) {
    SourceLocation Open = Block->getLBracLoc();
    if (Open.isMacroID())
      return {};
    SourceLocation After = Open.getLocWithOffset(1);
    unsigned OpenLine = SM.getSpellingLineNumber(Open);
    if (!Block->body_empty() &&
        SM.getSpellingLineNumber(Block->body_front()->getBeginLoc()) == OpenLine)
      return {FixItHint::CreateInsertion(After, " " + Statement.str())};
    std::string Indent = Block->body_empty()
                             ? LoopIndent + "  "
                             : indentOf(Block->body_front()->getBeginLoc(), SM);
    return {FixItHint::CreateInsertion(After, "\n" + Indent + Statement.str())};
  }
  // A single statement: braces around it, the new statement first.
  SourceLocation HeaderEnd = headerEnd(Loop, SM, LO);
  if (HeaderEnd.isInvalid())
    return {};
  SourceLocation BodyEnd = Body->getEndLoc();
  std::optional<Token> Next = Lexer::findNextToken(BodyEnd, SM, LO);
  if (endsBeforeSemicolon(Body)) {
    if (!Next || !Next->is(tok::semi))
      return {};
    BodyEnd = Next->getLocation();
  }
  SourceLocation AfterBody = Lexer::getLocForEndOfToken(BodyEnd, 0, SM, LO);
  if (AfterBody.isInvalid() || AfterBody.isMacroID())
    return {};
  bool SameLine = SM.getSpellingLineNumber(Body->getBeginLoc()) ==
                  SM.getSpellingLineNumber(Loop->getBeginLoc());
  if (SameLine)
    return {FixItHint::CreateInsertion(HeaderEnd, " {"),
            FixItHint::CreateInsertion(Body->getBeginLoc(),
                                       Statement.str() + " "),
            FixItHint::CreateInsertion(AfterBody, " }")};
  std::string BodyIndent = indentOf(Body->getBeginLoc(), SM);
  return {FixItHint::CreateInsertion(HeaderEnd, " {"),
          FixItHint::CreateInsertion(Body->getBeginLoc(),
                                     Statement.str() + "\n" + BodyIndent),
          FixItHint::CreateInsertion(AfterBody, "\n" + LoopIndent + "}")};
}

} // namespace corolint
