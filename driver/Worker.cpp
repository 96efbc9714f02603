#include "Worker.h"
#include "Paths.h"
#include "WriteAll.h"

#include "llvm/Support/MemoryBuffer.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

namespace corolint::driver {
namespace {

// encodeResult/decodeResult name every field: a field added to these
// structs must be added there too.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Finding) == 200 && sizeof(Note) == 96 &&
                  sizeof(Replacement) == 72 && sizeof(TUResult) == 136 &&
                  sizeof(InputFile) == 64,
              "a field was added: extend encodeResult and decodeResult");
#endif

constexpr llvm::StringLiteral EndMark = "corolint-result-end";

class Writer {
public:
  void number(std::uint64_t V) {
    for (int I = 0; I < 8; ++I)
      Out.push_back(static_cast<char>((V >> (8 * I)) & 0xff));
  }
  void text(llvm::StringRef S) {
    number(S.size());
    Out.append(S.data(), S.size());
  }
  void location(const Location &L) {
    text(L.File);
    number(L.Offset);
    number(L.Length);
  }
  void fix(const Fix &Edits) {
    number(Edits.size());
    for (const Replacement &R : Edits) {
      text(R.File);
      number(R.Offset);
      number(R.Length);
      text(R.Text);
    }
  }
  void finding(const Finding &F) {
    text(F.Check);
    number(static_cast<std::uint64_t>(F.Severity));
    text(F.Message);
    location(F.Loc);
    number(F.Notes.size());
    for (const Note &N : F.Notes) {
      location(N.Loc);
      text(N.Message);
      fix(N.Fixes);
    }
    text(F.Function.Name);
    number(F.Function.Begin);
    number(F.Function.End);
    fix(F.Fixes);
  }
  std::string Out;
};

class Reader {
public:
  explicit Reader(llvm::StringRef In) : In(In) {}

  std::uint64_t number() {
    if (In.size() < 8) {
      Ok = false;
      return 0;
    }
    std::uint64_t V = 0;
    for (int I = 0; I < 8; ++I)
      V |= static_cast<std::uint64_t>(static_cast<unsigned char>(In[I])) << (8 * I);
    In = In.drop_front(8);
    return V;
  }
  unsigned small() {
    std::uint64_t V = number();
    if (V > UINT32_MAX)
      Ok = false;
    return static_cast<unsigned>(V);
  }
  std::string text() {
    std::uint64_t N = number();
    if (N > In.size()) {
      Ok = false;
      return {};
    }
    std::string S = In.take_front(N).str();
    In = In.drop_front(N);
    return S;
  }
  /// A count of items that each take at least one byte.
  std::size_t count() {
    std::uint64_t N = number();
    if (N > In.size())
      Ok = false;
    return Ok ? static_cast<std::size_t>(N) : 0;
  }
  Location location() {
    Location L;
    L.File = text();
    L.Offset = small();
    L.Length = small();
    return L;
  }
  Fix fix() {
    Fix Edits;
    for (std::size_t I = 0, N = count(); I < N && Ok; ++I) {
      Replacement R;
      R.File = text();
      R.Offset = small();
      R.Length = small();
      R.Text = text();
      Edits.push_back(std::move(R));
    }
    return Edits;
  }
  Finding finding() {
    Finding F;
    F.Check = text();
    std::uint64_t Severity = number();
    if (Severity < 1 || Severity > 3)
      Ok = false;
    F.Severity = static_cast<Level>(Severity);
    F.Message = text();
    F.Loc = location();
    for (std::size_t I = 0, N = count(); I < N && Ok; ++I) {
      Note Nt;
      Nt.Loc = location();
      Nt.Message = text();
      Nt.Fixes = fix();
      F.Notes.push_back(std::move(Nt));
    }
    F.Function.Name = text();
    F.Function.Begin = small();
    F.Function.End = small();
    F.Fixes = fix();
    return F;
  }

