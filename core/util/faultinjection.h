#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chorus {

// Test-only faults, switched on by environment variables so that a test can make a real
// chorus-cli process fail the way a machine does (a full disk, a worker that aborts or runs out of
// memory) without a special build. Unset, every hook is a no-op costing one cached branch.
//
//   CHORUS_FAULT_DISK_FULL_AFTER=N        SQLite writes fail with SQLITE_FULL once N bytes have been
//                                         written through Chorus's connections (FullDiskVfs)
//   CHORUS_FAULT_CHECKPOINT_FULL_AFTER=N  checkpoint files fail with ENOSPC once N bytes have been
//                                         written to them in this process
//   CHORUS_FAULT_CHECKPOINT_SLOW_US=U     sleep U microseconds per 64 KiB checkpoint chunk (a slow
//                                         disk: widens the window in which a kill lands mid-write)
//   CHORUS_FAULT_TRAINING=abort@S         the trainer aborts the process as step S begins
//   CHORUS_FAULT_TRAINING=bad_alloc@S     an allocation fails (std::bad_alloc) as step S begins
//
// The variables are read once, at first use.
class FaultInjection {
public:
    static std::optional<std::int64_t> sqliteBytesAllowed();
    static std::optional<std::int64_t> checkpointBytesAllowed();
    static std::int64_t checkpointChunkDelayMicroseconds();

    // Called by trainers as step `step` (1-based) begins; may abort or throw std::bad_alloc.
    static void atTrainingStep(std::int64_t step);

    // Parses "abort@12" / "bad_alloc@12"; exposed for tests of the parser itself.
    struct TrainingFault {
        enum class Kind { None, Abort, BadAlloc } kind = Kind::None;
        std::int64_t step = 0;
    };
    static TrainingFault parseTrainingFault(const std::string &text);
};

} // namespace chorus
