#include "DirectChecks.h"
#include "support/CoroCheck.h"

#include "clang-tidy/ClangTidyModuleRegistry.h"

using namespace clang;

namespace corolint {
namespace {

class DirectChecks : public ASTConsumer {
public:
  explicit DirectChecks(std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Owned)
      : Owned(std::move(Owned)) {
    for (auto &C : this->Owned)
      Checks.push_back(static_cast<CoroCheck *>(C.get()));
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    for (CoroCheck *C : Checks)
      C->onStartOfTranslationUnit();
    CoroCheck::checkDefinitions(Checks, Context);
    for (CoroCheck *C : Checks)
      C->onEndOfTranslationUnit();
  }

private:
  std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Owned;
  std::vector<CoroCheck *> Checks;
};

} // namespace

std::unique_ptr<tidy::ClangTidyCheckFactories> allCheckFactories() {
  auto Factories = std::make_unique<tidy::ClangTidyCheckFactories>();
  for (const tidy::ClangTidyModuleRegistry::entry &E :
       tidy::ClangTidyModuleRegistry::entries())
    E.instantiate()->addCheckFactories(*Factories);
  return Factories;
}

std::unique_ptr<ASTConsumer>
directChecksConsumer(tidy::ClangTidyContext &Context,
                     const tidy::ClangTidyCheckFactories &Factories,
                     CompilerInstance &CI, llvm::StringRef File) {
  for (const auto &Entry : Factories)
    if (!Entry.getKey().starts_with("coro-") &&
        Context.isCheckEnabled(Entry.getKey()))
      return nullptr;
  // As clang-tidy's ClangTidyASTConsumerFactory::createASTConsumer.
  SourceManager &SM = CI.getSourceManager();
  Context.setSourceManager(&SM);
  Context.setCurrentFile(File);
  Context.setASTContext(&CI.getASTContext());
  if (auto Dir = SM.getFileManager()
                     .getVirtualFileSystem()
                     .getCurrentWorkingDirectory())
    Context.setCurrentBuildDirectory(*Dir);
  std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Checks =
      Factories.createChecksForLanguage(&Context);
  Preprocessor *PP = &CI.getPreprocessor();
  for (auto &C : Checks)
    C->registerPPCallbacks(SM, PP, PP);
  return std::make_unique<DirectChecks>(std::move(Checks));
}

} // namespace corolint
