#pragma once

#include "core/util/result.h"

#include <functional>
#include <optional>
#include <string>

namespace chorus {

// Where a data-parallel run finds its peers, read the way PyTorch's launchers (torchrun, Slurm
// scripts written for PyTorch) already hand it to every process: MASTER_ADDR, MASTER_PORT, RANK,
// WORLD_SIZE and LOCAL_RANK in the environment. Rank 0 hosts the rendezvous store on
// MASTER_ADDR:MASTER_PORT; LOCAL_RANK picks the CUDA device on a node with several.
struct DistributedEnvironment {
    std::string masterAddress;
    int masterPort = 0;
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    // How long a collective waits for the other ranks before it fails (CHORUS_DIST_TIMEOUT,
    // seconds); PyTorch's default of 30 minutes, since rank 0 evaluates while the others wait.
    int timeoutSeconds = 1800;

    using Lookup = std::function<const char *(const char *name)>;

    // No value when WORLD_SIZE is unset or 1 (an ordinary run); an Error naming the variable when
    // one is malformed or missing (RANK without WORLD_SIZE, RANK >= WORLD_SIZE, a port out of
    // range, ...). `lookup` defaults to std::getenv; tests pass their own.
    static Result<std::optional<DistributedEnvironment>> fromEnvironment(const Lookup &lookup = Lookup());

    std::string describe() const; // "rank 1 of 2 (local rank 1), store at host:port"
};

} // namespace chorus
