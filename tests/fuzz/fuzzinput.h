#pragma once

// Shared by the libFuzzer targets: Chorus's importers and decoders read files, so each input is
// written to one scratch file per process (in /dev/shm when there is one, to keep it fast), and
// a sink that accepts everything counts what the importer delivered.
#include "core/import/recordsink.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace chorus::fuzz {

inline std::string scratchPath(const char *suffix)
{
    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    return std::string(dir) + "/chorus-fuzz-" + std::to_string(getpid()) + suffix;
}

inline bool writeScratch(const std::string &path, const std::uint8_t *data, std::size_t size)
{
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        return false;
    const bool ok = std::fwrite(data, 1, size, file) == size;
    return std::fclose(file) == 0 && ok;
}

// Counts what arrives and checks the promises the sink interface makes to the rest of Chorus.
class CountingSink : public RecordSink {
public:
    std::size_t posts = 0, interactions = 0, items = 0, rejects = 0;

    bool post(PostRecord &&) override { return ++posts, true; }
    bool interaction(InteractionRecord &&) override { return ++interactions, true; }
    bool item(ItemRecord &&) override { return ++items, true; }
    bool reject(const std::string &, std::uint64_t, const std::string &reason) override
    {
        // Every rejected row carries a reason a person can read.
        if (reason.empty())
            std::abort();
        return ++rejects, true;
    }
    bool progress(std::uint64_t) override { return true; }
};

} // namespace chorus::fuzz
