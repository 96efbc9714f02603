#include "Engine.h"
#include "DirectChecks.h"
#include "Cache.h"
#include "Paths.h"
#include "support/SummaryBuilder.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <map>
#include <tuple>

namespace corolint::driver {
namespace {

using namespace clang;

/// The compile commands looked up before the run.
class JobDatabase : public tooling::CompilationDatabase {
public:
  explicit JobDatabase(std::vector<tooling::CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Commands;
  }

private:
  std::vector<tooling::CompileCommand> Commands;
};

struct FunctionExtent {
  std::string File; // normalised
  unsigned Begin, End;
  std::string Name;
};

/// Records where each function definition outside system headers begins
/// and ends. Lambdas' call operators are left out: a finding in a lambda
/// belongs to the function that contains the lambda.
class FunctionRecorder : public ASTConsumer,
                         public RecursiveASTVisitor<FunctionRecorder> {
public:
  explicit FunctionRecorder(std::vector<FunctionExtent> &Out) : Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    SM = &Ctx.getSourceManager();
    Policy = std::make_unique<PrintingPolicy>(Ctx.getLangOpts());
    Policy->SuppressTagKeyword = true;
    TraverseDecl(Ctx.getTranslationUnitDecl());
  }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM->isInSystemHeader(SM->getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || F->isImplicit())
      return true;
    if (const auto *M = dyn_cast<CXXMethodDecl>(F))
      if (M->getParent()->isLambda())
        return true;
    SourceLocation B = SM->getExpansionLoc(F->getBeginLoc());
    SourceLocation E = SM->getExpansionLoc(F->getEndLoc());
    FileID FID = SM->getFileID(B);
    if (FID != SM->getFileID(E) || FID.isInvalid())
      return true;
    const std::string &File = fileName(FID);
    if (File.empty())
      return true;
    std::string Name = F->getQualifiedNameAsString() + "(";
    for (unsigned I = 0; I < F->getNumParams(); ++I)
      Name += (I ? ", " : "") + F->getParamDecl(I)->getType().getAsString(*Policy);
    Name += ")";
    Out.push_back({File, SM->getFileOffset(B), SM->getFileOffset(E), Name});
    return true;
  }

private:
  const std::string &fileName(FileID FID) {
    auto [It, New] = Names.try_emplace(FID);
    if (New) {
      if (OptionalFileEntryRef Entry = SM->getFileEntryRefForID(FID)) {
        llvm::SmallString<256> Path(Entry->getName());
        SM->getFileManager().makeAbsolutePath(Path);
        It->second = normalisePath(Path);
      }
    }
    return It->second;
  }

  std::vector<FunctionExtent> &Out;
  SourceManager *SM = nullptr;
  std::unique_ptr<PrintingPolicy> Policy;
  std::map<FileID, std::string> Names;
};

class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(tidy::ClangTidyContext &Context,
                IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                std::vector<FunctionExtent> &Functions,
                std::vector<InputFile> *Inputs)
      : Tidy(Context, std::move(FS)), Context(Context),
        Factories(allCheckFactories()), Functions(Functions), Inputs(Inputs) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Tidy, Context, *Factories, Functions,
                                    Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: the code sees __clang_analyzer__ defined.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated." on stderr (clang-tidy's -quiet).
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    Action(tidy::ClangTidyASTConsumerFactory &Tidy,
           tidy::ClangTidyContext &Context,
           const tidy::ClangTidyCheckFactories &Factories,
           std::vector<FunctionExtent> &Functions, std::vector<InputFile> *Inputs)
        : Tidy(Tidy), Context(Context), Factories(Factories),
          Functions(Functions), Inputs(Inputs) {}

    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   llvm::StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      std::unique_ptr<ASTConsumer> Checks =
          directChecksConsumer(Context, Factories, CI, File);
      Consumers.push_back(Checks ? std::move(Checks)
                                 : Tidy.createASTConsumer(CI, File));
      Consumers.push_back(std::make_unique<FunctionRecorder>(Functions));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

    // The files this compilation read, for the cache (the source manager
    // is gone after the action).
    void EndSourceFileAction() override {
      if (Inputs) {
        std::vector<InputFile> Read = recordInputs(getCompilerInstance().getSourceManager());
        Inputs->insert(Inputs->end(), Read.begin(), Read.end());
      }
    }

  private:
    tidy::ClangTidyASTConsumerFactory &Tidy;
    tidy::ClangTidyContext &Context;
    const tidy::ClangTidyCheckFactories &Factories;
    std::vector<FunctionExtent> &Functions;
    std::vector<InputFile> *Inputs;
  };

  tidy::ClangTidyASTConsumerFactory Tidy;
  tidy::ClangTidyContext &Context;
  std::unique_ptr<tidy::ClangTidyCheckFactories> Factories;
  std::vector<FunctionExtent> &Functions;
  std::vector<InputFile> *Inputs;
};