  llvm::StringRef In;
  bool Ok = true;
};

/// The result of a translation unit whose child did not finish.
TUResult failed(const TUJob &Job, std::string Message) {
  TUResult R;
  R.Failed = true;
  Finding F;
  F.Check = "corolint";
  F.Severity = Level::Error;
  F.Message = std::move(Message);
  if (!Job.Commands.empty())
    F.Loc.File = normalisePath(Job.File, Job.Commands.front().Directory);
  R.CompilerErrors.push_back(std::move(F));
  return R;
}

/// The test hooks: a marker in the main file makes the child crash or hang.
void testFaults(const TUJob &Job) {
  const char *Crash = std::getenv("COROLINT_TEST_CRASH_MARKER");
  const char *Hang = std::getenv("COROLINT_TEST_HANG_MARKER");
  if ((!Crash || !*Crash) && (!Hang || !*Hang))
    return;
  std::string Path = Job.Commands.empty()
                         ? Job.File
                         : normalisePath(Job.File, Job.Commands.front().Directory);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (Crash && *Crash && Text.contains(Crash))
    std::raise(SIGSEGV);
  if (Hang && *Hang && Text.contains(Hang))
    for (;;)
      ::pause();
}

[[noreturn]] void runChild(const TUJob &Job, const OptionsProviderFactory &Options,
                           llvm::StringRef ResourceDir, int ResultFD, int ErrorFD,
                           pid_t Parent) {
#ifdef __linux__
  // A child must not outlive its driver. Ctrl-C reaches the whole process
  // group, but a SIGTERM or SIGINT sent to the driver alone (a CI job's
  // timeout, an editor stopping it) ends only the driver, whose handler
  // exits at once: the kernel then kills the child, and a child forked
  // after the driver ended gives up.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != Parent)
    ::_exit(1);
#else
  (void)Parent;
#endif
  // A crash ends the child at once with its signal: no stack dump
  // (LLVM's handler would symbolise it) the parent would discard anyway.
  for (int Signal : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP})
    std::signal(Signal, SIG_DFL);
  // Nothing the child prints may reach the run's output.
  int Null = ::open("/dev/null", O_WRONLY);
  if (Null >= 0) {
    ::dup2(Null, STDOUT_FILENO);
    ::close(Null);
  }
  ::dup2(ErrorFD, STDERR_FILENO);
  ::close(ErrorFD);
  testFaults(Job);
  TUResult R = analyseTU(Job, Options, ResourceDir);
  std::string Bytes = encodeResult(R);
  // Exit without destructors or atexit handlers: they belong to the parent
  // (its buffered output would be written twice).
  ::_exit(writeAll(ResultFD, Bytes) ? 0 : 1);
}

/// Serialises pipe creation and fork: a child forked by one thread must not
/// inherit the write end of another thread's pipe (the other parent would
/// wait for that child to end before it sees end-of-file).
std::mutex ForkLock;

std::string lastLine(llvm::StringRef Text) {
  Text = Text.rtrim();
  llvm::StringRef Line = Text.substr(Text.rfind('\n') + 1).trim();
  if (Line.size() > 200)
    Line = Line.take_front(200);
  return Line.str();
}

} // namespace

std::string encodeResult(const TUResult &R) {
  Writer W;
  for (const std::vector<Finding> *List : {&R.Findings, &R.CompilerErrors}) {
    W.number(List->size());
    for (const Finding &F : *List)
      W.finding(F);
  }
  W.number(R.ConfigErrors.size());
  for (const std::string &E : R.ConfigErrors)
    W.text(E);
  W.number(R.Failed);
  W.text(R.Summaries);
  W.number(R.Inputs.size());
  for (const InputFile &F : R.Inputs) {
    W.text(F.Path);
    W.text(F.Hash);
  }
  W.text(EndMark);
  return std::move(W.Out);
}

bool decodeResult(llvm::StringRef Bytes, TUResult &R) {
  Reader In(Bytes);
  R = TUResult();
  for (std::vector<Finding> *List : {&R.Findings, &R.CompilerErrors})
    for (std::size_t I = 0, N = In.count(); I < N && In.Ok; ++I)
      List->push_back(In.finding());
  for (std::size_t I = 0, N = In.count(); I < N && In.Ok; ++I)
    R.ConfigErrors.push_back(In.text());
  std::uint64_t Failed = In.number();
  R.Failed = Failed != 0;
  R.Summaries = In.text();
  for (std::size_t I = 0, N = In.count(); I < N && In.Ok; ++I) {
    InputFile F;
    F.Path = In.text();
    F.Hash = In.text();
    R.Inputs.push_back(std::move(F));
  }
  return In.Ok && Failed <= 1 && In.text() == EndMark && In.Ok && In.In.empty();
}

