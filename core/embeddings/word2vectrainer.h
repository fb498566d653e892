#pragma once

#include "core/embeddings/wordvectors.h"
#include "core/util/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

enum class Word2VecArchitecture {
    SkipGram, // each context word predicts the centre word (better for rare words)
    Cbow,     // the context words together predict the centre word (faster)
};

// The knobs of the original word2vec tool and gensim, with gensim's defaults.
struct Word2VecOptions {
    Word2VecArchitecture architecture = Word2VecArchitecture::SkipGram;
    int dimensions = 100;
    // Largest distance between centre and context word; each position draws its own window in
    // [1, window] so that near words count more.
    int window = 5;
    // Noise words per true pair, drawn from the unigram distribution raised to 3/4.
    int negative = 5;
    // Words seen fewer times are dropped before training.
    std::int64_t minCount = 5;
    // At most this many words are kept (the most frequent); 0 = no limit.
    std::size_t maxVocabulary = 0;
    // Frequent-word subsampling threshold: a word of corpus frequency f is kept with probability
    // (sqrt(f / sample) + 1) * sample / f. 0 disables subsampling.
    double sample = 1e-3;
    // Learning rate, decaying linearly from alpha to minAlpha over all words of all epochs.
    // (The C tool starts CBOW at 0.05; gensim uses 0.025 for both.)
    double alpha = 0.025;
    double minAlpha = 0.0001;
    int epochs = 5;
    // Worker threads. With one, a seed gives bit-identical vectors on every run; with more, the
    // workers update shared vectors without locks (hogwild), so runs differ in the last bits.
    int threads = 1;
    std::uint64_t seed = 1;
    // CBOW: average the context vectors (true) or sum them (false).
    bool cbowMean = true;
    // Sigmoid by std::exp instead of the tool's 1000-entry table over [-6, 6].
    bool exactSigmoid = false;
    // Longer sentences are cut into pieces of this many words (gensim does the same).
    std::size_t maxSentenceLength = 10000;

    // Empty when usable, otherwise what is wrong.
    std::string validate() const;
};

struct Word2VecProgress {
    int epoch = 0;                   // 0-based; equal to epochs once training is complete
    std::int64_t wordsProcessed = 0; // in-vocabulary words read so far, all epochs
    std::int64_t totalWords = 0;     // epochs x in-vocabulary words of the corpus
    double alpha = 0;                // the learning rate at wordsProcessed
    double wordsPerSecond = 0;       // since training started (after counting)
    double fraction() const { return totalWords > 0 ? double(wordsProcessed) / double(totalWords) : 0.0; }
};

struct Word2VecStats {
    std::size_t vocabularySize = 0;
    std::int64_t corpusWords = 0;      // all tokens of one pass, in the vocabulary or not
    std::int64_t vocabularyWords = 0;  // tokens of one pass that are in the vocabulary
    std::int64_t wordsProcessed = 0;   // in-vocabulary tokens read, all epochs
    std::int64_t wordsTrained = 0;     // of those, the ones subsampling kept
    std::int64_t expectedTrained = 0;  // what subsampling keeps on average over the run
    double finalAlpha = 0;             // the learning rate the last word was trained with
    double seconds = 0;                // the whole call
    double countingSeconds = 0;        // of which the vocabulary pass
    double wordsPerSecond = 0;         // wordsProcessed per second of training (after counting)
    double trainedPerSecond = 0;       // wordsTrained likewise (gensim's "effective words/s")
    bool cancelled = false;
};

// Trains word vectors with skip-gram or CBOW and negative sampling, as the original C tool and
// gensim do: a sparse SGD kernel updating only the rows a pair touches, no autograd.
class Word2VecTrainer {
public:
    // Receives one sentence (a post's tokens); returns false to stop the pass early.
    using SentenceVisitor = std::function<bool(const std::vector<std::string> &sentence)>;
    // Feeds every sentence of the corpus to the visitor, in the same order each time it is called
    // (once to count words, then once per epoch), and reports a failure to read as an Error.
    // It is always called from the thread that called train().
    using Corpus = std::function<Status(const SentenceVisitor &visit)>;
    // Called from the thread that called train(), a few times a second and after each epoch;
    // return false to cancel.
    using ProgressCallback = std::function<bool(const Word2VecProgress &progress)>;

    // Called from the thread that called train() after each epoch (1-based) once the workers have
    // trained on all of its words, with the words processed so far and the input vectors as they
    // stand (words x dims, row-major, vocabulary order: most frequent first); the workers wait
    // meanwhile. Return false to cancel.
    using EpochCallback = std::function<bool(int epoch, std::int64_t wordsProcessed, const std::vector<std::string> &words,
                                             std::size_t dims, const std::vector<float> &vectors)>;

    explicit Word2VecTrainer(Word2VecOptions options = {});
    const Word2VecOptions &options() const { return m_options; }
    void setEpochCallback(EpochCallback callback) { m_epochCallback = std::move(callback); }

    // Blocks until training ends. A cancelled run returns an Error ("cancelled") and leaves the
    // counts in stats().cancelled / wordsProcessed.
    Result<WordVectors> train(const Corpus &corpus, const ProgressCallback &progress = {});
    // About the last train() call.
    const Word2VecStats &stats() const { return m_stats; }

    // A corpus over sentences already in memory (tests, small data); they must outlive it.
    static Corpus fromSentences(const std::vector<std::vector<std::string>> &sentences);
    // The learning rate after `processed` of `total` words: linear from alpha to minAlpha.
    static double learningRate(const Word2VecOptions &options, std::int64_t processed, std::int64_t total);

private:
    Word2VecOptions m_options;
    Word2VecStats m_stats;
    EpochCallback m_epochCallback;
};

} // namespace chorus