Location locate(const tooling::DiagnosticMessage &M, llvm::StringRef BuildDir) {
  Location L;
  if (M.FilePath.empty())
    return L;
  L.File = normalisePath(M.FilePath, BuildDir);
  L.Offset = M.FileOffset;
  for (const tooling::FileByteRange &R : M.Ranges) {
    if (R.FilePath != M.FilePath || R.FileOffset > M.FileOffset ||
        R.FileOffset + R.Length <= M.FileOffset)
      continue;
    L.Length = R.FileOffset + R.Length - M.FileOffset;
    break;
  }
  return L;
}

/// The replacements of a diagnostic's fix, with normalised paths, sorted by
/// file and offset; none when an edit has no file (a macro's scratch
/// space): a fix is whole or nothing.
Fix fixOf(const tooling::DiagnosticMessage &M, llvm::StringRef BuildDir) {
  Fix Out;
  for (const auto &Entry : M.Fix)
    for (const tooling::Replacement &R : Entry.second) {
      if (R.getFilePath().empty() || R.getFilePath() == "invalid-location")
        return {};
      Out.push_back({normalisePath(R.getFilePath(), BuildDir), R.getOffset(),
                     R.getLength(), R.getReplacementText().str()});
    }
  std::stable_sort(Out.begin(), Out.end(),
                   [](const Replacement &A, const Replacement &B) {
                     return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
                   });
  return Out;
}

Level levelOf(const tidy::ClangTidyError &E) {
  if (E.DiagLevel == tooling::Diagnostic::Error || E.IsWarningAsError)
    return Level::Error;
  if (E.DiagLevel == tooling::Diagnostic::Warning)
    return Level::Warning;
  return Level::Note;
}

EnclosingFunction enclosing(const std::vector<FunctionExtent> &Functions,
                            const Location &L) {
  const FunctionExtent *Best = nullptr;
  for (const FunctionExtent &F : Functions)
    if (F.File == L.File && F.Begin <= L.Offset && L.Offset <= F.End &&
        (!Best || F.Begin > Best->Begin))
      Best = &F;
  if (!Best)
    return {};
  return {Best->Name, Best->Begin, Best->End};
}

} // namespace

TUResult analyseTU(const TUJob &Job, const OptionsProviderFactory &Options,
                   llvm::StringRef ResourceDir) {
  TUResult Result;
  auto NotAnalysed = [&Result](const char *Why) {
    Result.Failed = true;
    Finding F;
    F.Check = "clang-diagnostic-error";
    F.Severity = Level::Error;
    F.Message = Why;
    Result.CompilerErrors.push_back(std::move(F));
    return Result;
  };
  if (Job.Commands.empty())
    return NotAnalysed("no compile command for this file");
  // Listed by the database but not there (a generated source not built).
  if (!llvm::sys::fs::exists(Job.File))
    return NotAnalysed("no such file (the compilation database lists it)");
  JobDatabase Db(Job.Commands);
  // A physical file system of our own: the shared real one would change the
  // process's working directory for every thread.
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> Physical(
      llvm::vfs::createPhysicalFileSystem());
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Physical);
  tooling::ClangTool Tool(Db, {Job.File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);

  tidy::ClangTidyContext Context(Options(FS));
#if LLVM_VERSION_MAJOR >= 22
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args, llvm::StringRef File) {
        tidy::ClangTidyOptions Opts = Context.getOptionsForFile(File);
        tooling::CommandLineArguments Out = Args;
        if (Opts.RemovedArgs)
          for (const std::string &Remove : *Opts.RemovedArgs)
            Out.erase(std::remove(Out.begin(), Out.end(), Remove), Out.end());
        return Out;
      });
