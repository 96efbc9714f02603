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

/// Whether a word of Name is an entry of the word section S
/// (`addressee_words`, `ordered_words`), or ends with an `ordered_words`
/// entry marked `suffix` (`websocket`, `ostream`, `filestream`).
bool hasWord(llvm::StringRef Name, Section S, const RuleCatalog &Catalog) {
  for (const std::string &W : wordsOf(Name)) {
    if (Catalog.lookup(S, W))
      return true;
    for (const auto &Entry : Catalog.entries(S))
      if (Entry.getValue().attribute("suffix") == "true" &&
          llvm::StringRef(W).ends_with(Entry.getKey()))
        return true;
  }
  return false;
}

CallOrder orderOf(const CXXRecordDecl *RD, const RuleCatalog &Catalog,
                  unsigned Depth) {
  if (!RD || Depth > 4)
    return CallOrder::Unknown;
  if (const RuleEntry *R = Catalog.lookup(Section::RequestServices, RD))
    return R->Kind == "concurrent" ? CallOrder::Concurrent : CallOrder::Ordered;
  if (defuse::isStandardName(qualifiedName(RD)))
    return CallOrder::Ordered;
  if (RD->getIdentifier() &&
      hasWord(RD->getName(), Section::OrderedWords, Catalog))
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

bool namesAddressee(const ParmVarDecl &P, const RuleCatalog &Catalog) {
  const Section Words = Section::AddresseeWords;
  if (P.getIdentifier() && hasWord(P.getName(), Words, Catalog))
    return true;
  QualType T = P.getType().getNonReferenceType().getUnqualifiedType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getIdentifier() && hasWord(RD->getName(), Words, Catalog);
  if (const auto *TD = T->getAs<TypedefType>())
    return hasWord(TD->getDecl()->getName(), Words, Catalog);
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
    if (namesAddressee(*Parm, DU.catalog()))
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
