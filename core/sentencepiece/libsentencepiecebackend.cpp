#include "core/sentencepiece/libsentencepiecebackend.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <exception>
#include <locale>
#include <sstream>
#include <unordered_map>

namespace chorus {
namespace {

// Feeds SentencePiece's trainer from a SentenceReader, so training streams from wherever the
// caller keeps its posts (a database query, a file) instead of a temporary file.
class ReaderIterator final : public sentencepiece::SentenceIterator {
public:
    explicit ReaderIterator(const SentencePieceBackend::SentenceReader &reader) : m_reader(reader) { Next(); }

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
    const SentencePieceBackend::SentenceReader &m_reader;
    std::string m_value;
    sentencepiece::util::Status m_status;
    std::int64_t m_count = 0;
    bool m_done = false;
};

class Processor final : public SentencePieceProcessorHandle {
public:
    sentencepiece::SentencePieceProcessor processor;

    int size() const override { return processor.GetPieceSize(); }
    std::string piece(int id) const override
    {
        return id < 0 || id >= processor.GetPieceSize() ? std::string() : processor.IdToPiece(id);
    }
    int pieceId(const std::string &piece) const override { return processor.PieceToId(piece); }
    int unknownId() const override { return processor.unk_id(); }

    std::vector<std::string> encodePieces(std::string_view text) const override
    {
        std::vector<std::string> pieces;
        if (!processor.Encode(text, &pieces).ok())
            pieces.clear();
        return pieces;
    }

    std::vector<int> encodeIds(std::string_view text) const override
    {
        std::vector<int> ids;
        if (!processor.Encode(text, &ids).ok())
            ids.clear();
        return ids;
    }

    std::string decodeIds(const std::vector<int> &ids) const override
    {
        // Ids from elsewhere (a model's output) may be out of range: they stand for nothing.
        std::vector<int> valid;
        valid.reserve(ids.size());
        const int pieces = processor.GetPieceSize();
        for (int id : ids)
            if (id >= 0 && id < pieces)
                valid.push_back(id);
        std::string text;
        if (!processor.Decode(valid, &text).ok())
            text.clear();
        return text;
    }

    std::string decodePieces(const std::vector<std::string> &pieces) const override
    {
        std::string text;
        if (!processor.Decode(pieces, &text).ok())
            text.clear();
        return text;
    }
};

} // namespace

Result<std::string> LibSentencePieceBackend::train(const SentenceReader &sentences, const SentencePieceOptions &options)
{
    if (options.vocabSize < 5)
        return Error{"a SentencePiece vocabulary needs more than its 4 special pieces (got " +
                     std::to_string(options.vocabSize) + ")"};
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
    return bytes;
}

Result<std::unique_ptr<SentencePieceProcessorHandle>> LibSentencePieceBackend::load(const std::string &serialized)
{
    auto processor = std::make_unique<Processor>();
    const sentencepiece::util::Status status = processor->processor.LoadFromSerializedProto(serialized);
    if (!status.ok())
        return Error{std::string("not a usable SentencePiece model: ") + status.error_message()};
    if (processor->processor.GetPieceSize() <= 0)
        return Error{"the SentencePiece model has no pieces"};
    return std::unique_ptr<SentencePieceProcessorHandle>(std::move(processor));
}

} // namespace chorus

extern "C" __attribute__((visibility("default"))) chorus::SentencePieceBackend *
chorus_sentencepiece_backend(int interfaceVersion)
{
    if (interfaceVersion != chorus::kSentencePieceInterfaceVersion)
        return nullptr;
    static chorus::LibSentencePieceBackend backend;
    return &backend;
}
