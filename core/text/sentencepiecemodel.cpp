#include "core/text/sentencepiecemodel.h"

#include "core/text/sentencepiecelibrary.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <utility>

namespace chorus {

namespace {

Status writeFileAtomically(const std::string &path, const std::string &bytes)
{
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"cannot write " + temporary};
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            return Error{"cannot write " + temporary + " (disk full?)"};
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return Error{"cannot replace " + path};
    }
    return Status::success();
}

} // namespace

struct SentencePieceModel::Impl {
    std::string bytes;
    std::unique_ptr<SentencePieceProcessorHandle> processor;
};

SentencePieceModel::SentencePieceModel() : m_impl(std::make_unique<Impl>()) {}
SentencePieceModel::~SentencePieceModel() = default;
SentencePieceModel::SentencePieceModel(SentencePieceModel &&other) noexcept = default;
SentencePieceModel &SentencePieceModel::operator=(SentencePieceModel &&other) noexcept = default;

bool SentencePieceModel::isAvailable() { return SentencePieceLibrary::backend().ok(); }

Result<SentencePieceModel> SentencePieceModel::train(const SentenceReader &sentences, const SentencePieceOptions &options)
{
    auto backend = SentencePieceLibrary::backend();
    if (!backend)
        return backend.error();
    auto bytes = (*backend)->train(sentences, options);
    if (!bytes)
        return bytes.error();
    return fromSerialized(std::move(*bytes));
}

Result<SentencePieceModel> SentencePieceModel::train(const std::vector<std::string> &sentences,
                                                     const SentencePieceOptions &options)
{
    std::size_t next = 0;
    const SentenceReader reader = [&](std::string &sentence) {
        if (next >= sentences.size())
            return false;
        sentence = sentences[next++];
        return true;
    };
    return train(reader, options);
}

Result<SentencePieceModel> SentencePieceModel::trainFromFile(const std::string &path, const SentencePieceOptions &options)
{
    auto backend = SentencePieceLibrary::backend();
    if (!backend)
        return backend.error();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open training text " + path};
    const SentenceReader reader = [&](std::string &sentence) {
        if (!std::getline(in, sentence))
            return false;
        if (!sentence.empty() && sentence.back() == '\r')
            sentence.pop_back();
        return true;
    };
    return train(reader, options);
}

Result<SentencePieceModel> SentencePieceModel::fromSerialized(std::string bytes)
{
    auto backend = SentencePieceLibrary::backend();
    if (!backend)
        return backend.error();
    if (bytes.empty())
        return Error{"the SentencePiece model is empty"};
    auto processor = (*backend)->load(bytes);
    if (!processor)
        return processor.error();
    SentencePieceModel model;
    model.m_impl->processor = std::move(*processor);
    model.m_impl->bytes = std::move(bytes);
    return model;
}

Result<SentencePieceModel> SentencePieceModel::load(const std::string &path)
{
    auto backend = SentencePieceLibrary::backend();
    if (!backend)
        return backend.error();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open SentencePiece model " + path};
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return Error{"cannot read SentencePiece model " + path};
    Result<SentencePieceModel> model = fromSerialized(std::move(bytes));
    if (!model)
        return Error{path + ": " + model.message()};
    return model;
}

Status SentencePieceModel::save(const std::string &path) const
{
    if (!isLoaded())
        return Error{"there is no SentencePiece model to save"};
    return writeFileAtomically(path, m_impl->bytes);
}

bool SentencePieceModel::isLoaded() const { return m_impl && m_impl->processor && !m_impl->bytes.empty(); }

const std::string &SentencePieceModel::serialized() const
{
    static const std::string empty;
    return m_impl ? m_impl->bytes : empty;
}

int SentencePieceModel::vocabSize() const { return isLoaded() ? m_impl->processor->size() : 0; }

std::string SentencePieceModel::piece(int id) const { return isLoaded() ? m_impl->processor->piece(id) : std::string(); }

int SentencePieceModel::pieceId(const std::string &piece) const
{
    return isLoaded() ? m_impl->processor->pieceId(piece) : -1;
}

int SentencePieceModel::unknownId() const { return isLoaded() ? m_impl->processor->unknownId() : -1; }

std::vector<std::string> SentencePieceModel::encodePieces(std::string_view text) const
{
    return isLoaded() ? m_impl->processor->encodePieces(text) : std::vector<std::string>();
}

std::vector<int> SentencePieceModel::encodeIds(std::string_view text) const
{
    return isLoaded() ? m_impl->processor->encodeIds(text) : std::vector<int>();
}

std::string SentencePieceModel::decodeIds(const std::vector<int> &ids) const
{
    return isLoaded() ? m_impl->processor->decodeIds(ids) : std::string();
}

std::string SentencePieceModel::decodePieces(const std::vector<std::string> &pieces) const
{
    return isLoaded() ? m_impl->processor->decodePieces(pieces) : std::string();
}

} // namespace chorus
