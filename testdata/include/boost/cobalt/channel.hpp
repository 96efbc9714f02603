// Test stand-in for Boost.Cobalt's <boost/cobalt/channel.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>
#include <boost/cobalt/this_thread.hpp>

#include <cstddef>
#include <tuple>

namespace boost::cobalt {

struct as_tuple_tag {};

// Buffered (limit > 0) or rendezvous (limit == 0) channel. co_await
// ch.read() produces a value; co_await ch.write(v) waits until the value is
// taken or buffered. Both throw when the channel is closed; wrap in
// as_tuple() to get an error_code instead.
template <typename T>
struct channel {
  struct read_op : corolint_standin::awaiter<T> {
    std::tuple<system::error_code, T> await_resume(const as_tuple_tag&) {
      return corolint_standin::unreachable<std::tuple<system::error_code, T>>();
    }
    using corolint_standin::awaiter<T>::await_resume;
  };
  struct write_op : corolint_standin::awaiter<void> {
    std::tuple<system::error_code> await_resume(const as_tuple_tag&) { return {}; }
    using corolint_standin::awaiter<void>::await_resume;
  };

  explicit channel(std::size_t limit = 0u, executor exec = this_thread::get_executor()) {
    (void)limit;
    (void)exec;
  }
  channel(channel&&) noexcept = default;

  bool is_open() const { return true; }
  void close() {}

  [[nodiscard]] read_op read() { return {}; }
  [[nodiscard]] write_op write(const T& value) {
    (void)value;
    return {};
  }
  [[nodiscard]] write_op write(T&& value) {
    (void)value;
    return {};
  }
};

template <>
struct channel<void> {
  struct read_op : corolint_standin::awaiter<void> {
    std::tuple<system::error_code> await_resume(const as_tuple_tag&) { return {}; }
    using corolint_standin::awaiter<void>::await_resume;
  };
  using write_op = read_op;

  explicit channel(std::size_t limit = 0u, executor exec = this_thread::get_executor()) {
    (void)limit;
    (void)exec;
  }
  bool is_open() const { return true; }
  void close() {}
  [[nodiscard]] read_op read() { return {}; }
  [[nodiscard]] write_op write() { return {}; }
};

}  // namespace boost::cobalt
