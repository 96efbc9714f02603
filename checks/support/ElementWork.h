#ifndef COROLINT_SUPPORT_ELEMENTWORK_H
#define COROLINT_SUPPORT_ELEMENTWORK_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// Whether RD (or a base) has `begin` or `size`: a container or a view.
bool isContainerLike(const clang::CXXRecordDecl *RD, unsigned Depth = 0);

/// The `element_work` entry of kind `container` for RD or a base of it.
const RuleEntry *containerEntry(const clang::CXXRecordDecl *RD,
                                const RuleCatalog &Catalog, unsigned Depth = 0);

/// The element type of a container type: its first template argument
/// (`std::vector<T>`, `std::deque<T>`), or null.
clang::QualType containerElementType(clang::QualType T);

/// Whether adding an element to a container of type Container (or
/// pointed to by it) allocates nothing per element: a catalogued container
/// with `grows_in_blocks` (a vector, deque, string) of a scalar type
/// (numbers, pointers, enums): amortised like a read.
bool cheapInsertion(clang::QualType Container, const RuleCatalog &Catalog);

/// Whether the catalog says a call to F costs about the same whatever the
/// data (element_work kind `constant_time`, by name or by a name pattern:
/// a lock-free queue's enqueue): the loops of its body do not count.
bool isConstantTime(const clang::FunctionDecl *F, const RuleCatalog &Catalog);

/// A call that runs a callable once per element of a range: a catalogued
/// algorithm (`element_work` entries of kind `algorithm`: std::transform,
/// std::for_each, boost::range::transform...) or a user function whose
/// visible body calls its callable parameter inside a loop
/// (`batch.for_each_record([&](record r) {...})`).
struct ElementCall {
  const clang::Expr *Call = nullptr;
  std::string Name;                  ///< the callee, as users write it
  const clang::Expr *Range = nullptr; ///< the range (or first iterator)
  /// The callable's body and declaration (a lambda's call operator), if
  /// it is a lambda written at the call.
  const clang::CXXMethodDecl *Callable = nullptr;
  /// An argument that inserts into a container per element
  /// (`std::back_inserter(out)`), or null.
  const clang::Expr *Inserter = nullptr;
};

/// Call as an ElementCall, if it is one.
std::optional<ElementCall> elementCall(const clang::Expr *Call,
                                       const RuleCatalog &Catalog,
                                       const NameList &Ignored);

/// Work that builds something per element: what makes even a single
/// awaitless pass over a large range stall a reactor with a tight task
/// quota (seastar: 0.5 ms).
struct BuildSite {
  enum Kind {
    Allocates,  ///< `new`
    Inserts,    ///< a catalogued container's insertion (`push_back`,
                ///< map `operator[]`), or an inserter argument
    Streams,    ///< `os << x` on a stream or builder object
    Constructs, ///< constructs a container, or an owning object from values
    Produces,   ///< a call returning a new owning object by value
  } K = Allocates;
  const clang::Stmt *Where = nullptr;
  std::string What; ///< the container, type or function
};

/// One step of the chain to a BuildSite: the helper calls through which it
/// is reached (Callee set), then the site itself (Callee null).
struct BuildStep {
  const clang::Stmt *Where = nullptr;
  const clang::FunctionDecl *Caller = nullptr; ///< null: the analysed code
  const clang::FunctionDecl *Callee = nullptr;
  std::optional<BuildSite> Site;
};

/// Finds building work in code, following user helpers (isUserHelper) up
/// to a depth and the callables of element calls. Summaries are cached per
/// function for a translation unit.
class BuildFinder {
public:
  BuildFinder(const RuleCatalog &Catalog, const NameList &Ignored,
              unsigned HelperDepth)
      : Catalog(Catalog), Ignored(Ignored), HelperDepth(HelperDepth) {}

  /// The chain to the first building site in S (not entering nested
  /// lambdas other than immediately called ones and element calls'
  /// callables); empty when S builds nothing.
  std::vector<BuildStep> find(const clang::Stmt *S);

  /// What a single node builds, without looking inside it.
  std::optional<BuildSite> classify(const clang::Stmt *S) const;

  void clear() { Summaries.clear(); }

private:
  friend class BuildVisitor;
  std::vector<BuildStep> findIn(const clang::Stmt *S,
                                const clang::FunctionDecl *Fn,
                                unsigned Depth);
  const std::vector<BuildStep> *summary(const clang::FunctionDecl *F,
                                        unsigned Depth);

  const RuleCatalog &Catalog;
  const NameList &Ignored;
  unsigned HelperDepth;
  struct Summary {
    bool Computing = false;
    std::vector<BuildStep> Chain;
  };
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Summaries;
};

} // namespace corolint

#endif
