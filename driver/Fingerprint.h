#ifndef COROLINT_DRIVER_FINGERPRINT_H
#define COROLINT_DRIVER_FINGERPRINT_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace corolint::driver {

/// The partialFingerprints key GitHub code scanning computes itself when a
/// SARIF file lacks it.
inline constexpr const char *LineHashKey = "primaryLocationLineHash";

/// The key of corolint's own fingerprint, which survives lines moving.
inline constexpr const char *StableFingerprintKey = "corolint/v1";

/// primaryLocationLineHash for every line of a UTF-8 file, element I for
/// line I + 1, computed as github/codeql-action's upload does: a rolling
/// hash (base 37, 64-bit wrap-around) over the UTF-16 code units of the 100
/// characters starting at the line, with spaces and tabs dropped and line
/// endings ("\r\n", "\r", "\n") read as "\n", the end of the file marked by
/// 0xFFFF and then zeros; written as "<unsigned hex>:<n>" where n counts the
/// lines so far with the same hash. A file that ends with a line ending gets
/// one more (empty) line.
std::vector<std::string> lineHashes(llvm::StringRef Text);

/// Line without any whitespace.
std::string normaliseLine(llvm::StringRef Line);

/// What corolint's own fingerprint is computed from: nothing that changes
/// when unrelated lines are added or removed above the finding.
struct StableFingerprintInput {
  llvm::StringRef Rule;
  llvm::StringRef Path;     // relative to the source root when inside it
  llvm::StringRef Function; // the enclosing function; empty at file scope
  llvm::StringRef Line;     // the primary location's source line
  unsigned Column = 1;      // its byte column in Line (1-based)
  unsigned Occurrence = 1;  // how many lines of the same function (or file)
                            // up to this one normalise to the same text
};

/// 32 hex digits of SHA-256 over the rule, path, function, normalised line
/// and the column within the normalised line.
std::string stableFingerprint(const StableFingerprintInput &In);

} // namespace corolint::driver

#endif
