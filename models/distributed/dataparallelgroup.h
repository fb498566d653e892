#pragma once

#include "core/util/result.h"
#include "models/distributed/distributedenvironment.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

// What one training step's exchange tells every rank.
struct StepExchange {
    double loss = 0;    // the global batch's mean loss (each rank's mean weighed by its share)
    bool stop = false;  // some rank asked to stop after this step
};

// The process group of a data-parallel run: every rank trains a replica of the model on its own
// share of each global batch, and the ranks add up their weighted gradients after each backward
// pass (one all-reduce of one flat buffer per step), so every replica takes the same optimiser step
// a single process would take on the whole batch. Built on LibTorch's c10d with Gloo, which works
// on CPU tensors; CUDA tensors travel through host memory (NCCL is not wired in yet).
// Every call catches what c10d throws and returns it as an Error that says which rank it is and
// that another rank most likely stopped: a killed peer closes its sockets, so the others fail
// within moments instead of hanging (and a silent peer fails them after the timeout).
class DataParallelGroup {
public:
    ~DataParallelGroup();
    DataParallelGroup(const DataParallelGroup &) = delete;
    DataParallelGroup &operator=(const DataParallelGroup &) = delete;

    // True when this build can run distributed (LibTorch's c10d with Gloo was found).
    static bool available();
    // Meets the other ranks at MASTER_ADDR:MASTER_PORT (rank 0 hosts the store) and opens the group.
    static Result<std::unique_ptr<DataParallelGroup>> connect(const DistributedEnvironment &environment);

    int rank() const { return m_environment.rank; }
    int size() const { return m_environment.worldSize; }
    // Rank 0 leads: it alone writes the run, its metrics and checkpoints, and evaluates.
    bool leads() const { return m_environment.rank == 0; }
    const DistributedEnvironment &environment() const { return m_environment; }

    // The contiguous part of the rows [begin, end) of a global batch that `rank` of `size` trains
    // on: the parts differ in length by at most one and cover the batch.
    static std::pair<std::size_t, std::size_t> shardOf(std::size_t begin, std::size_t end, int rank, int size);

    // Rank 0's parameters and buffers replace everyone else's (a replica initialised differently,
    // e.g. pretrained vectors read on one node only, would otherwise drift apart).
    Status broadcastModule(torch::nn::Module &module);
    // Rank 0's value, on every rank.
    Result<std::int64_t> broadcastValue(std::int64_t value);
    // Fails on every rank when the ranks' figures differ (different projects, splits or
    // vocabularies would train different models); `names` says what each figure is.
    Status checkSame(const std::vector<std::int64_t> &figures, const std::vector<std::string> &names);
    // After each rank's backward pass on its share: replaces every parameter's gradient with the
    // sum over the ranks of weight x gradient (weight = the rank's rows / the global batch's rows,
    // so the sum is the gradient of the global batch's mean loss). A parameter no rank produced a
    // gradient for keeps none, as in a single process. Also sums weight x loss and the stop flags.
    Result<StepExchange> reduceStep(const std::vector<torch::Tensor> &parameters, double weight, double loss,
                                    bool stop);

private:
    struct Backend;
    DataParallelGroup(DistributedEnvironment environment, std::unique_ptr<Backend> backend);
    Error failure(const std::string &during, const std::string &what) const;

    DistributedEnvironment m_environment;
    std::unique_ptr<Backend> m_backend;
};

} // namespace chorus
