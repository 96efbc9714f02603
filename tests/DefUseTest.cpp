// Unit tests of the def-use support (checks/support/DefUse.h): which
// objects statements read and write, aliasing, and when calls are opaque.
#include "support/DefUse.h"
#include "support/RuleCatalog.h"
#include "TidyRunner.h"

#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {
namespace {

const char *Prelude = R"cpp(
#include <string>
#include <vector>
#include <memory>
struct Conn { int query(int); int peek() const; int state; };
int opaque(int);
constexpr int twice(int v) { return 2 * v; }
static int pure_helper(int v) { return v + 1; }
int g_counter;
int impure_helper(int v) { return v + g_counter++; }
void fill(std::vector<int> &out);
)cpp";

class DefUseTest : public ::testing::Test {
protected:
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) + Code,
        {"-std=c++20", "-resource-dir=" + test::clangResourceDir()});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
    auto Found = match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                       AST->getASTContext());
    ASSERT_EQ(Found.size(), 1u);
    F = Found[0].getNodeAs<FunctionDecl>("f");
    Body = cast<CompoundStmt>(F->getBody());
    DU = std::make_unique<DefUse>(*F, Body, AST->getASTContext(), Catalog);
  }
  /// The effects of the I-th statement of f's body.
  Effects at(unsigned I) { return DU->effects(Body->body_begin()[I]); }
  /// Whether statement I writes (or reads) a variable or member named Name.
  bool touches(const Effects &E, llvm::StringRef Name, bool Write) {
    for (const Access &A : E.Accesses)
      if (A.Write == Write && A.Obj.D &&
          cast<NamedDecl>(A.Obj.D)->getName() == Name)
        return true;
    return false;
  }

  RuleCatalog Catalog;
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
  const CompoundStmt *Body = nullptr;
  std::unique_ptr<DefUse> DU;
};

TEST_F(DefUseTest, ReadsAndWritesOfLocals) {
  parse(R"cpp(
    void f(int p) {
      int a = p;
      a += 2;
      std::vector<int> v;
      fill(v);
      int n = static_cast<int>(v.size());
    }
  )cpp");
  EXPECT_TRUE(touches(at(0), "a", true));
  EXPECT_TRUE(touches(at(0), "p", false));
  EXPECT_TRUE(touches(at(1), "a", true));
  EXPECT_TRUE(touches(at(3), "v", true)); // non-const reference parameter
  EXPECT_FALSE(touches(at(4), "v", true)); // size() is const
  EXPECT_TRUE(touches(at(4), "v", false));
  EXPECT_FALSE(at(4).Opaque);
  EXPECT_TRUE(DU->conflict(at(3), at(4)));
  EXPECT_FALSE(DU->conflict(at(0), at(4)));
}

TEST_F(DefUseTest, OpaqueAndTransparentCalls) {
  parse(R"cpp(
    void f(int p) {
      int a = twice(p);
      int b = pure_helper(p);
      int c = opaque(p);
      int d = impure_helper(p);
      std::string s = std::to_string(p) + "x";
    }
  )cpp");
  EXPECT_FALSE(at(0).Opaque);
  EXPECT_FALSE(at(1).Opaque);
  EXPECT_TRUE(at(2).Opaque);
  EXPECT_TRUE(at(3).Opaque);
  EXPECT_FALSE(at(4).Opaque);
}

TEST_F(DefUseTest, ReceiversAndAliases) {
  parse(R"cpp(
    void f(Conn &r1, Conn &r2, std::vector<Conn> pool, std::shared_ptr<Conn> sp) {
      Conn a, b;
      a.query(1);
      b.query(2);
      a.peek();
      Conn &first = pool[0];
      first.query(3);
      pool[1].query(4);
      r1.query(5);
      r2.query(6);
      sp->query(7);
    }
  )cpp");
  EXPECT_FALSE(DU->conflict(at(1), at(2))); // different locals
  EXPECT_TRUE(DU->conflict(at(1), at(3)));  // a written, then read
  EXPECT_TRUE(DU->conflict(at(5), at(6)));  // first is pool[0]
  EXPECT_TRUE(DU->conflict(at(7), at(8)));  // two Conn& may be one object
  EXPECT_TRUE(DU->conflict(at(7), at(9)));  // so may a Conn behind a pointer
  EXPECT_FALSE(DU->conflict(at(1), at(7))); // a local is not behind r1
}

// The catalogs' `accessors` say which non-const members only hand out
// access: a qualified entry names a member of any class, a bare name one of
// the standard library's.
TEST_F(DefUseTest, CatalogAccessorsAreNotWrites) {
  RuleEntry Slot;
  Slot.Name = "Ring::slot";
  Slot.Library = "test";
  Slot.Attributes["element"] = "true";
  Catalog.add(Section::Accessors, Slot);
  RuleEntry Front;
  Front.Name = "front";
  Front.Library = "test";
  Front.Attributes["element"] = "true";
  Catalog.add(Section::Accessors, Front);
  parse(R"cpp(
    struct Ring { int &slot(); int &take(); int &front(); };
    void f(Ring &r, std::vector<int> &v) {
      int a = r.slot();
      int b = r.take();
      int c = r.front();
      int d = v.front();
      int e = v.back();
    }
  )cpp");
  EXPECT_FALSE(touches(at(0), "r", true)); // catalogued: a read
  EXPECT_TRUE(touches(at(0), "r", false));
  EXPECT_TRUE(touches(at(1), "r", true));  // not catalogued: a write
  EXPECT_TRUE(touches(at(2), "r", true));  // a bare name is for std only
  EXPECT_FALSE(touches(at(3), "v", true)); // std::vector::front
  EXPECT_TRUE(touches(at(4), "v", true));  // back() not in this catalog
}

TEST_F(DefUseTest, TransfersAndSideEffectsOnNonLocals) {
  parse(R"cpp(
    void f(int p) {
      if (p) return;
      g_counter = p;
      for (int i = 0; i < 3; ++i) { if (i == p) break; }
      while (p) { break; }
    }
  )cpp");
  EXPECT_TRUE(at(0).Transfer);
  Effects Global = at(1);
  ASSERT_FALSE(Global.Accesses.empty());
  bool WritesGlobal = false;
  for (const Access &A : Global.Accesses)
    if (A.Write && !DU->isLocal(A.Obj))
      WritesGlobal = true;
  EXPECT_TRUE(WritesGlobal);
  EXPECT_FALSE(at(2).Transfer); // the break stays inside the loop
  EXPECT_FALSE(at(3).Transfer);
}

} // namespace
} // namespace corolint
