#include "core/text/sentencepiecemodel.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <utility>

#ifdef CHORUS_HAVE_SENTENCEPIECE
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>
#endif

namespace chorus {

namespace {

constexpr const char *kUnavailable = "this build has no SentencePiece support";

#ifdef CHORUS_HAVE_SENTENCEPIECE
// Feeds SentencePiece's trainer from a SentenceReader, so training streams from wherever the
// caller keeps its posts (a database query, a file) instead of a temporary file.
class ReaderIterator final : public sentencepiece::SentenceIterator {
public:
    explicit ReaderIterator(const SentencePieceModel::SentenceReader &reader) : m_reader(reader) { Next(); }

    bool done() const override { return m_done; }
    const std::string &value() const override { return m_value; }
    sentencepiece::util::Status status() const override { return m_status; }

    void Next() override
    {
        if (m_done)
            return;
        try {
            // Empty lines teach the model nothing and SentencePiece would count them as sentences.
            do {
                m_value.clear();
                if (!m_reader(m_value)) {
                    m_done = true;
                    return;
                }
            } while (m_value.empty());
            ++m_count;
        } catch (const std::exception &e) {
            m_status = sentencepiece::util::Status(sentencepiece::util::StatusCode::kInternal,
                                                   std::string("reading training sentences failed: ") + e.what());
            m_done = true;
        }
    }

    std::int64_t count() const { return m_count; }

private:
    const SentencePieceModel::SentenceReader &m_reader;
    std::string m_value;
    sentencepiece::util::Status m_status;
    std::int64_t m_count = 0;
    bool m_done = false;
};
#endif

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
#ifdef CHORUS_HAVE_SENTENCEPIECE
    sentencepiece::SentencePieceProcessor processor;
#endif
};

SentencePieceModel::SentencePieceModel() : m_impl(std::make_unique<Impl>()) {}
SentencePieceModel::~SentencePieceModel() = default;
SentencePieceModel::SentencePieceModel(SentencePieceModel &&other) noexcept = default;
SentencePieceModel &SentencePieceModel::operator=(SentencePieceModel &&other) noexcept = default;

bool SentencePieceModel::isAvailable()
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    return true;
#else
    return false;
#endif
}

Result<SentencePieceModel> SentencePieceModel::train(const SentenceReader &sentences, const SentencePieceOptions &options)
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (options.vocabSize < 5)
        return Error{"a SentencePiece vocabulary needs more than its 4 special pieces (got "
                     + std::to_string(options.vocabSize) + ")"};
    if (!(options.characterCoverage > 0.0 && options.characterCoverage <= 1.0))
        return Error{"character coverage must be in (0, 1]"};

    std::ostringstream coverage;
    coverage.imbue(std::locale::classic());
    coverage << options.characterCoverage;
    const std::unordered_map<std::string, std::string> args = {
        {"model_type", options.type == SentencePieceOptions::ModelType::Bpe ? "bpe" : "unigram"},
        {"vocab_size", std::to_string(options.vocabSize)},
        {"hard_vocab_limit", options.hardVocabLimit ? "true" : "false"},
        {"character_coverage", coverage.str()},
        {"input_sentence_size", std::to_string(std::max<std::int64_t>(0, options.maxSentences))},
        {"shuffle_input_sentence", "true"},
        {"max_sentence_length", std::to_string(options.maxSentenceLength)},
        {"num_threads", std::to_string(std::max(1, options.threads))},
        // The same specials, in the same order, as chorus::Vocabulary.
        {"pad_id", "0"},
        {"unk_id", "1"},
        {"bos_id", "2"},
        {"eos_id", "3"},
        {"pad_piece", "<pad>"},
        {"unk_piece", "<unk>"},
        {"bos_piece", "<bos>"},
        {"eos_piece", "<eos>"},
        // Informational logging would fill the user's terminal with thousands of lines.
        {"minloglevel", "1"},
    };
    // Sampling and shuffling are random: a fixed seed makes the same posts give the same model.
    sentencepiece::SetRandomGeneratorSeed(20240101u);

    std::string bytes;
    ReaderIterator iterator(sentences);
    sentencepiece::util::Status status;
    try {
        status = sentencepiece::SentencePieceTrainer::Train(args, &iterator, &bytes);
    } catch (const std::exception &e) {
        return Error{std::string("SentencePiece training failed: ") + e.what()};
    }
    if (!iterator.status().ok())
        return Error{iterator.status().error_message()};
    if (!status.ok()) {
        if (iterator.count() == 0)
            return Error{"no text to train a SentencePiece model on"};
        return Error{std::string("SentencePiece training failed: ") + status.error_message()};
    }
    return fromSerialized(std::move(bytes));
