// Test stand-in for workerd's <workerd/jsg/jsg.h>, written for corolint's
// tests: jsg::Lock stands for the V8 isolate lock its holder has taken.
#pragma once

namespace workerd::jsg {

class Lock {
 public:
  Lock(const Lock &) = delete;
  Lock &operator=(const Lock &) = delete;
  static Lock &current();

 protected:
  Lock() = default;
  ~Lock() = default;
};

}  // namespace workerd::jsg
