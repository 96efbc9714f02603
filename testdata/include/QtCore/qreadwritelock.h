// Test stand-in for Qt's <QtCore/qreadwritelock.h>, written for corolint's tests.
#pragma once
#include <qreadwritelock.h>