#endif
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args, llvm::StringRef File) {
        tidy::ClangTidyOptions Opts = Context.getOptionsForFile(File);
        tooling::CommandLineArguments Out = Args;
        if (Opts.ExtraArgsBefore) {
          auto I = Out.begin();
          if (I != Out.end() && !llvm::StringRef(*I).starts_with("-"))
            ++I; // after the compiler's name
          Out.insert(I, Opts.ExtraArgsBefore->begin(), Opts.ExtraArgsBefore->end());
        }
        if (Opts.ExtraArgs)
          Out.insert(Out.end(), Opts.ExtraArgs->begin(), Opts.ExtraArgs->end());
        return Out;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  // The builtin headers of the LLVM corolint was built with, unless the
  // command names its own: libTooling would look beside this executable.
  std::string ResourceArg = "-resource-dir=" + ResourceDir.str();
  Tool.appendArgumentsAdjuster(
      [ResourceArg](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        for (const std::string &A : Args)
          if (llvm::StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Out = Args;
        Out.insert(Out.empty() ? Out.end() : Out.begin() + 1, ResourceArg);
        return Out;
      });

  // Every fix is kept as reported: the driver decides which to apply and
  // reports conflicts itself (all or nothing per file), where clang-tidy
  // would drop one of two overlapping fixes.
  tidy::ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                                 /*RemoveIncompatibleErrors=*/false,
                                                 /*GetFixesFromNotes=*/false);
#if LLVM_VERSION_MAJOR >= 21
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine DE(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), *DiagOpts,
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &DE);
#else
  DiagnosticsEngine DE(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                       llvm::makeIntrusiveRefCnt<DiagnosticOptions>(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
#endif
  Tool.setDiagnosticConsumer(&DiagConsumer);

  std::vector<FunctionExtent> Functions;
  ActionFactory Factory(Context, FS, Functions,
                        Job.RecordInputs ? &Result.Inputs : nullptr);
  SummarySet Collected;
  bool ToolFailed;
  {
    std::optional<ScopedSummaryCollector> Collecting;
    if (Job.Summaries)
      Collecting.emplace(&Collected);
    ToolFailed = Tool.run(&Factory) != 0;
  }
  if (!Collected.empty()) {
    for (PendingCall &P : Collected.Pending) {
      Location L{normalisePath(P.At.File), P.At.Offset, P.Length};
      EnclosingFunction E = enclosing(Functions, L);
      P.Function = E.Name;
      P.FunctionBegin = E.Begin;
      P.FunctionEnd = E.End;
    }
    Result.Summaries = writeSummaries(Collected);
  }

  for (const tidy::ClangTidyError &E : DiagConsumer.take()) {
    llvm::StringRef Name = E.DiagnosticName;
    Finding F;
    F.Check = E.DiagnosticName;
    F.Severity = levelOf(E);
    F.Message = E.Message.Message;
    F.Loc = locate(E.Message, E.BuildDirectory);
    F.Fixes = fixOf(E.Message, E.BuildDirectory);
    for (const tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back({locate(N, E.BuildDirectory), N.Message,
                         fixOf(N, E.BuildDirectory)});
    bool Compiler = Name.starts_with("clang-diagnostic-");
    if (Compiler && F.Severity == Level::Error) {
      Result.Failed = true;
      Result.CompilerErrors.push_back(std::move(F));
    } else if (!Compiler && !F.Loc.valid()) {
      // Configuration problems ("clang-tidy-config"): no place in the code.
      Result.ConfigErrors.push_back(F.Message);
    } else {
      if (F.Loc.valid())
        F.Function = enclosing(Functions, F.Loc);
      Result.Findings.push_back(std::move(F));
    }
  }
  // The tool "fails" whenever an error was reported: a compiler error
  // (handled above), but also a configuration error (a usage problem, not
  // this file's) or a check's finding of error severity (`sync_wait` in a
  // coroutine), after which the file was analysed completely.
  bool CheckErrors = std::any_of(
      Result.Findings.begin(), Result.Findings.end(),
      [](const Finding &F) { return F.Severity == Level::Error; });
  if (ToolFailed && Result.ConfigErrors.empty() && !CheckErrors)
    Result.Failed = true;
  return Result;
}

} // namespace corolint::driver
