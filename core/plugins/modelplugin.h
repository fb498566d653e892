#pragma once

// The model-plugin side of the plugin contract, declared without LibTorch so the loader in core can
// resolve it. A model plugin exports
//
//   CHORUS_PLUGIN_EXPORT void chorus_register_models(chorus::ModelRegistry &registry);
//
// which calls registry.add(ModelSpec{...}) once per family it lists under provides.models in its
// manifest: a name, display name, description, inputs, explains, trainer and ParamSchema exactly as
// a built-in family (models/registry/modelspec.h), so it appears in `chorus-cli models`, in the
// GUI's model form and in run configs like any other family. The function runs once, after the
// loader has checked the interface version, the ABI tag and the LibTorch version; registering a name
// the manifest does not list, or missing one it lists, marks the plugin failed. Exceptions thrown
// from it are caught and reported as the plugin's failure.

namespace chorus {
class ModelRegistry;
}

using ChorusRegisterModelsFunction = void (*)(chorus::ModelRegistry &registry);
