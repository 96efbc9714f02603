#ifndef COROLINT_SUPPORT_QUALIFIEDNAME_H
#define COROLINT_SUPPORT_QUALIFIEDNAME_H

#include <string>

namespace clang {
class Expr;
class FunctionDecl;
class NamedDecl;
class QualType;
} // namespace clang

namespace corolint {

/// The name catalogs use for D: fully qualified, without template
/// arguments, inline namespaces (std::__cxx11, std::__1) or anonymous
/// namespaces. Constructors are "Class::Class".
std::string qualifiedName(const clang::NamedDecl *D);

/// The function a call-like expression runs: the callee of a call, member
/// or operator call, or the constructor of a construction (including
/// temporaries and `new`). Null when it cannot be known (dependent code,
/// calls through pointers).
const clang::FunctionDecl *calleeOf(const clang::Expr *E);

/// The qualified name of E's callee. In templates, an unresolved call whose
/// candidates all share one qualified name (`asio::read(s, b)` with a
/// dependent `s`) still has a name. Empty when unknown.
std::string calleeName(const clang::Expr *E);

/// For a call of a function object named by a variable (`blockingWait(t)`,
/// `stdexec::sync_wait(s)`: customisation-point objects), the variable's
/// qualified name, which is what users write and catalogs list; else empty.
std::string calledObjectName(const clang::Expr *Call);

/// The qualified name of the class (or class template) T names, looking
/// through references, typedefs and aliases; empty for non-class types.
std::string typeName(clang::QualType T);

} // namespace corolint

#endif
