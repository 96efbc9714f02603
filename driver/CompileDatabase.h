#ifndef COROLINT_DRIVER_COMPILEDATABASE_H
#define COROLINT_DRIVER_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint::driver {

/// A source file the database lists: its path as the database spells it
/// (made absolute) for look-ups, and normalised for identity.
struct DatabaseFile {
  std::string Listed;
  std::string Path;
};

struct CompileDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> Db;
  std::string JsonPath;            // empty for a database-less run
  std::vector<DatabaseFile> Files; // sorted by Path, unique; empty without JSON
};

/// Loads compile_commands.json from BuildPath (a directory, or the file
/// itself), checking its shape first so that a bad database is reported as
/// one line naming the file, the position and the problem. The database
/// then behaves as clang-tidy's: response files expanded, commands for
/// files it does not list inferred from similar files, driver mode and
/// target inferred from the compiler name.
std::optional<CompileDatabase> loadCompileDatabase(llvm::StringRef BuildPath,
                                                   std::string &Error);

/// The directory holding compile_commands.json nearest above Dir, if any.
std::optional<std::string> findCompileDatabase(llvm::StringRef Dir);

/// Every file compiled with Args (no compiler name) in the current
/// directory, like clang-tidy's "FILE... -- ARGS".
CompileDatabase fixedCompileDatabase(llvm::ArrayRef<std::string> Args);

/// Commands made acceptable to clang, as clangd makes a g++ database's:
/// options clang's driver does not know (`-fconcepts-diagnostics-depth=3`)
/// are dropped, `-Werror`, `-Werror=...` and `-pedantic-errors` too (a
/// warning must not fail a file), unknown warning options are not
/// reported; then ExtraBefore goes after the compiler's name and Extra at
/// the end (before a "--"), like clang-tidy's --extra-arg-before and
/// --extra-arg. Of commands that compile the file the same way (in the same
/// directory, differing only in the output and dependency files, which
/// analysis ignores) the first is kept.
std::vector<clang::tooling::CompileCommand>
adjustCommands(std::vector<clang::tooling::CompileCommand> Commands,
               llvm::ArrayRef<std::string> ExtraBefore,
               llvm::ArrayRef<std::string> Extra);

} // namespace corolint::driver

#endif
