#pragma once

// The contract between Chorus and a run-time plugin (a shared library loaded with dlopen).
//
// A plugin is two files side by side in a plugin folder:
//   NAME.plugin.json   the manifest, read BEFORE the library is loaded (see PluginManifest)
//   LIBRARY            the shared library the manifest names (e.g. chorus-mastodon.so)
//
// The library exports, with C linkage so dlsym finds them by these exact names:
//   const ChorusPluginInfo *chorus_plugin_info(void);                 always
//   chorus::ImporterPlugin *chorus_create_importer(void);             when it provides importers
//   void chorus_register_models(chorus::ModelRegistry &registry);     when it provides model families
//
// C linkage fixes the symbol names only: the objects that cross the boundary are C++ classes
// (RecordSource, PostRecord, ModelSpec, LibTorch modules) whose layout depends on the compiler, the
// C++ standard library ABI and, for models, the LibTorch version. A plugin must therefore be built
// with the same compiler family and major version, the same standard library ABI and the same
// LibTorch as the Chorus that loads it. The loader enforces this: the interface version (bumped
// whenever any class reachable from these entry points changes layout) and the ABI tag are checked
// from the manifest and again from chorus_plugin_info() before anything else is called; the
// LibTorch version is checked before chorus_register_models() runs. Libraries are never unloaded,
// because objects they made (record sources, model factories) may live until the process ends.

// Bump on any change to ChorusPluginInfo, ImporterPlugin, RecordSource, RecordSink, the record
// structs, ImportOptions, ModelSpec (with what its models take and return: ModelShape, ModelInputs,
// ModelOutputs) or the entry points above.
// 2: ModelInputs and ModelOutputs carry reply-thread inputs and post-level attention.
#define CHORUS_PLUGIN_INTERFACE_VERSION 2

#define CHORUS_PLUGIN_STRINGIFY2(x) #x
#define CHORUS_PLUGIN_STRINGIFY(x) CHORUS_PLUGIN_STRINGIFY2(x)

// The compiler and C++ library ABI a translation unit is built with, as one comparable string.
#if defined(__clang__)
#define CHORUS_PLUGIN_COMPILER "clang-" CHORUS_PLUGIN_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define CHORUS_PLUGIN_COMPILER "gcc-" CHORUS_PLUGIN_STRINGIFY(__GNUC__)
#else
#define CHORUS_PLUGIN_COMPILER "unknown-compiler"
#endif
#if defined(_GLIBCXX_USE_CXX11_ABI)
#define CHORUS_PLUGIN_STDLIB "libstdc++-cxx11abi" CHORUS_PLUGIN_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#elif defined(_LIBCPP_VERSION)
#define CHORUS_PLUGIN_STDLIB "libc++"
#else
#define CHORUS_PLUGIN_STDLIB "unknown-stdlib"
#endif
#define CHORUS_PLUGIN_ABI_TAG CHORUS_PLUGIN_COMPILER "/" CHORUS_PLUGIN_STDLIB

// Marks a plugin's entry points: C linkage, exported even when the rest is built hidden.
#define CHORUS_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

extern "C" {

// What a plugin library says about itself; the loader compares it with the manifest.
struct ChorusPluginInfo {
    int interfaceVersion;     // CHORUS_PLUGIN_INTERFACE_VERSION the plugin was compiled with
    const char *name;         // must equal the manifest's name
    const char *version;      // the plugin's own version
    const char *abiTag;       // CHORUS_PLUGIN_ABI_TAG the plugin was compiled with
    const char *torchVersion; // LibTorch the plugin was compiled against; "" when it uses none
};

typedef const ChorusPluginInfo *(*ChorusPluginInfoFunction)();

} // extern "C"

namespace chorus {

inline constexpr int kPluginInterfaceVersion = CHORUS_PLUGIN_INTERFACE_VERSION;
inline constexpr const char *kPluginAbiTag = CHORUS_PLUGIN_ABI_TAG;

inline constexpr const char *kPluginInfoSymbol = "chorus_plugin_info";
inline constexpr const char *kCreateImporterSymbol = "chorus_create_importer";
inline constexpr const char *kRegisterModelsSymbol = "chorus_register_models";

} // namespace chorus
