// The devices subcommand: what this machine can train on.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "models/distributed/dataparallelgroup.h"
#include "models/runtime/deviceinfo.h"

#include <sstream>

int commandDevices(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli devices [--json]\n\n"
                               "Lists the compute devices training can use (the CPU, and each CUDA device\n"
                               "when LibTorch was built with CUDA and a GPU is present), the LibTorch version and\n"
                               "whether this build can train data-parallel over several processes (c10d/Gloo).\n"))
        return 0;
    Arguments args(argv, {}, {"json"});
    CliContext ctx("devices", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    nlohmann::json list = nlohmann::json::array();
    std::ostringstream text;
    text << "LibTorch " << chorus::DeviceInfo::torchVersion() << "\n";
    const bool distributed = chorus::DataParallelGroup::available();
    text << "Distributed training: " << (distributed ? "c10d with Gloo" : "not in this build") << "\n";
    for (const chorus::ComputeDevice &d : chorus::DeviceInfo::available()) {
        list.push_back({{"id", d.id}, {"name", d.name}});
        text << d.id << "\t" << d.name << "\n";
    }
    return ctx.succeed({{"torch", chorus::DeviceInfo::torchVersion()},
                        {"cuda", chorus::DeviceInfo::cudaAvailable()},
                        {"distributed", distributed ? nlohmann::json("gloo") : nlohmann::json(false)},
                        {"devices", list}},
                       text.str());
}
