// Test stand-in for Qt's <QtCore/qmutex.h>, written for corolint's tests.
#pragma once
#include <qmutex.h>
