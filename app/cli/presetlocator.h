#pragma once

#include <string>
#include <vector>

// Where the run-config presets live, for a chorus-cli started from an installation or a build tree.
class PresetLocator {
public:
    // $CHORUS_RESOURCES/presets, then share/chorus/presets beside the executable's bin/, then the
    // source tree's resources/presets as seen from a build directory inside it (same order as the
    // workbench's model form). Only folders that exist.
    static std::vector<std::string> directories();

    // A --config value: an existing file is itself; a bare name such as "textcnn-demo-sentiment"
    // (".json" optional) is the first preset of that name. Anything else comes back unchanged so the
    // caller's "cannot open" names what the user typed.
    static std::string resolve(const std::string &configArgument);
};
