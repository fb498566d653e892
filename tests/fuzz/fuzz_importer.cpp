// One libFuzzer target per import format: the format is chosen at compile time
// (CHORUS_FUZZ_FORMAT), the bytes become a file, and the importer must read it to the end
// without crashing, hanging or leaking, rejecting what it cannot use with a reason.
#include "core/import/importoptions.h"
#include "core/import/recordsource.h"
#include "fuzzinput.h"

#include <cstdlib>

#ifndef CHORUS_FUZZ_FORMAT
#error "CHORUS_FUZZ_FORMAT names the import format under test"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = chorus::fuzz::scratchPath("." CHORUS_FUZZ_FORMAT);
    if (!chorus::fuzz::writeScratch(path, data, size))
        return 0;
    auto source = chorus::makeRecordSource(CHORUS_FUZZ_FORMAT);
    if (!source)
        std::abort();
    chorus::ImportOptions options;
    options.format = CHORUS_FUZZ_FORMAT;
    options.dataset = "fuzz";
    chorus::fuzz::CountingSink sink;
    const chorus::Status status = source->read(path, options, sink);
    // A file the importer refuses outright says why.
    if (!status.ok() && status.message().empty())
        std::abort();
    return 0;
}
