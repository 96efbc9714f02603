#pragma once
// Building blocks of LoopCostAnalysis: which parameters a region walks, the
// argument a call passes for one, and the bounded sets of cost chains a
// walk merges (at most MaxAlternatives, one per walked-parameter key).
#include "support/LoopCost.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>

namespace corolint::cost_sets {

using Contribution = LoopCostAnalysis::Contribution;
using CostSet = LoopCostAnalysis::CostSet;

/// The bit of a parameter set that stands for the function's object.
constexpr unsigned ObjectBit = 63;
constexpr std::size_t MaxAlternatives = 16;

/// The parameters of Fn (bit ObjectBit: its object) and the captured
/// variables that S mentions.
void parametersIn(const clang::Stmt *S, const clang::FunctionDecl *Fn,
                  std::uint64_t &Bits,
                  llvm::SmallVectorImpl<const clang::ValueDecl *> &Captured);

/// The argument of Call that initialises parameter Index of Callee (or its
/// object for ObjectBit).
const clang::Expr *argumentFor(const clang::Expr *Call,
                               const clang::FunctionDecl *Callee,
                               unsigned Index);

/// Adds C (or keeps the deeper of C and the chain with its key).
void merge(CostSet &Into, const Contribution &C);
void merge(CostSet &Into, const CostSet &From);

/// One level (Own) around what its body costs (Inner): Own alone, and Own
/// on top of each of Inner's chains.
void liftInto(CostSet &Out, const Contribution &Own, const CostSet &Inner);

/// The deepest chain of Set (null when empty).
const Contribution *best(const CostSet &Set);

} // namespace corolint::cost_sets
