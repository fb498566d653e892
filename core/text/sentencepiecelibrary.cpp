#include "core/text/sentencepiecelibrary.h"

#include "core/plugins/pluginpaths.h"

#include <dlfcn.h>

#include <mutex>

namespace chorus {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

Result<SentencePieceBackend *> loadBackend()
{
#ifndef CHORUS_HAVE_SENTENCEPIECE
    return Error{"this build has no SentencePiece support (libsentencepiece was not found when it was built)"};
#else
    if (kSanitized)
        return Error{"SentencePiece is not available in sanitizer builds (its module needs RTLD_DEEPBIND, which "
                     "AddressSanitizer does not support)"};
    const std::string path = SentencePieceLibrary::modulePath();
    if (path.empty())
        return Error{"SentencePiece: cannot tell where this program is installed, so not where its module is"};
    dlerror();
    void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
        const char *reason = dlerror();
        return Error{"SentencePiece is not available: cannot load " + path + ": " + (reason ? reason : "dlopen failed")};
    }
    auto entry = reinterpret_cast<SentencePieceEntryPoint>(::dlsym(handle, kSentencePieceEntryPoint));
    if (!entry)
        return Error{"SentencePiece is not available: " + path + " has no " + kSentencePieceEntryPoint};
    SentencePieceBackend *backend = entry(kSentencePieceInterfaceVersion);
    if (!backend)
        return Error{"SentencePiece is not available: " + path + " was built for another interface version"};
    // The handle stays open: the backend and the models it hands out live in the module.
    return backend;
#endif
}

} // namespace

std::string SentencePieceLibrary::modulePath()
{
    const std::string plugins = pluginpaths::installedFolder(); // <prefix>/lib/chorus/plugins
    const std::size_t slash = plugins.find_last_of('/');
    if (plugins.empty() || slash == std::string::npos)
        return {};
    return plugins.substr(0, slash) + "/chorus-sentencepiece.so";
}

Result<SentencePieceBackend *> SentencePieceLibrary::backend()
{
    static std::once_flag once;
    static Result<SentencePieceBackend *> loaded = Error{"not loaded"};
    std::call_once(once, [] { loaded = loadBackend(); });
    return loaded;
}

} // namespace chorus
