#include "models/distributed/distributedenvironment.h"

#include <cstdlib>

namespace chorus {

namespace {

// A whole decimal number in [low, high], or an Error naming the variable and what it holds.
Result<int> integerVariable(const char *name, const char *value, long low, long high)
{
    const std::string text = value;
    const std::string range = "between " + std::to_string(low) + " and " + std::to_string(high);
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return Error{std::string(name) + ": expected a whole number " + range + ", got '" + text + "'"};
    const long number = std::strtol(text.c_str(), nullptr, 10);
    if (number < low || number > high)
        return Error{std::string(name) + ": must be " + range + ", got " + text};
    return static_cast<int>(number);
}

} // namespace

Result<std::optional<DistributedEnvironment>> DistributedEnvironment::fromEnvironment(const Lookup &lookup)
{
    auto get = [&](const char *name) -> const char * {
        const char *value = lookup ? lookup(name) : std::getenv(name);
        return value && *value ? value : nullptr;
    };
    const char *world = get("WORLD_SIZE");
    if (!world) {
        if (get("RANK"))
            return Error{"RANK is set but WORLD_SIZE is not: a distributed run needs both (and MASTER_ADDR, MASTER_PORT)"};
        return std::optional<DistributedEnvironment>();
    }
    DistributedEnvironment environment;
    auto worldSize = integerVariable("WORLD_SIZE", world, 1, 65536);
    if (!worldSize)
        return worldSize.error();
    environment.worldSize = *worldSize;
    if (environment.worldSize == 1)
        return std::optional<DistributedEnvironment>();

    const char *rank = get("RANK");
    if (!rank)
        return Error{"WORLD_SIZE is " + std::to_string(environment.worldSize) +
                     " but RANK is not set: every process of a distributed run needs its RANK (0 to " +
                     std::to_string(environment.worldSize - 1) + ")"};
    auto rankValue = integerVariable("RANK", rank, 0, environment.worldSize - 1);
    if (!rankValue)
        return Error{rankValue.message() + " (WORLD_SIZE is " + std::to_string(environment.worldSize) + ")"};
    environment.rank = *rankValue;

    const char *address = get("MASTER_ADDR");
    if (!address)
        return Error{"MASTER_ADDR is not set: the host name or address of rank 0, where the ranks meet"};
    environment.masterAddress = address;
    const char *port = get("MASTER_PORT");
    if (!port)
        return Error{"MASTER_PORT is not set: the TCP port on MASTER_ADDR where rank 0 waits for the others"};
    auto portValue = integerVariable("MASTER_PORT", port, 1, 65535);
    if (!portValue)
        return portValue.error();
    environment.masterPort = *portValue;

    if (const char *local = get("LOCAL_RANK")) {
        auto localValue = integerVariable("LOCAL_RANK", local, 0, environment.worldSize - 1);
        if (!localValue)
            return localValue.error();
        environment.localRank = *localValue;
    } else {
        environment.localRank = environment.rank;
    }
    if (const char *timeout = get("CHORUS_DIST_TIMEOUT")) {
        auto seconds = integerVariable("CHORUS_DIST_TIMEOUT", timeout, 1, 86400);
        if (!seconds)
            return seconds.error();
        environment.timeoutSeconds = *seconds;
    }
    return std::optional<DistributedEnvironment>(environment);
}

std::string DistributedEnvironment::describe() const
{
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local rank " +
           std::to_string(localRank) + "), store at " + masterAddress + ":" + std::to_string(masterPort);
}

} // namespace chorus