#else
    (void)sentences;
    (void)options;
    return Error{kUnavailable};
#endif
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
    if (!isAvailable())
        return Error{kUnavailable};
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
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (bytes.empty())
        return Error{"the SentencePiece model is empty"};
    SentencePieceModel model;
    const sentencepiece::util::Status status = model.m_impl->processor.LoadFromSerializedProto(bytes);
    if (!status.ok())
        return Error{std::string("not a usable SentencePiece model: ") + status.error_message()};
    if (model.m_impl->processor.GetPieceSize() <= 0)
        return Error{"the SentencePiece model has no pieces"};
    model.m_impl->bytes = std::move(bytes);
    return model;
#else
    (void)bytes;
    return Error{kUnavailable};
#endif
}

Result<SentencePieceModel> SentencePieceModel::load(const std::string &path)
{
    if (!isAvailable())
        return Error{kUnavailable};
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

bool SentencePieceModel::isLoaded() const { return m_impl && !m_impl->bytes.empty(); }

const std::string &SentencePieceModel::serialized() const
{
    static const std::string empty;
    return m_impl ? m_impl->bytes : empty;
}

int SentencePieceModel::vocabSize() const
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    return isLoaded() ? m_impl->processor.GetPieceSize() : 0;
#else
    return 0;
#endif
}

std::string SentencePieceModel::piece(int id) const
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (!isLoaded() || id < 0 || id >= m_impl->processor.GetPieceSize())
        return {};
    return m_impl->processor.IdToPiece(id);
#else
    (void)id;
    return {};
#endif
}

int SentencePieceModel::pieceId(const std::string &piece) const
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    return isLoaded() ? m_impl->processor.PieceToId(piece) : -1;
#else
    (void)piece;
    return -1;
#endif
}

int SentencePieceModel::unknownId() const
{
#ifdef CHORUS_HAVE_SENTENCEPIECE
    return isLoaded() ? m_impl->processor.unk_id() : -1;
#else
    return -1;
#endif
}

std::vector<std::string> SentencePieceModel::encodePieces(std::string_view text) const
{
    std::vector<std::string> pieces;
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (isLoaded() && !m_impl->processor.Encode(text, &pieces).ok())
        pieces.clear();
#else
    (void)text;
#endif
    return pieces;
}

std::vector<int> SentencePieceModel::encodeIds(std::string_view text) const
{
    std::vector<int> ids;
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (isLoaded() && !m_impl->processor.Encode(text, &ids).ok())
        ids.clear();
#else
    (void)text;
#endif
    return ids;
}

std::string SentencePieceModel::decodeIds(const std::vector<int> &ids) const
{
    std::string text;
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (!isLoaded())
        return text;
    // Ids from elsewhere (a model's output) may be out of range: they stand for nothing.
    std::vector<int> valid;
    valid.reserve(ids.size());
    const int size = m_impl->processor.GetPieceSize();
    for (int id : ids)
        if (id >= 0 && id < size)
            valid.push_back(id);
    if (!m_impl->processor.Decode(valid, &text).ok())
        text.clear();
#else
    (void)ids;
#endif
    return text;
}

std::string SentencePieceModel::decodePieces(const std::vector<std::string> &pieces) const
{
    std::string text;
#ifdef CHORUS_HAVE_SENTENCEPIECE
    if (isLoaded() && !m_impl->processor.Decode(pieces, &text).ok())
        text.clear();
#else
    (void)pieces;
#endif
    return text;
}

} // namespace chorus
