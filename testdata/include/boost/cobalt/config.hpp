// Test stand-in for Boost.Cobalt's <boost/cobalt/config.hpp>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>

#include <string>
#include <variant>

// Cobalt builds on Boost.System, Boost.Variant2 and Boost.Asio. The real
// System/Variant2 headers are used when installed (Debian's libboost-dev);
// otherwise minimal fallbacks are defined here. Asio is not used: the
// executor is a stand-in class (upstream boost::cobalt::executor is an alias
// of boost::asio::any_io_executor).
#if __has_include(<boost/system/error_code.hpp>)
#include <boost/system/error_code.hpp>
#else
namespace boost::system {
class error_code {
 public:
  int value() const noexcept { return 0; }
  explicit operator bool() const noexcept { return false; }
  std::string message() const { return {}; }
};
}  // namespace boost::system
#endif

#if __has_include(<boost/system/result.hpp>)
#include <boost/system/result.hpp>
#else
namespace boost::system {
template <class T, class E = error_code>
class result {
 public:
  bool has_value() const noexcept { return true; }
  bool has_error() const noexcept { return false; }
  explicit operator bool() const noexcept { return true; }
  T& value() & { return corolint_standin::unreachable<T&>(); }
  T&& value() && { return corolint_standin::unreachable<T&&>(); }
  T& operator*() & { return value(); }
  E error() const { return {}; }
};
template <class E>
class result<void, E> {
 public:
  bool has_value() const noexcept { return true; }
  bool has_error() const noexcept { return false; }
  explicit operator bool() const noexcept { return true; }
  void value() const {}
  E error() const { return {}; }
};
}  // namespace boost::system
#endif

#if __has_include(<boost/variant2/variant.hpp>)
#include <boost/variant2/variant.hpp>
#else
namespace boost::variant2 {
using std::get;
using std::monostate;
using std::variant;
using std::visit;
}  // namespace boost::variant2
#endif

namespace boost::cobalt {

// Stand-in for boost::asio::any_io_executor.
class executor {
 public:
  executor() noexcept = default;
  template <class F>
  void execute(F&& f) const {
    (void)f;
  }
  friend bool operator==(const executor&, const executor&) noexcept { return true; }
};

}  // namespace boost::cobalt
