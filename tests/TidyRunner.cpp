#include "TidyRunner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

extern volatile int CorolintModuleAnchorSource;
static int CorolintModuleAnchorDestination = CorolintModuleAnchorSource;

namespace corolint::test {

std::string clangResourceDir() { return COROLINT_CLANG_RESOURCE_DIR; }

static const char *levelName(clang::tidy::ClangTidyError::Level L) {
  switch (L) {
  case clang::tidy::ClangTidyError::Remark:
    return "remark";
  case clang::tidy::ClangTidyError::Warning:
    return "warning";
  case clang::tidy::ClangTidyError::Error:
    return "error";
  }
  return "unknown";
}

static void locate(const clang::tooling::DiagnosticMessage &M, Diag &D) {
  D.File = M.FilePath;
  D.Message = M.Message;
  if (M.FilePath.empty())
    return;
  auto Buffer = llvm::MemoryBuffer::getFile(M.FilePath);
  if (!Buffer)
    return;
  llvm::StringRef Before =
      (*Buffer)->getBuffer().take_front(M.FileOffset);
  D.Line = 1 + Before.count('\n');
  D.Column = M.FileOffset - (Before.rfind('\n') + 1) + 1;
}

std::vector<Finding> runTidy(const std::string &File,
                             const std::vector<std::string> &CompilerArgs,
                             const std::string &Checks,
                             const std::map<std::string, std::string> &Options) {
  (void)CorolintModuleAnchorDestination;
  clang::tidy::ClangTidyGlobalOptions GlobalOptions;
  clang::tidy::ClangTidyOptions TidyOptions =
      clang::tidy::ClangTidyOptions::getDefaults();
  TidyOptions.Checks = Checks;
  for (const auto &[Key, Value] : Options)
    TidyOptions.CheckOptions[Key] = clang::tidy::ClangTidyOptions::ClangTidyValue(Value);
  clang::tidy::ClangTidyContext Context(
      std::make_unique<clang::tidy::DefaultOptionsProvider>(GlobalOptions,
                                                            TidyOptions));
  std::vector<std::string> Args = CompilerArgs;
  Args.push_back("-resource-dir=" + clangResourceDir());
  clang::tooling::FixedCompilationDatabase Db(".", Args);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<clang::tidy::ClangTidyError> Errors =
      clang::tidy::runClangTidy(Context, Db, {File}, FS, /*ApplyAnyFix=*/false);

  std::vector<Finding> Findings;
  for (const clang::tidy::ClangTidyError &E : Errors) {
    Finding F;
    F.Check = E.DiagnosticName;
    F.Level = levelName(E.DiagLevel);
    locate(E.Message, F);
    for (const clang::tooling::DiagnosticMessage &N : E.Notes) {
      Diag D;
      D.Level = "note";
      locate(N, D);
      F.Notes.push_back(std::move(D));
    }
    Findings.push_back(std::move(F));
  }
  return Findings;
}

} // namespace corolint::test
