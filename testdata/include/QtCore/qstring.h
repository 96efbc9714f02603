// Stand-in for Qt's QString and QByteArray (QtCore), for corolint's tests.
#pragma once

class QByteArray {
public:
  QByteArray() = default;
  bool isEmpty() const { return true; }
};

class QString {
public:
  QString() = default;
  QString(const char *) {}
  bool isEmpty() const { return true; }
};
