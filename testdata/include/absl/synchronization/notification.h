// Test stand-in for abseil's <absl/synchronization/notification.h>, written for corolint's tests.
// Defers to the real header when one is installed further down the include path.
#pragma once

#if __has_include_next(<absl/synchronization/notification.h>)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include_next <absl/synchronization/notification.h>
#pragma GCC diagnostic pop
#else

namespace absl {

class Notification {
 public:
  Notification() = default;
  explicit Notification(bool prenotify) { (void)prenotify; }
  Notification(const Notification&) = delete;
  Notification& operator=(const Notification&) = delete;

  bool HasBeenNotified() const { return false; }
  // Blocks the calling thread until Notify().
  void WaitForNotification() const {}
  void Notify() {}
};

}  // namespace absl

#endif
