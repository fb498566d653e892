#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chorus {

// The on-disk layouts of word vectors that other tools exchange.
enum class WordVectorFormat {
    // word2vec text: a "V D" header line, then "word v1 ... vD" per line. fastText's .vec files
    // are the same layout.
    Text,
    // word2vec binary: the same header line, then per word its bytes, one space, D little-endian
    // 32-bit floats and a newline.
    Binary,
};

struct WordNeighbour {
    std::string word;
    float similarity = 0; // cosine
};

// How fillEmbedding() treats the words a pretrained table lacks.
struct EmbeddingFillOptions {
    // Missing words get uniform values in [-scale, scale]; 0 picks the scale at which their
    // variance matches the pretrained values' (the usual choice since Kim 2014), so the new rows
    // neither dominate nor vanish next to the pretrained ones.
    float scale = 0;
    std::uint64_t seed = 1;
    // When a word is missing as written, try its lowercase form too (pretrained tables are often
    // cased while our tokenizer lowercases, or the other way round).
    bool caseInsensitiveFallback = true;
    // Rows left at zero, neither looked up nor counted as missing (padding, typically).
    std::unordered_set<std::string> zeroWords = {"<pad>"};
};

struct EmbeddingFillReport {
    std::size_t found = 0;          // copied from the table (as written or via lowercase)
    std::size_t foundLowercase = 0; // of `found`, those matched only by their lowercase form
    std::size_t missing = 0;        // given a random row
    std::size_t zeroed = 0;         // zeroWords rows
    float scale = 0;                // the scale the missing rows were drawn with
    std::vector<std::string> missingExamples; // the first few missing words, for a report
};

// A vocabulary with one float vector per word, looked up by cosine similarity. Immutable once
// built; the unit-length copies used by nearest() are computed once at construction.
class WordVectors {
public:
    WordVectors() = default;
    // Words must be distinct and matrix.size() must equal words.size() * dimensions; create()
    // checks both and reports what is wrong.
    static Result<WordVectors> create(std::vector<std::string> words, std::size_t dimensions,
                                      std::vector<float> matrix);

    std::size_t size() const { return m_words.size(); }
    std::size_t dimensions() const { return m_dimensions; }
    bool empty() const { return m_words.empty(); }
    const std::vector<std::string> &words() const { return m_words; }
    // Row-major, size() x dimensions().
    const std::vector<float> &matrix() const { return m_matrix; }

    // -1 when the word is not in the table.
    std::int64_t indexOf(const std::string &word) const;
    bool contains(const std::string &word) const { return indexOf(word) >= 0; }
    // Pointer to the word's dimensions() values, nullptr when absent.
    const float *vector(const std::string &word) const;
    const float *vectorAt(std::size_t index) const { return m_matrix.data() + index * m_dimensions; }

    // Cosine similarity; nullopt when either word is missing. A zero vector has similarity 0
    // with everything.
    std::optional<float> similarity(const std::string &a, const std::string &b) const;
    // The k words most similar to `word` (itself excluded), best first; ties by table order.
    // An error names the word when it is not in the table.
    Result<std::vector<WordNeighbour>> nearest(const std::string &word, std::size_t k) const;
    // The k words most similar to an arbitrary vector of dimensions() values, skipping `exclude`.
    std::vector<WordNeighbour> nearestTo(const float *query, std::size_t k,
                                         const std::unordered_set<std::string> &exclude = {}) const;

    Status save(const std::string &path, WordVectorFormat format) const;
    // `limit` > 0 keeps only the first `limit` words (pretrained files are sorted by frequency and
    // can hold millions). A word that repeats keeps its first vector. Errors name the file and
    // the line (text) or entry (binary) where the file stops making sense.
    static Result<WordVectors> load(const std::string &path, WordVectorFormat format, std::size_t limit = 0);
    // fastText .vec is the word2vec text layout.
    static Result<WordVectors> loadFastText(const std::string &path, std::size_t limit = 0)
    {
        return load(path, WordVectorFormat::Text, limit);
    }

    // Fills `matrix` (resized to vocabulary.size() x dimensions(), row-major) for a model's own
    // vocabulary, so a text model can start from pretrained vectors. Rows of words the table
    // lacks get small random values that depend only on (seed, word), so the same word gets the
    // same row whatever its position in the vocabulary.
    EmbeddingFillReport fillEmbedding(const std::vector<std::string> &vocabulary, std::vector<float> &matrix,
                                      const EmbeddingFillOptions &options = {}) const;

private:
    WordVectors(std::vector<std::string> words, std::size_t dimensions, std::vector<float> matrix,
                std::unordered_map<std::string, std::int64_t> index);

    std::vector<std::string> m_words;
    std::size_t m_dimensions = 0;
    std::vector<float> m_matrix;
    std::vector<float> m_unit; // rows scaled to length 1 (zero rows stay zero)
    std::unordered_map<std::string, std::int64_t> m_index;
};

} // namespace chorus
