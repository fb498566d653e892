#include "core/util/faultinjection.h"

#include <cstdio>
#include <cstdlib>
#include <new>

namespace chorus {
namespace {

std::optional<std::int64_t> nonNegativeNumber(const char *variable)
{
    const char *value = std::getenv(variable);
    if (!value || !*value)
        return std::nullopt;
    char *end = nullptr;
    const long long number = std::strtoll(value, &end, 10);
    if (*end != '\0' || number < 0)
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

} // namespace

std::optional<std::int64_t> FaultInjection::sqliteBytesAllowed()
{
    static const std::optional<std::int64_t> value = nonNegativeNumber("CHORUS_FAULT_DISK_FULL_AFTER");
    return value;
}

std::optional<std::int64_t> FaultInjection::checkpointBytesAllowed()
{
    static const std::optional<std::int64_t> value = nonNegativeNumber("CHORUS_FAULT_CHECKPOINT_FULL_AFTER");
    return value;
}

std::int64_t FaultInjection::checkpointChunkDelayMicroseconds()
{
    static const std::int64_t value = nonNegativeNumber("CHORUS_FAULT_CHECKPOINT_SLOW_US").value_or(0);
    return value;
}

FaultInjection::TrainingFault FaultInjection::parseTrainingFault(const std::string &text)
{
    TrainingFault fault;
    const std::size_t at = text.find('@');
    if (at == std::string::npos)
        return fault;
    const std::string kind = text.substr(0, at);
    const std::string step = text.substr(at + 1);
    if (step.empty() || step.find_first_not_of("0123456789") != std::string::npos || step.size() > 18)
        return fault;
    if (kind == "abort")
        fault.kind = TrainingFault::Kind::Abort;
    else if (kind == "bad_alloc")
        fault.kind = TrainingFault::Kind::BadAlloc;
    else
        return fault;
    fault.step = std::stoll(step);
    return fault;
}

void FaultInjection::atTrainingStep(std::int64_t step)
{
    static const TrainingFault fault = [] {
        const char *value = std::getenv("CHORUS_FAULT_TRAINING");
        return value ? parseTrainingFault(value) : TrainingFault{};
    }();
    if (fault.kind == TrainingFault::Kind::None || step != fault.step)
        return;
    if (fault.kind == TrainingFault::Kind::Abort) {
        std::fprintf(stderr, "fault injection (CHORUS_FAULT_TRAINING): the worker aborts at step %lld\n",
                     static_cast<long long>(step));
        std::fflush(stderr);
        std::abort();
    }
    throw std::bad_alloc();
}

} // namespace chorus