std::string describeSignal(int Signal) {
  switch (Signal) {
  case SIGSEGV:
    return "SIGSEGV, segmentation fault";
  case SIGABRT:
    return "SIGABRT, aborted";
  case SIGBUS:
    return "SIGBUS, bus error";
  case SIGFPE:
    return "SIGFPE, arithmetic exception";
  case SIGILL:
    return "SIGILL, illegal instruction";
  case SIGTRAP:
    return "SIGTRAP, trap";
  case SIGKILL:
    return "SIGKILL, killed";
  case SIGTERM:
    return "SIGTERM, terminated";
  case SIGINT:
    return "SIGINT, interrupted";
  case SIGPIPE:
    return "SIGPIPE, broken pipe";
  default:
    return "signal " + std::to_string(Signal);
  }
}

TUResult analyseIsolated(const TUJob &Job, const OptionsProviderFactory &Options,
                         llvm::StringRef ResourceDir, unsigned TimeoutSeconds) {
  int ResultPipe[2], ErrorPipe[2];
  pid_t Pid = -1;
  {
    std::lock_guard<std::mutex> Guard(ForkLock);
    if (::pipe(ResultPipe) != 0)
      return analyseTU(Job, Options, ResourceDir);
    if (::pipe(ErrorPipe) != 0) {
      ::close(ResultPipe[0]);
      ::close(ResultPipe[1]);
      return analyseTU(Job, Options, ResourceDir);
    }
    pid_t Parent = ::getpid();
    Pid = ::fork();
    if (Pid == 0) {
      ::close(ResultPipe[0]);
      ::close(ErrorPipe[0]);
      runChild(Job, Options, ResourceDir, ResultPipe[1], ErrorPipe[1], Parent);
    }
    ::close(ResultPipe[1]);
    ::close(ErrorPipe[1]);
    if (Pid < 0) {
      // No process to spare: analyse here, without the isolation.
      ::close(ResultPipe[0]);
      ::close(ErrorPipe[0]);
      return analyseTU(Job, Options, ResourceDir);
    }
  }

  using Clock = std::chrono::steady_clock;
  Clock::time_point Deadline = Clock::now() + std::chrono::seconds(TimeoutSeconds);
  std::string Data, Errors;
  struct pollfd Fds[2] = {{ResultPipe[0], POLLIN, 0}, {ErrorPipe[0], POLLIN, 0}};
  std::string *Into[2] = {&Data, &Errors};
  bool TimedOut = false;
  for (int Open = 2; Open > 0;) {
    int Wait = -1;
    if (TimeoutSeconds) {
      auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
          Deadline - Clock::now());
      if (Left.count() <= 0) {
        TimedOut = true;
        break;
      }
      Wait = static_cast<int>(Left.count()) + 1;
    }
    int N = ::poll(Fds, 2, Wait);
    if (N < 0 && errno != EINTR)
      break;
    for (int I = 0; N > 0 && I < 2; ++I) {
      if (Fds[I].fd < 0 || !Fds[I].revents)
        continue;
      char Buffer[65536];
      ssize_t Got = ::read(Fds[I].fd, Buffer, sizeof(Buffer));
      if (Got > 0) {
        // Keep the end of stderr only: it says why a child gave up.
        if (I == 1 && Errors.size() > (1 << 16))
          Errors.erase(0, Errors.size() - (1 << 15));
        Into[I]->append(Buffer, static_cast<std::size_t>(Got));
      } else if (Got == 0 || errno != EINTR) {
        ::close(Fds[I].fd);
        Fds[I].fd = -1;
        --Open;
      }
    }
  }
  if (TimedOut)
    ::kill(Pid, SIGKILL);
  for (struct pollfd &P : Fds)
    if (P.fd >= 0)
      ::close(P.fd);
  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }

  if (TimedOut)
    return failed(Job, "the analysis timed out after " +
                           std::to_string(TimeoutSeconds) + " s");
  if (WIFSIGNALED(Status)) {
    int Signal = WTERMSIG(Status);
    if (Signal == SIGINT)
      return failed(Job, "the analysis was interrupted");
    return failed(Job, "the analysis crashed (" + describeSignal(Signal) + ")");
  }
  TUResult R;
  if (WIFEXITED(Status) && WEXITSTATUS(Status) == 0 && decodeResult(Data, R))
    return R;
  std::string Why = "the analysis stopped unexpectedly";
  if (WIFEXITED(Status))
    Why += " (exit status " + std::to_string(WEXITSTATUS(Status)) + ")";
  if (std::string Line = lastLine(Errors); !Line.empty())
    Why += ": " + Line;
  return failed(Job, Why);
}

} // namespace corolint::driver
