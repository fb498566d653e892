#include <torch/torch.h>

#include "models/registry/pluginmodels.h"

#include "core/plugins/pluginmanager.h"
#include "models/registry/modelregistry.h"

#include <algorithm>
#include <exception>
#include <set>
#include <string>
#include <vector>

namespace chorus {

void registerPluginModels(PluginManager &plugins)
{
    const std::vector<PluginManager::ModelProvider> providers = plugins.modelProviders();
    if (providers.empty())
        return;
    ModelRegistry &registry = ModelRegistry::instance();
    for (const PluginManager::ModelProvider &provider : providers) {
        // Model plugins hand LibTorch modules across the boundary: the library must be the same.
        if (provider.torchVersion != TORCH_VERSION) {
            plugins.markFailed(provider.name, "built against LibTorch " +
                                                  (provider.torchVersion.empty() ? std::string("(none)")
                                                                                 : provider.torchVersion) +
                                                  ", but this Chorus uses LibTorch " TORCH_VERSION);
            continue;
        }
        std::set<std::string> before;
        for (const ModelSpec &spec : registry.models())
            before.insert(spec.name);
        try {
            provider.registerModels(registry);
        } catch (const std::exception &e) {
            plugins.markFailed(provider.name, std::string("chorus_register_models() failed: ") + e.what());
            continue;
        } catch (...) {
            plugins.markFailed(provider.name, "chorus_register_models() failed");
            continue;
        }
        std::vector<std::string> added;
        for (const ModelSpec &spec : registry.models())
            if (!before.count(spec.name))
                added.push_back(spec.name);
        std::string problem;
        for (const std::string &name : provider.models)
            if (std::find(added.begin(), added.end(), name) == added.end())
                problem = "its manifest lists model family '" + name + "', which it did not register";
        for (const std::string &name : added)
            if (std::find(provider.models.begin(), provider.models.end(), name) == provider.models.end())
                problem = "it registered model family '" + name + "', which its manifest does not list";
        if (!problem.empty()) {
            plugins.markFailed(provider.name, problem);
            continue;
        }
        plugins.setRegisteredModels(provider.name, added);
    }
}

} // namespace chorus
