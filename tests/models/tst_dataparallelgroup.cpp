// The data-parallel process group on its own: the torchrun-style environment is read with errors
// that name the variable, batches are sharded without gaps, and two ranks (threads of this process,
// each with its own c10d group over loopback) add their row-weighted gradients up to exactly the
// gradient one process computes on the whole batch. A rank that goes away makes the other fail
// with a message instead of hanging.
#include "models/distributed/dataparallelgroup.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

using namespace chorus;

namespace {

// A TCP port nobody listens on right now (the kernel's pick for an ephemeral bind).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        if (fd >= 0)
            ::close(fd);
        return 0;
    }
    const int port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

Result<std::optional<DistributedEnvironment>> parse(const std::map<std::string, std::string> &variables)
{
    return DistributedEnvironment::fromEnvironment([&](const char *name) -> const char * {
        const auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    });
}

DistributedEnvironment rankOf(int rank, int port, int timeoutSeconds = 60)
{
    DistributedEnvironment environment;
    environment.masterAddress = "127.0.0.1";
    environment.masterPort = port;
    environment.rank = rank;
    environment.worldSize = 2;
    environment.localRank = rank;
    environment.timeoutSeconds = timeoutSeconds;
    return environment;
}

// Opens both ranks' groups at once (rank 0's store waits for rank 1).
std::pair<std::unique_ptr<DataParallelGroup>, std::unique_ptr<DataParallelGroup>> connectPair(int timeoutSeconds = 60)
{
    const int port = freePort();
    std::unique_ptr<DataParallelGroup> groups[2];
    std::string errors[2];
    std::thread ranks[2];
    for (int r = 0; r < 2; ++r)
        ranks[r] = std::thread([&, r] {
            auto group = DataParallelGroup::connect(rankOf(r, port, timeoutSeconds));
            if (group)
                groups[r] = std::move(*group);
            else
                errors[r] = group.message();
        });
    for (std::thread &t : ranks)
        t.join();
    if (!errors[0].empty() || !errors[1].empty())
        qWarning("connect: %s | %s", errors[0].c_str(), errors[1].c_str());
    return {std::move(groups[0]), std::move(groups[1])};
}

} // namespace

class DataParallelGroupTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void environmentIsReadLikeTorchrun()
    {
        auto none = parse({});
        QVERIFY(none && !none->has_value());
        auto single = parse({{"WORLD_SIZE", "1"}, {"RANK", "0"}});
        QVERIFY(single && !single->has_value());

        auto ok = parse({{"WORLD_SIZE", "4"}, {"RANK", "3"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"},
                         {"MASTER_PORT", "29500"}, {"CHORUS_DIST_TIMEOUT", "90"}});
        QVERIFY2(ok, ok ? "" : ok.message().c_str());
        QVERIFY(ok->has_value());
        const DistributedEnvironment &e = **ok;
        QCOMPARE(e.worldSize, 4);
        QCOMPARE(e.rank, 3);
        QCOMPARE(e.localRank, 1);
        QCOMPARE(e.masterAddress, std::string("node7"));
        QCOMPARE(e.masterPort, 29500);
        QCOMPARE(e.timeoutSeconds, 90);
        // LOCAL_RANK defaults to RANK (one node).
        auto local = parse({{"WORLD_SIZE", "2"}, {"RANK", "1"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}});
        QVERIFY(local && (*local)->localRank == 1);

        const std::map<std::string, std::string> base = {
            {"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_ADDR", "127.0.0.1"}, {"MASTER_PORT", "29500"}};
        auto without = [&](const std::string &name) {
            auto copy = base;
            copy.erase(name);
            return parse(copy);
        };
        auto with = [&](const std::string &name, const std::string &value) {
            auto copy = base;
            copy[name] = value;
            return parse(copy);
        };
        auto mentions = [](const Result<std::optional<DistributedEnvironment>> &result, const char *name) {
            return !result && result.message().find(name) != std::string::npos;
        };
        QVERIFY(mentions(without("RANK"), "RANK"));
        QVERIFY(mentions(without("MASTER_ADDR"), "MASTER_ADDR"));
        QVERIFY(mentions(without("MASTER_PORT"), "MASTER_PORT"));
        QVERIFY(mentions(without("WORLD_SIZE"), "WORLD_SIZE")); // RANK alone
        QVERIFY(mentions(with("RANK", "2"), "RANK"));
        QVERIFY(mentions(with("RANK", "-1"), "RANK"));
        QVERIFY(mentions(with("WORLD_SIZE", "two"), "WORLD_SIZE"));
        QVERIFY(mentions(with("MASTER_PORT", "70000"), "MASTER_PORT"));
        QVERIFY(mentions(with("LOCAL_RANK", "x"), "LOCAL_RANK"));
        QVERIFY(mentions(with("CHORUS_DIST_TIMEOUT", "0"), "CHORUS_DIST_TIMEOUT"));
    }

    void shardsCoverTheBatch()
    {
        for (std::size_t rows : {0U, 1U, 2U, 7U, 16U, 33U})
            for (int size : {1, 2, 3, 5}) {
                std::size_t next = 100;
                std::size_t smallest = rows, largest = 0;
                for (int rank = 0; rank < size; ++rank) {
                    const auto [from, to] = DataParallelGroup::shardOf(100, 100 + rows, rank, size);
                    QCOMPARE(from, next);
                    QVERIFY(to >= from);
                    smallest = std::min(smallest, to - from);
                    largest = std::max(largest, to - from);
                    next = to;
                }
                QCOMPARE(next, 100 + rows);
                QVERIFY(largest - smallest <= 1);
            }
    }

    void twoRanksAddUpToTheWholeBatch()
    {
        if (!DataParallelGroup::available())
            QSKIP("this build has no c10d with Gloo (libgloo-dev)");
        torch::manual_seed(11);
        const torch::Tensor x = torch::randn({8, 5});
        const torch::Tensor y = torch::tensor({0, 1, 2, 1, 0, 2, 2, 1}, torch::kLong);
        // The reference: one process, the whole batch.
        torch::nn::Linear reference(5, 3);
        torch::Tensor unused = reference->register_parameter("unused", torch::zeros({2}));
        const torch::Tensor fullLoss = torch::nn::functional::cross_entropy(reference(x), y);
        fullLoss.backward();

        auto [first, second] = connectPair();
        QVERIFY(first && second);
        DataParallelGroup *groups[2] = {first.get(), second.get()};
        torch::nn::Linear replicas[2] = {torch::nn::Linear(5, 3), torch::nn::Linear(5, 3)};
        for (auto &replica : replicas)
            replica->register_parameter("unused", torch::zeros({2}));
        // Rank 1 starts from other weights: the broadcast must make it rank 0's, and rank 0's
        // are the reference's.
        {
            torch::NoGradGuard noGrad;
            replicas[0]->weight.copy_(reference->weight);
            replicas[0]->bias.copy_(reference->bias);
            replicas[1]->weight.fill_(0.5);
        }
        const std::size_t bounds[3] = {0, 3, 8}; // uneven shares: 3 and 5 rows
        Result<StepExchange> exchanges[2] = {Error{"not run"}, Error{"not run"}};
        Status broadcasts[2];
        Result<std::int64_t> values[2] = {Error{"not run"}, Error{"not run"}};
        std::thread ranks[2];
        for (int r = 0; r < 2; ++r)
            ranks[r] = std::thread([&, r] {
                broadcasts[r] = groups[r]->broadcastModule(*replicas[r]);
                values[r] = groups[r]->broadcastValue(r == 0 ? 42 : 7);
                const auto rows = torch::indexing::Slice(static_cast<std::int64_t>(bounds[r]),
                                                         static_cast<std::int64_t>(bounds[r + 1]));
                const torch::Tensor loss =
                    torch::nn::functional::cross_entropy(replicas[r](x.index({rows})), y.index({rows}));
                loss.backward();
                const double share = static_cast<double>(bounds[r + 1] - bounds[r]) / 8.0;
                exchanges[r] = groups[r]->reduceStep(replicas[r]->parameters(), share, loss.item<double>(), r == 1);
            });
        for (std::thread &t : ranks)
            t.join();
        for (int r = 0; r < 2; ++r) {
            QVERIFY2(broadcasts[r].ok(), broadcasts[r].message().c_str());
            QVERIFY(values[r]);
            QCOMPARE(*values[r], std::int64_t(42));
            QVERIFY2(exchanges[r], exchanges[r] ? "" : exchanges[r].message().c_str());
            QVERIFY(std::abs(exchanges[r]->loss - fullLoss.item<double>()) < 1e-6);
            QVERIFY(exchanges[r]->stop); // rank 1 asked
            QVERIFY(torch::allclose(replicas[r]->weight, reference->weight));
            QVERIFY(torch::allclose(replicas[r]->weight.grad(), reference->weight.grad(), 1e-5, 1e-6));
            QVERIFY(torch::allclose(replicas[r]->bias.grad(), reference->bias.grad(), 1e-5, 1e-6));
            // No rank had a gradient for it, so it has none, as in the single process.
            QVERIFY(!replicas[r]->named_parameters()["unused"].grad().defined());
        }
        QVERIFY(!unused.grad().defined());
    }

    void differentDataIsRefusedOnEveryRank()
    {
        if (!DataParallelGroup::available())
            QSKIP("this build has no c10d with Gloo (libgloo-dev)");
        auto [first, second] = connectPair();
        QVERIFY(first && second);
        DataParallelGroup *groups[2] = {first.get(), second.get()};
        Status results[2];
        std::thread ranks[2];
        for (int r = 0; r < 2; ++r)
            ranks[r] = std::thread([&, r] {
                results[r] = groups[r]->checkSame({640, r == 0 ? 1200 : 1190}, {"training posts", "vocabulary size"});
            });
        for (std::thread &t : ranks)
            t.join();
        for (const Status &status : results) {
            QVERIFY(!status.ok());
            QVERIFY2(status.message().find("vocabulary size: from 1190 to 1200") != std::string::npos,
                     status.message().c_str());
        }
    }

    void aVanishedRankFailsTheOtherInsteadOfHanging()
    {
        if (!DataParallelGroup::available())
            QSKIP("this build has no c10d with Gloo (libgloo-dev)");
        auto [first, second] = connectPair(30);
        QVERIFY(first && second);
        torch::nn::Linear model(3, 2);
        model(torch::randn({4, 3})).sum().backward();
        second.reset(); // rank 1 is gone: its sockets close
        const auto started = std::chrono::steady_clock::now();
        auto exchange = first->reduceStep(model->parameters(), 1.0, 0.5, false);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        QVERIFY(!exchange);
        QVERIFY2(exchange.message().find("rank 0 of 2") != std::string::npos, exchange.message().c_str());
        QVERIFY2(exchange.message().find("another rank") != std::string::npos, exchange.message().c_str());
        QVERIFY2(seconds < 35, qPrintable(QString::number(seconds)));
    }

    void connectingAloneTimesOutWithAMessage()
    {
        if (!DataParallelGroup::available())
            QSKIP("this build has no c10d with Gloo (libgloo-dev)");
        // Rank 1 never starts: rank 0's store gives up after the timeout and says so.
        auto group = DataParallelGroup::connect(rankOf(0, freePort(), 2));
        QVERIFY(!group);
        QVERIFY2(group.message().find("cannot meet the other ranks") != std::string::npos, group.message().c_str());
    }
};

QTEST_GUILESS_MAIN(DataParallelGroupTest)
#include "tst_dataparallelgroup.moc"
