#include "terminalprogress.h"

#include <cstdio>
#include <unistd.h>

TerminalProgress::TerminalProgress(bool enabled) : m_enabled(enabled && ::isatty(STDERR_FILENO)) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::update(std::uint64_t done, std::uint64_t total, std::uint64_t rows, double rowsPerSecond,
                              const std::string &what)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_last < std::chrono::milliseconds(200))
        return;
    m_last = now;
    const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    const double eta = (rowsPerSecond > 0 && fraction > 0 && fraction < 1) ? (1 - fraction) / fraction *
                                                                                static_cast<double>(rows) / rowsPerSecond
                                                                          : 0;
    std::fprintf(stderr, "\r[%s] %5.1f%%  %llu rows  %.0f rows/s  ETA %.0fs  %s\033[K", bar.c_str(), fraction * 100,
                 static_cast<unsigned long long>(rows), rowsPerSecond, eta, what.c_str());
    std::fflush(stderr);
    m_drawn = true;
}

void TerminalProgress::finish()
{
    if (m_enabled && m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}
