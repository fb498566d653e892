#pragma once

namespace chorus {

class PluginManager;

// Runs chorus_register_models() of every loaded model plugin against ModelRegistry::instance(), so
// their families appear in `chorus-cli models`, the GUI form and run configs like built-in ones.
// A plugin built against another LibTorch, one that throws, or one whose registered families differ
// from its manifest's provides.models is marked failed in `plugins` with the reason. (Families a
// plugin did register before failing stay in the registry until the process ends: the registry has
// no removal, and nothing has used them yet.) Touches the registry only when a model plugin is
// loaded. Call once, after PluginManager::load().
void registerPluginModels(PluginManager &plugins);

} // namespace chorus
