// Which types refer to other objects and which calls change the object they
// are called on: the type-level facts the def-use analysis (DefUse.cpp,
// DefUseEffects.cpp) builds on.
#include "support/DefUse.h"
#include "support/DefUseTypes.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace corolint {

using namespace defuse;

namespace defuse {

QualType plainType(QualType T) {
  if (T.isNull())
    return T;
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

QualType pointeeOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    return plainType(P->getPointeeType());
  return QualType();
}

bool isCharLike(QualType T) {
  if (T.isNull() || T->isDependentType() || T->isVoidType() ||
      T->isIncompleteType())
    return true;
  if (T->isCharType() || T->isSpecificBuiltinType(BuiltinType::UChar) ||
      T->isSpecificBuiltinType(BuiltinType::SChar))
    return true;
  if (const auto *E = T->getAs<EnumType>())
    return qualifiedName(E->getDecl()) == "std::byte";
  return false;
}

bool typesCompatible(QualType A, QualType B) {
  A = plainType(A);
  B = plainType(B);
  if (isCharLike(A) || isCharLike(B) || A == B)
    return true;
  const CXXRecordDecl *RA = A->getAsCXXRecordDecl();
  const CXXRecordDecl *RB = B->getAsCXXRecordDecl();
  if (RA && RB && RA->hasDefinition() && RB->hasDefinition())
    return RA->isDerivedFrom(RB) || RB->isDerivedFrom(RA);
  // A pointer or array member may hold what the other refers to.
  if (A->isPointerType() || B->isPointerType() || A->isArrayType() ||
      B->isArrayType())
    return true;
  return false;
}

/// Whether the catalogs' view_types name T (exactly, or by a pattern) with
/// one of Kinds.
static bool isViewType(QualType T, const RuleCatalog &Catalog,
                       std::initializer_list<llvm::StringRef> Kinds) {
  std::string Name = typeName(T);
  if (Name.empty())
    return false;
  auto Takes = [&](const RuleEntry &E) {
    return llvm::is_contained(Kinds, llvm::StringRef(E.Kind));
  };
  const RuleEntry *Exact = Catalog.lookup(Section::ViewTypes, Name);
  return (Exact && Takes(*Exact)) ||
         Catalog.lookupPattern(Section::ViewTypes, Name, Takes);
}

bool isPointerLikeClass(QualType T, const RuleCatalog &Catalog) {
  return isViewType(T, Catalog, {"pointer", "handle"});
}

/// Types whose values refer to other objects: copying one does not copy
/// what it refers to.
bool isAliasingType(QualType T, const RuleCatalog &Catalog) {
  if (T.isNull())
    return false;
  if (T->isReferenceType() || T->isPointerType() || T->isMemberPointerType() ||
      T->isDependentType())
    return true;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (R && R->isLambda())
    return true;
  return isViewType(T, Catalog, {"view", "pointer"});
}

bool isStandardName(llvm::StringRef Name) {
  return Name.starts_with("std::") || Name.starts_with("__gnu_cxx::") ||
         Name.starts_with("__cxxabiv1::");
}

/// Whether an argument is something that runs code when called: a lambda,
/// a function object, a function pointer or reference.
bool isCallable(const Expr *Arg) {
  QualType T = Arg->getType().getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isMemberFunctionPointerType() || T->isBlockPointerType())
    return true;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition())
    return false;
  if (R->isLambda())
    return true;
  for (const CXXMethodDecl *M : R->methods())
    if (M->getOverloadedOperator() == OO_Call)
      return true;
  for (const auto &B : R->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      if (BR->hasDefinition())
        for (const CXXMethodDecl *M : BR->methods())
          if (M->getOverloadedOperator() == OO_Call)
            return true;
  return false;
}

/// Whether calling M changes the object it is called on. Accessors that
/// are non-const only to hand out mutable access (the catalogs'
/// `accessors`: begin(), find(), front(); operator[] of a standard
/// sequence) do not: a write through what they return is a write to the
/// path it belongs to.
const RuleEntry *accessorEntry(const CXXMethodDecl *M,
                              const RuleCatalog &Catalog) {
  if (!M || !M->getIdentifier())
    return nullptr;
  if (const RuleEntry *E = Catalog.lookup(Section::Accessors, M))
    return E; // a qualified entry: any class
  if (!isStandardName(qualifiedName(M->getParent())))
    return nullptr;
  return Catalog.lookup(Section::Accessors, M->getName());
}

bool mutatesObject(const CXXMethodDecl *M, const RuleCatalog &Catalog) {
  if (!M || M->isStatic())
    return false;
  if (M->isConst())
    return false;
  if (accessorEntry(M, Catalog))
    return false;
  std::string Class = qualifiedName(M->getParent());
  if (!isStandardName(Class))
    return true;
  if (M->getOverloadedOperator() == OO_Subscript)
    return llvm::StringRef(Class).contains("map");
  if (M->getOverloadedOperator() == OO_Star ||
      M->getOverloadedOperator() == OO_Arrow)
    return false;
  return true;
}

} // namespace defuse

bool isWritableHandle(QualType T, QualType &Pointee,
                      const RuleCatalog &Catalog) {
  Pointee = QualType();
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R)
    return false;
  QualType First;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    if (Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      First = Spec->getTemplateArgs()[0].getAsType();
  std::string Name = typeName(T);
  llvm::StringRef N(Name);
  // The catalogs' view_types say what a view lets its holder write.
  const RuleEntry *View = Catalog.lookup(Section::ViewTypes, N);
  llvm::StringRef Writes = View ? View->attribute("writes") : "";
  if (Writes == "element") {
    if (First.isNull() || First.isConstQualified())
      return false;
    Pointee = plainType(First);
    return true;
  }
  if (Writes == "bytes") {
    Pointee = QualType(); // raw bytes
    return true;
  }
  if (N.contains_insensitive("iterator"))
    return !N.contains_insensitive("const");
  if (isViewType(T, Catalog, {"pointer"}) && !N.contains_insensitive("const")) {
    if (!First.isNull()) {
      if (First.isConstQualified())
        return false;
      Pointee = plainType(First);
    }
    return true;
  }
  return false;
}

bool isReferringType(QualType T, const RuleCatalog &Catalog) {
  return isAliasingType(T, Catalog);
}

bool isCallableArgument(const Expr *Arg) { return isCallable(Arg); }

} // namespace corolint
