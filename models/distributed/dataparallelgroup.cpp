#include "models/distributed/dataparallelgroup.h"

#ifdef CHORUS_HAVE_DISTRIBUTED
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

#include <chrono>
#include <cstdlib>
#include <exception>

namespace chorus {

#ifdef CHORUS_HAVE_DISTRIBUTED
struct DataParallelGroup::Backend {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};
#else
struct DataParallelGroup::Backend {};
#endif

namespace {

// c10d's messages carry a C++ stack trace after the first line; the first line is the news.
std::string firstLine(const std::string &text)
{
    const std::size_t newline = text.find('\n');
    return newline == std::string::npos ? text : text.substr(0, newline);
}

#ifdef CHORUS_HAVE_DISTRIBUTED
bool isLoopback(const std::string &address)
{
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}
#endif

} // namespace

DataParallelGroup::DataParallelGroup(DistributedEnvironment environment, std::unique_ptr<Backend> backend)
    : m_environment(std::move(environment)), m_backend(std::move(backend))
{
}

DataParallelGroup::~DataParallelGroup() = default;

bool DataParallelGroup::available()
{
#ifdef CHORUS_HAVE_DISTRIBUTED
    return true;
#else
    return false;
#endif
}

std::pair<std::size_t, std::size_t> DataParallelGroup::shardOf(std::size_t begin, std::size_t end, int rank, int size)
{
    const std::size_t rows = end > begin ? end - begin : 0;
    const auto parts = static_cast<std::size_t>(size > 0 ? size : 1);
    const auto part = static_cast<std::size_t>(rank);
    return {begin + rows * part / parts, begin + rows * (part + 1) / parts};
}

Error DataParallelGroup::failure(const std::string &during, const std::string &what) const
{
    const std::string line = firstLine(what);
    std::string hint;
    if (line.find("onnection") != std::string::npos || line.find("Broken pipe") != std::string::npos ||
        line.find("imed out") != std::string::npos || line.find("imeout") != std::string::npos ||
        line.find("reset by peer") != std::string::npos)
        hint = "; another rank stopped or cannot be reached (see its own output: it may have failed or been killed)";
    return Error{"distributed training, rank " + std::to_string(rank()) + " of " + std::to_string(size()) + ", " +
                 during + ": " + line + hint};
}

#ifdef CHORUS_HAVE_DISTRIBUTED

Result<std::unique_ptr<DataParallelGroup>> DataParallelGroup::connect(const DistributedEnvironment &environment)
{
    const std::string where = environment.describe();
    try {
        const auto timeout = std::chrono::seconds(environment.timeoutSeconds);
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(environment.masterPort);
        storeOptions.isServer = environment.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(environment.worldSize);
        storeOptions.timeout = timeout;
        auto backend = std::make_unique<Backend>();
        backend->store = c10::make_intrusive<c10d::TCPStore>(environment.masterAddress, storeOptions);

        auto options = c10d::ProcessGroupGloo::Options::create(std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
        // As PyTorch: GLOO_SOCKET_IFNAME names the network interface; otherwise the host's own name,
        // except on a single machine talking over loopback, where that name may not resolve.
        if (const char *interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
        else if (isLoopback(environment.masterAddress))
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        backend->group = c10::make_intrusive<c10d::ProcessGroupGloo>(backend->store, environment.rank,
                                                                     environment.worldSize, options);
        return std::unique_ptr<DataParallelGroup>(new DataParallelGroup(environment, std::move(backend)));
    } catch (const std::exception &e) {
        std::string hint;
        const std::string line = firstLine(e.what());
        if (line.find("imed out") != std::string::npos || line.find("imeout") != std::string::npos)
            hint = " (not every rank arrived within CHORUS_DIST_TIMEOUT; are all WORLD_SIZE processes started?)";
        return Error{"distributed training, " + where + ": cannot meet the other ranks: " + line + hint};
    }
}

Status DataParallelGroup::broadcastModule(torch::nn::Module &module)
{
    try {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> tensors = module.parameters();
        for (const torch::Tensor &buffer : module.buffers())
            tensors.push_back(buffer);
        for (torch::Tensor &tensor : tensors) {
            std::vector<at::Tensor> host{tensor.detach().to(torch::kCPU).contiguous().clone()};
            c10d::BroadcastOptions options;
            options.rootRank = 0;
            m_backend->group->broadcast(host, options)->wait();
            tensor.copy_(host.front().to(tensor.device()));
        }
        return Status::success();
    } catch (const std::exception &e) {
        return failure("sharing rank 0's initial model", e.what());
    }
}

Result<std::int64_t> DataParallelGroup::broadcastValue(std::int64_t value)
{
    try {
        std::vector<at::Tensor> host{torch::tensor({static_cast<int64_t>(value)}, torch::kLong)};
        c10d::BroadcastOptions options;
        options.rootRank = 0;
        m_backend->group->broadcast(host, options)->wait();
        return static_cast<std::int64_t>(host.front()[0].item<int64_t>());
    } catch (const std::exception &e) {
        return failure("receiving rank 0's decision", e.what());
    }
}

Status DataParallelGroup::checkSame(const std::vector<std::int64_t> &figures, const std::vector<std::string> &names)
{
    try {
        std::vector<int64_t> values(figures.begin(), figures.end());
        auto reduce = [&](const c10d::ReduceOp &op) {
            std::vector<at::Tensor> host{torch::tensor(values, torch::kLong)};
            c10d::AllreduceOptions options;
            options.reduceOp = op;
            m_backend->group->allreduce(host, options)->wait();
            return host.front();
        };
        const torch::Tensor highest = reduce(c10d::ReduceOp::MAX);
        const torch::Tensor lowest = reduce(c10d::ReduceOp::MIN);
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const auto index = static_cast<std::int64_t>(i);
            const int64_t low = lowest[index].item<int64_t>();
            const int64_t high = highest[index].item<int64_t>();
            if (low != high)
                return Error{"distributed training, rank " + std::to_string(rank()) + " of " + std::to_string(size()) +
                             ": the ranks read different data (" + (i < names.size() ? names[i] : "figure " + std::to_string(i)) +
                             ": from " + std::to_string(low) + " to " + std::to_string(high) + " across the ranks, " +
                             std::to_string(figures[i]) + " here); every rank must open the same project (a copy of "
                             "rank 0's file) with the same config"};
        }
        return Status::success();
    } catch (const std::exception &e) {
        return failure("comparing the ranks' data", e.what());
    }
}

Result<StepExchange> DataParallelGroup::reduceStep(const std::vector<torch::Tensor> &parameters, double weight,
                                                   double loss, bool stop)
{
    try {
        torch::NoGradGuard noGrad;
        const auto count = static_cast<std::int64_t>(parameters.size());
        std::vector<torch::Tensor> pieces;
        pieces.reserve(parameters.size() + 1);
        // Tail: weight x loss, the stop flag, then per parameter whether this rank has a gradient.
        torch::Tensor tail = torch::zeros({2 + count}, torch::kFloat);
        auto tailValues = tail.accessor<float, 1>();
        tailValues[0] = static_cast<float>(weight * loss);
        tailValues[1] = stop ? 1.0F : 0.0F;
        for (std::int64_t i = 0; i < count; ++i) {
            const torch::Tensor &parameter = parameters[static_cast<std::size_t>(i)];
            const torch::Tensor &gradient = parameter.grad();
            if (gradient.defined()) {
                const torch::Tensor dense = gradient.is_sparse() ? gradient.to_dense() : gradient;
                pieces.push_back((dense.detach().to(torch::kCPU, torch::kFloat) * weight).reshape({-1}));
                tailValues[2 + i] = 1.0F;
            } else {
                pieces.push_back(torch::zeros({parameter.numel()}, torch::kFloat));
            }
        }
        pieces.push_back(tail);
        std::vector<at::Tensor> flat{torch::cat(pieces)};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::SUM;
        m_backend->group->allreduce(flat, options)->wait();

        const torch::Tensor &sum = flat.front();
        std::int64_t offset = 0;
        std::int64_t total = 0;
        for (const torch::Tensor &parameter : parameters)
            total += parameter.numel();
        const torch::Tensor sums = sum.narrow(0, total, 2 + count);
        for (std::int64_t i = 0; i < count; ++i) {
            const torch::Tensor &parameter = parameters[static_cast<std::size_t>(i)];
            const std::int64_t n = parameter.numel();
            if (sums[2 + i].item<float>() > 0) {
                torch::Tensor reduced =
                    sum.narrow(0, offset, n).view(parameter.sizes()).to(parameter.device(), parameter.scalar_type());
                if (parameter.grad().defined())
                    parameter.mutable_grad().copy_(reduced);
                else
                    parameter.mutable_grad() = reduced.clone();
            }
            offset += n;
        }
        StepExchange exchange;
        exchange.loss = sums[0].item<double>();
        exchange.stop = sums[1].item<float>() > 0;
        return exchange;
    } catch (const std::exception &e) {
        return failure("adding up the gradients", e.what());
    }
}

#else // no c10d: the group cannot be opened, so the other calls are never reached.

Result<std::unique_ptr<DataParallelGroup>> DataParallelGroup::connect(const DistributedEnvironment &environment)
{
    return Error{"WORLD_SIZE is " + std::to_string(environment.worldSize) +
                 ", but this chorus-cli was built without distributed training (no LibTorch c10d with Gloo at "
                 "configure time; on Debian install libgloo-dev and rebuild)"};
}

Status DataParallelGroup::broadcastModule(torch::nn::Module &)
{
    return failure("sharing rank 0's initial model", "not built with distributed training");
}

Result<std::int64_t> DataParallelGroup::broadcastValue(std::int64_t)
{
    return failure("receiving rank 0's decision", "not built with distributed training");
}

Status DataParallelGroup::checkSame(const std::vector<std::int64_t> &, const std::vector<std::string> &)
{
    return failure("comparing the ranks' data", "not built with distributed training");
}

Result<StepExchange> DataParallelGroup::reduceStep(const std::vector<torch::Tensor> &, double, double, bool)
{
    return failure("adding up the gradients", "not built with distributed training");
}

#endif

} // namespace chorus
