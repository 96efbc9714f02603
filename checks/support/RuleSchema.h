#ifndef COROLINT_SUPPORT_RULESCHEMA_H
#define COROLINT_SUPPORT_RULESCHEMA_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint {

enum class Section;

/// The one description of what a rule catalog may hold: its sections and,
/// per section, the attributes an entry may have with their types. The
/// loader (RuleCatalog.cpp) validates files against it and rules/schema.json
/// is generated from it (ruleSchemaJson; a test keeps the committed file
/// equal to the generated one). A new attribute is one row here.

enum class AttributeType {
  String,     ///< "text"
  Bool,       ///< true / false
  StringList, ///< ["a", "b"]; each item a name (no ';')
  Integer,    ///< a non-negative JSON number
  Enum,       ///< one string of Values
};

struct AttributeSpec {
  const char *Key;
  AttributeType Type;
  /// For Enum: the allowed values, ';'-separated.
  const char *Values;
  const char *Description;
};

struct SectionSpec {
  Section Which;
  const char *Key;
  const char *Description;
  /// The section's own attributes; every section also has commonAttributes().
  llvm::ArrayRef<AttributeSpec> Attributes;
};

/// Every section, in the order of the Section enum.
llvm::ArrayRef<SectionSpec> sectionSpecs();

/// Attributes every entry may have (name, reason, except,
/// library_namespace).
llvm::ArrayRef<AttributeSpec> commonAttributes();

/// The spec of section S.
const SectionSpec &sectionSpec(Section S);

/// Attribute Key of section S (its own or a common one), or null.
const AttributeSpec *findAttribute(Section S, llvm::StringRef Key);

/// The enum values of A, split.
llvm::SmallVector<llvm::StringRef, 8> enumValues(const AttributeSpec &A);

/// rules/schema.json: a JSON Schema (draft 2020-12) of a catalog file,
/// generated from the tables above, ending in a newline.
std::string ruleSchemaJson();

} // namespace corolint

#endif
