#include "support/RequestTargets.h"
#include "support/DefUse.h"
#include "support/DefUseTypes.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {

namespace {

/// The words of an identifier, lower-cased: `host_id` and `hostId` are
/// {host, id}; digits separate words.
llvm::SmallVector<std::string, 4> wordsOf(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 4> Words;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty())
      Words.push_back(Cur);
    Cur.clear();
  };
  for (std::size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlpha(C)) {
      Flush();
      continue;
    }
    bool Upper = llvm::isUpper(C);
    // A new word at a lower-to-upper step, or at the last capital of a run
    // followed by a lower-case letter (`HTTPClient` is {http, client}).
    if (Upper && !Cur.empty() &&
        (!llvm::isUpper(Name[I - 1]) ||
         (I + 1 < Name.size() && llvm::isLower(Name[I + 1]))))
      Flush();
    Cur += llvm::toLower(C);
  }
  Flush();
  return Words;
}

bool hasWord(llvm::StringRef Name, llvm::ArrayRef<llvm::StringRef> List) {
  for (const std::string &W : wordsOf(Name))
    if (llvm::is_contained(List, W))
      return true;
  return false;
}

/// Words that also count as the end of a longer word (`websocket`,
/// `ostream`, `filestream`).
constexpr llvm::StringRef OrderedSuffixes[] = {"stream", "socket", "pipe",
                                               "queue", "writer", "reader"};

bool hasOrderedSuffix(llvm::StringRef Name) {
  for (const std::string &W : wordsOf(Name))
    for (llvm::StringRef S : OrderedSuffixes)
      if (llvm::StringRef(W).ends_with(S))
        return true;
  return false;
}

// Words naming where a request goes, or the record it acts on.
constexpr llvm::StringRef AddresseeWords[] = {
    "id",      "uuid",     "ep",     "endpoint", "addr",   "address",
    "host",    "node",     "peer",   "dest",     "dst",    "destination",
    "target",  "recipient", "to",    "key",      "shard",  "replica",
    "server",  "member",   "path",   "url",      "uri",
};

// Words of a type whose calls are kept in order by the object itself.
constexpr llvm::StringRef OrderedWords[] = {
    "stream",  "socket",  "sock",    "file",     "fd",       "channel",
    "chan",    "queue",   "pipe",    "connection", "conn",   "writer",
    "reader",  "sink",    "source",  "cursor",   "iterator", "builder",
    "batch",   "buffer",  "session", "transaction", "txn",   "tx",
    "log",     "journal", "wal",     "serializer", "encoder", "decoder",
    "parser",  "stdout",  "terminal", "console",
};

CallOrder orderOf(const CXXRecordDecl *RD, const RuleCatalog &Catalog,
                  unsigned Depth) {
  if (!RD || Depth > 4)
    return CallOrder::Unknown;
  if (const RuleEntry *R = Catalog.lookup(Section::RequestServices, RD))
    return R->Kind == "concurrent" ? CallOrder::Concurrent : CallOrder::Ordered;
  if (defuse::isStandardName(qualifiedName(RD)))
    return CallOrder::Ordered;
  if (RD->getIdentifier() && (hasWord(RD->getName(), OrderedWords) ||
                              hasOrderedSuffix(RD->getName())))
    return CallOrder::Ordered;
  if (!RD->hasDefinition())
    return CallOrder::Unknown;
  CallOrder Found = CallOrder::Unknown;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases()) {
    CallOrder O = orderOf(B.getType()->getAsCXXRecordDecl(), Catalog, Depth + 1);
    if (O == CallOrder::Ordered)
      return O;
    if (O == CallOrder::Concurrent)
      Found = O;
  }
  return Found;
}

} // namespace

bool namesAddressee(const ParmVarDecl &P) {
  if (P.getIdentifier() && hasWord(P.getName(), AddresseeWords))
    return true;
  QualType T = P.getType().getNonReferenceType().getUnqualifiedType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getIdentifier() && hasWord(RD->getName(), AddresseeWords);
  if (const auto *TD = T->getAs<TypedefType>())
    return hasWord(TD->getDecl()->getName(), AddresseeWords);
  return false;
}

CallOrder callOrder(QualType T, const RuleCatalog &Catalog) {
  if (T.isNull())
    return CallOrder::Unknown;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return T->isRecordType() ? CallOrder::Unknown : CallOrder::Ordered;
  return orderOf(RD, Catalog, 0);
}

bool addressedRequest(const CallExpr &Call, const FunctionDecl &FD,
                      const DefUse &DU,
                      llvm::function_ref<bool(const ObjectRef &)> PerIter,
                      llvm::SmallVectorImpl<ObjectRef> &Services) {
  bool ElementArgument = false, Addressee = false;
  unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  for (unsigned I = First; I < Call.getNumArgs(); ++I) {
    unsigned P = I - First;
    if (P >= FD.getNumParams())
      break;
    const ParmVarDecl *Parm = FD.getParamDecl(P);
    QualType T = Parm->getType();
    bool ByValue = !T->isReferenceType() && !T->isPointerType();
    bool ByConstRef = T->isReferenceType() &&
                      T.getNonReferenceType().isConstQualified();
    if (!ByValue && !ByConstRef)
      continue;
    auto O = DU.objectOf(ignoreValuePreserving(Call.getArg(I)));
    if (!O || !PerIter(*O))
      continue;
    ElementArgument = true;
    if (namesAddressee(*Parm))
      Addressee = true;
  }
  if (!ElementArgument)
    return false;
  Effects Op = DU.effects(&Call, {&Call});
  if (Op.Opaque || Op.Transfer)
    return false;
  bool Concurrent = false;
  for (const Access &A : Op.Accesses) {
    if (!A.Write || PerIter(A.Obj))
      continue;
    // The coroutine's own object, or one the analysis cannot name.
    if (A.Obj.K == ObjectRef::This || !A.Obj.D)
      return false;
    CallOrder Order = callOrder(A.Obj.Type, DU.catalog());
    if (Order == CallOrder::Ordered)
      return false;
    if (Order == CallOrder::Concurrent)
      Concurrent = true;
    else if (!Addressee)
      return false;
    Services.push_back(A.Obj);
  }
  return Addressee || Concurrent;
}

} // namespace corolint
