#ifndef COROLINT_SUPPORT_DEFUSE_H
#define COROLINT_SUPPORT_DEFUSE_H

#include "support/RuleCatalog.h"
#include "support/ValueOf.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace corolint {

/// An object that code reads or writes, as the def-use analysis names it.
struct ObjectRef {
  enum Kind : unsigned char {
    Variable, ///< a variable: local, parameter, global or static member (D)
    Field,    ///< a data member of *this (D is the FieldDecl)
    This,     ///< *this as a whole (a call of a member function on this)
  } K = Variable;
  /// The variable or field the expression is rooted at, as written (a
  /// structured binding is its DecompositionDecl). Null for This.
  const clang::ValueDecl *D = nullptr;
  /// Reached through a pointer, a reference or a smart pointer: the object is
  /// not D itself but one D refers to.
  bool Indirect = false;
  /// The type of the object reached (the pointee for Indirect), without
  /// references and qualifiers.
  clang::QualType Type;
};

struct Access {
  ObjectRef Obj;
  bool Write = false;
  const clang::Stmt *Where = nullptr;
};

/// What a statement or expression does, as far as it can be seen.
struct Effects {
  std::vector<Access> Accesses;
  /// The first construct whose effects cannot be seen: a call of a user
  /// function (which may read or write any state), a call through a pointer
  /// or function object, a dependent call in a template, a write to a
  /// location that is not a named object.
  const clang::Stmt *Opaque = nullptr;
  /// The first return, co_return, throw, break, continue, goto or call of
  /// a [[noreturn]] function.
  const clang::Stmt *Transfer = nullptr;
  /// The first co_await or co_yield.
  const clang::Stmt *Suspend = nullptr;

  void append(const Effects &Other);
};

/// Which objects code reads and writes, over one function body: the
/// reusable part of "does this statement depend on that one".
///
/// Objects are named by their root variable or member of *this; `a.b[i]`
/// is an access to `a`. Local pointers, references and views (std::span,
/// std::string_view, asio buffers) are merged with every object named in
/// their initializer or assigned to them, flow-insensitively, so an access
/// through them is an access to those objects. Accesses through parameters
/// of reference or pointer type, reference members and smart pointers are
/// "indirect": they may reach any non-local object of a compatible type.
///
/// Calls are judged by what can be seen of them: constructors, operators,
/// constexpr functions, const member functions and functions of the
/// standard library or a catalogued library (rules/*.json) act only through
/// their arguments and object (a non-const reference or pointer parameter,
/// or a non-const member function, writes it). So does a helper: a
/// non-member (or static member) function whose body is visible, that is
/// not a coroutine, does not throw, reads no mutable global and writes
/// only its locals and what its reference and pointer parameters refer to,
/// calling only such functions (three levels deep). Every other call is
/// opaque.
class DefUse {
public:
  DefUse(const clang::FunctionDecl &F, const clang::Stmt *Body,
         const clang::ASTContext &Ctx, const RuleCatalog &Catalog);

  /// The effects of evaluating S. Calls in Trusted are taken to act only
  /// through their arguments and object (whatever their callee) and their
  /// object counts as written, const member function or not: two
  /// operations on one object are ordered by that object.
  Effects effects(const clang::Stmt *S,
                  llvm::ArrayRef<const clang::Expr *> Trusted = {}) const;

  /// The object an lvalue expression designates, if it is a path from a
  /// named object (`x`, `x.a[i]`, `p->a`, `*p`, `this->m`, `v[i]` of a
  /// standard container, `sp->f` of a smart pointer); nullopt otherwise.
  std::optional<ObjectRef> objectOf(const clang::Expr *E) const;

  /// Whether two objects may be the same or overlap.
  bool mayAlias(const ObjectRef &A, const ObjectRef &B) const;

  /// Whether an object A accesses is one B also accesses, with at least one
  /// of the two accesses a write (a data, anti or output dependence).
  /// Opaque constructs are not considered: check Effects::Opaque.
  bool conflict(const Effects &A, const Effects &B) const;

  /// Whether O is a non-static local variable or value parameter of the
  /// analysed function, reached directly (not through a pointer or
  /// reference).
  bool isLocal(const ObjectRef &O) const;

  /// The merged class of a variable (see above), for clients that group
  /// objects; equal for variables that may share storage.
  const clang::Decl *representative(const ObjectRef &O) const;

  /// Whether a call is one the analysis sees through (see the class
  /// comment), as opposed to an opaque one.
  bool isTransparentCall(const clang::Expr *Call) const;

  /// Whether calls of F are seen through as pure (reads of its arguments
  /// and constants, writes only through its non-const reference or pointer
  /// parameters), as an analysed function's helper is: by F's body, or,
  /// when its body is not in view, by its summary (AnalysisStore::external).
  static bool isPure(const clang::FunctionDecl &F, const clang::ASTContext &Ctx,
                     const RuleCatalog &Catalog);

  const clang::ASTContext &context() const { return Ctx; }
  const RuleCatalog &catalog() const { return Catalog; }

  /// Whether helpers are pure, by function and depth below the analysed
  /// function (deeper helpers see less): kept for the translation unit in
  /// the AnalysisStore, per catalog.
  using HelperCache =
      llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool>;

private:
  friend class EffectsCollector;
  DefUse(const clang::FunctionDecl &F, const clang::Stmt *Body,
         const clang::ASTContext &Ctx, const RuleCatalog &Catalog,
         unsigned Depth, std::shared_ptr<HelperCache> Helpers);
  bool isPureHelper(const clang::FunctionDecl *FD) const;
  void mergeAliases(const clang::Stmt *Body);
  void merge(const clang::Decl *A, const clang::Decl *B);
  const clang::Decl *find(const clang::Decl *D) const;
  static const clang::Decl *key(const ObjectRef &O);

  const clang::FunctionDecl &F;
  const clang::ASTContext &Ctx;
  const RuleCatalog &Catalog;
  mutable llvm::DenseMap<const clang::Decl *, const clang::Decl *> Parent;
  /// Local references and pointers bound to *this or its members.
  llvm::SmallPtrSet<const clang::Decl *, 4> ThisAliases;
  /// 0 for the analysed function, n for a helper n calls below it.
  unsigned Depth = 0;
  std::shared_ptr<HelperCache> Helpers;
};

/// Whether values of type T refer to objects a callee may write through
/// them: smart pointers, mutable spans and buffers, non-const iterators
/// (raw pointers are judged by parameter type). Pointee is the type they
/// refer to when known.
bool isWritableHandle(clang::QualType T, clang::QualType &Pointee,
                      const RuleCatalog &Catalog);

/// Whether values of type T refer to other objects (references, pointers,
/// smart pointers, iterators, views): copying one does not copy what it
/// refers to.
bool isReferringType(clang::QualType T, const RuleCatalog &Catalog);

/// Whether an argument runs code when called: a lambda, a function object,
/// a function pointer or reference.
bool isCallableArgument(const clang::Expr *Arg);

} // namespace corolint

#endif
