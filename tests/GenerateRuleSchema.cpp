// Prints rules/schema.json as generated from the attribute tables of
// checks/support/RuleSchema.cpp:
//   build/bin/corolint-rule-schema > rules/schema.json
// RuleSchema.CommittedSchemaIsGenerated fails until the committed file is
// regenerated after a table change.
#include "support/RuleSchema.h"

#include <cstdio>

int main() {
  std::fputs(corolint::ruleSchemaJson().c_str(), stdout);
  return 0;
}
