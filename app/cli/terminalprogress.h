#pragma once

#include <chrono>
#include <cstdint>
#include <string>

// A one-line progress bar on standard error, drawn only when it is a terminal (never in pipes, logs
// or --json output), at most a few times per second.
class TerminalProgress {
public:
    explicit TerminalProgress(bool enabled);
    ~TerminalProgress();

    void update(std::uint64_t done, std::uint64_t total, std::uint64_t rows, double rowsPerSecond, const std::string &what);
    void finish();

private:
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};
