// Stand-in for yalantinglibs' easylog (ylt/easylog.hpp): a logger whose
// record submission queues the record for a background writer thread by
// default and writes (and rolls log files) on the caller's thread only when
// switched to synchronous at run time. Reduced from the public API; bodies
// keep only the shape the checks read.
#pragma once

#include <deque>
#include <fstream>
#include <mutex>
#include <string>

namespace easylog {

enum class Severity { TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL };

class record_t {
public:
  record_t(Severity s, const char *where) : severity_(s), where_(where) {}
  record_t &ref() { return *this; }
  template <typename T> record_t &operator<<(const T &) { return *this; }
  Severity get_severity() const { return severity_; }

private:
  Severity severity_;
  const char *where_;
};

class appender {
public:
  appender() = default;
  explicit appender(const std::string &filename) : file_(filename) {}
  void write(record_t record) { // async: hand over to the writer thread
    std::lock_guard<std::mutex> guard(queue_mtx_);
    queue_.push_back(std::move(record));
  }
  void write_record(record_t &) { // sync: write on the caller's thread
    if (max_files_ > 0 && file_size_ > max_file_size_)
      roll_log_files();
  }
  void roll_log_files() {
    file_.close();
    file_.open(filename_);
  }
  void flush() { file_.flush(); }

private:
  std::ofstream file_;
  std::string filename_;
  std::size_t max_files_ = 0, file_size_ = 0, max_file_size_ = 0;
  std::mutex queue_mtx_;
  std::deque<record_t> queue_;
};

template <std::size_t Id = 0> class logger {
public:
  static logger &instance() {
    static logger inst;
    return inst;
  }
  void operator+=(record_t &record) { write(record); }
  void write(record_t &record) {
    if (async_)
      appender_.write(std::move(record));
    else
      appender_.write_record(record);
  }
  void flush() { appender_.flush(); }
  void set_async(bool enable) { async_ = enable; }

private:
  logger() { async_ = true; }
  bool async_ = false;
  appender appender_;
};

template <std::size_t Id = 0> void flush() { logger<Id>::instance().flush(); }

} // namespace easylog

#define ELOG(severity)                                                         \
  easylog::logger<0>::instance() +=                                            \
      easylog::record_t(easylog::Severity::severity, __FILE__).ref()
#define ELOG_INFO ELOG(INFO)
#define ELOG_ERROR ELOG(ERROR)
