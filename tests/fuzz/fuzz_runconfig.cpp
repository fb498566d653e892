// Run and model configuration: any bytes, parsed as JSON, then as a run config (with and without
// a parameter schema that is itself read from the input) must give a config or an error naming
// a field, never a crash or an exception.
#include "core/training/paramspec.h"
#include "core/training/runconfig.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const nlohmann::json json = nlohmann::json::parse(data, data + size, nullptr, false);
    if (json.is_discarded())
        return 0;
    for (bool requiresTask : {false, true}) {
        auto config = chorus::RunConfig::parse(json, nullptr, requiresTask);
        if (!config.ok() && config.message().empty())
            std::abort();
        if (config.ok()) {
            // What a run stores must parse again to the same config.
            auto again = chorus::RunConfig::parse(config->toJson(), nullptr, requiresTask);
            if (!again.ok() || again->toJson() != config->toJson())
                std::abort();
        }
    }
    if (json.is_object() && json.contains("schema")) {
        auto schema = chorus::ParamSchema::fromJson(json["schema"]);
        if (schema.ok()) {
            auto config = chorus::RunConfig::parse(json, &*schema, false);
            if (!config.ok() && config.message().empty())
                std::abort();
        }
    }
    return 0;
}
