#pragma once

#include "core/util/result.h"

#include <cstdint>

namespace chorus {

// A SQLite VFS that behaves like a disk filling up: it wraps the default VFS, passes everything
// through, counts the bytes written to database, WAL and journal files, and fails every write
// beyond the allowance with SQLITE_FULL, as a real full disk does. For fault-injection tests only:
// installed by a test (install) or, in any Chorus process, by CHORUS_FAULT_DISK_FULL_AFTER=N
// (SqliteDatabase::open installs it on first use). It becomes the default VFS, so every connection
// opened afterwards goes through it; connections opened before keep their VFS.
class FullDiskVfs {
public:
    static constexpr const char *kName = "chorus-full-disk";

    // Registers the VFS as the default (once) and sets the allowance, counting from now.
    static Status install(std::int64_t bytesAllowed);
    // Restores the previous default VFS; connections still open through the shim keep working.
    static void uninstall();
    static bool installed();

    static void setAllowance(std::int64_t bytesAllowed);
    static std::int64_t bytesWritten();
    // Writes refused since install (or the last setAllowance).
    static std::int64_t writesRefused();
};

} // namespace chorus
