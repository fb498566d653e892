#include "core/embeddings/word2vectrainer.h"

#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <thread>
#include <unordered_map>

namespace chorus {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSigmoidTableSize = 1000;
constexpr float kMaxExp = 6.0f;
// Words per unit of work handed to a thread (gensim's batch_words); also how often a thread
// publishes its word count, from which every thread derives the learning rate.
constexpr std::size_t kBatchWords = 10000;
constexpr auto kProgressInterval = std::chrono::milliseconds(200);

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sentences encoded as vocabulary ids, `ends[i]` being one past sentence i's last word.
struct Batch {
    std::vector<std::int32_t> words;
    std::vector<std::uint32_t> ends;
};

// Bounded, so the reader never runs more than a few batches ahead: memory stays constant
// whatever the corpus size.
class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity) : m_capacity(capacity) {}

    // False when the queue was closed (training stopped) before the batch could be queued.
    bool push(Batch batch)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_closed || m_batches.size() < m_capacity; });
        if (m_closed)
            return false;
        m_batches.push_back(std::move(batch));
        ++m_unfinished;
        m_notEmpty.notify_one();
        return true;
    }
    // A worker is done with a batch it popped (trained or skipped).
    void finished()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_unfinished > 0 && --m_unfinished == 0)
            m_idle.notify_all();
    }
    // Blocks until every pushed batch is finished (true) or the queue is closed (false).
    bool waitUntilIdle()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_idle.wait(lock, [&] { return m_closed || m_unfinished == 0; });
        return !m_closed;
    }
    // False once the queue is closed and empty.
    bool pop(Batch &batch)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return true;
    }
    // No more batches will come; `discard` drops the queued ones (cancel).
    void close(bool discard)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        if (discard) {
            m_unfinished -= std::min(m_unfinished, m_batches.size());
            m_batches.clear();
        }
        m_notEmpty.notify_all();
        m_notFull.notify_all();
        m_idle.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::condition_variable m_idle;
    std::deque<Batch> m_batches;
    std::size_t m_capacity;
    std::size_t m_unfinished = 0; // pushed and not yet finished by a worker
    bool m_closed = false;
};

// Noise words drawn from counts^0.75 in O(1) with Walker's alias method: two arrays of the
// vocabulary's size (cache-friendly) instead of the C tool's 10^8-entry table, and exact.
class NoiseDistribution {
public:
    explicit NoiseDistribution(const std::vector<std::int64_t> &counts)
    {
        const std::size_t n = counts.size();
        std::vector<double> scaled(n);
        double total = 0;
        for (std::size_t i = 0; i < n; ++i)
            total += scaled[i] = std::pow(static_cast<double>(counts[i]), 0.75);
        for (double &p : scaled)
            p = p / total * static_cast<double>(n);
        m_threshold.assign(n, 0);
        m_alias.resize(n);
        std::vector<std::int32_t> small, large;
        for (std::size_t i = 0; i < n; ++i)
            (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::int32_t>(i));
        while (!small.empty() && !large.empty()) {
            const std::int32_t s = small.back();
            small.pop_back();
            const std::int32_t l = large.back();
            m_threshold[s] = toThreshold(scaled[s]);
            m_alias[s] = l;
            scaled[l] -= 1.0 - scaled[s];
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // What is left has probability 1 up to rounding: it always yields itself.
        for (const auto &rest : {small, large})
            for (std::int32_t i : rest) {
                m_threshold[i] = 0xFFFFFFFFu;
                m_alias[i] = i;
            }
    }

    std::int32_t draw(std::uint64_t random) const
    {
        const auto slot = static_cast<std::size_t>(((random >> 32) * m_threshold.size()) >> 32);
        return static_cast<std::uint32_t>(random) < m_threshold[slot] ? static_cast<std::int32_t>(slot)
                                                                      : m_alias[slot];
    }

private:
    static std::uint32_t toThreshold(double probability)
    {
        return static_cast<std::uint32_t>(std::min(probability, 1.0) * 4294967295.0);
    }

    std::vector<std::uint32_t> m_threshold;
    std::vector<std::int32_t> m_alias;
};

struct TrainingVocabulary {
    std::vector<std::string> words;
    std::vector<std::int64_t> counts;
    std::unordered_map<std::string, std::int32_t> ids;
    std::int64_t corpusWords = 0;
    std::int64_t vocabularyWords = 0;
};

// Everything the worker threads share. syn0/syn1 are written by all of them without locks.
struct SharedModel {
    const Word2VecOptions &options;
    std::size_t dims;
    std::vector<float> syn0; // input vectors: the result
    std::vector<float> syn1; // output vectors of the negative-sampling layer
    std::vector<float> sigmoidTable;
    std::vector<std::uint64_t> keepThreshold; // out of 2^32
    NoiseDistribution noise;
    std::int64_t totalWords;
    std::atomic<std::int64_t> processed{0};
    std::atomic<std::int64_t> trained{0};
    std::atomic<bool> stop{false};
    std::atomic<bool> failed{false};
    std::atomic<double> lastAlpha{0};

    SharedModel(const Word2VecOptions &o, const std::vector<std::int64_t> &counts, std::int64_t total)
        : options(o), dims(static_cast<std::size_t>(o.dimensions)), noise(counts), totalWords(total)
    {
    }
};

// The kernels work in blocks of eight with fixed-size inner loops: GCC and Clang turn those into
// vector instructions at -O2 (its cheap vectoriser skips loops of unknown length that need alias
// checks), and the eight separate sums of dot() need no float reassociation, which only
// -ffast-math would allow. __restrict: the rows touched by one update never overlap.
float dot(const float *__restrict a, const float *__restrict b, std::size_t n)
{
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; ++j)
            s[j] += a[i + j] * b[i + j];
    float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

void axpy(float g, const float *__restrict x, float *__restrict y, std::size_t n)
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; ++j)
            y[i + j] += g * x[i + j];
    for (; i < n; ++i)
        y[i] += g * x[i];
}

class Worker {
public:
    Worker(SharedModel &model, std::uint64_t seed)
        : m_model(model), m_options(model.options), m_dims(model.dims), m_random(seed), m_neu1(m_dims),
          m_neu1e(m_dims)
    {
    }

    void run(BatchQueue &queue)
    {
        Batch batch;
        m_seenGlobal = m_model.processed.load();
        while (queue.pop(batch)) {
            if (m_model.stop.load(std::memory_order_relaxed)) {
                queue.finished();
                continue;
            }
            std::uint32_t begin = 0;
            for (std::uint32_t end : batch.ends) {
                trainSentence(batch.words.data() + begin, end - begin);
                begin = end;
            }
            m_seenGlobal = m_model.processed.fetch_add(m_unpublished) + m_unpublished;
            m_model.trained.fetch_add(m_trained);
            m_unpublished = 0;
            m_trained = 0;
            queue.finished();
        }
        m_model.lastAlpha.store(m_alpha);
    }

private:
    float sigmoid(float f) const
    {
        if (m_options.exactSigmoid)
            return 1.0f / (1.0f + std::exp(-f));
        if (f >= kMaxExp)
            return 1.0f;
        if (f <= -kMaxExp)
            return 0.0f;
        const auto slot = static_cast<int>((f + kMaxExp) * (kSigmoidTableSize / kMaxExp / 2));
        return m_model.sigmoidTable[static_cast<std::size_t>(slot)];
    }

    // One (input vector, target word) pair: moves the target's output vector and accumulates the
    // input vector's correction in neu1e, applied by the caller once all targets are done.
    void pair(const float *input, std::int32_t target, float label)
    {
        float *output = m_model.syn1.data() + static_cast<std::size_t>(target) * m_dims;
        const float g = (label - sigmoid(dot(input, output, m_dims))) * m_alpha;
        axpy(g, output, m_neu1e.data(), m_dims);
        axpy(g, input, output, m_dims);
    }

    void positiveAndNegatives(const float *input, std::int32_t word)
    {
        std::fill(m_neu1e.begin(), m_neu1e.end(), 0.0f);
        pair(input, word, 1.0f);
        for (int k = 0; k < m_options.negative; ++k) {
            const std::int32_t target = m_model.noise.draw(m_random.next());
            if (target != word)
                pair(input, target, 0.0f);
        }
    }

    void trainSentence(const std::int32_t *words, std::size_t length)
    {
        m_unpublished += static_cast<std::int64_t>(length);
        m_alpha = static_cast<float>(
            Word2VecTrainer::learningRate(m_options, m_seenGlobal + m_unpublished - static_cast<std::int64_t>(length),
                                          m_model.totalWords));
        // Subsampling drops frequent words before windows are formed, so windows reach further.
        m_sentence.clear();
        const bool subsample = m_options.sample > 0;
        for (std::size_t i = 0; i < length; ++i) {
            const std::int32_t w = words[i];
            if (!subsample || (m_random.next() >> 32) < m_model.keepThreshold[static_cast<std::size_t>(w)])
                m_sentence.push_back(w);
        }
        m_trained += static_cast<std::int64_t>(m_sentence.size());

        const auto n = static_cast<std::ptrdiff_t>(m_sentence.size());
        const auto window = static_cast<std::uint64_t>(m_options.window);
        for (std::ptrdiff_t pos = 0; pos < n; ++pos) {
            const std::int32_t word = m_sentence[static_cast<std::size_t>(pos)];
            const auto reach = static_cast<std::ptrdiff_t>(window - m_random.next() % window);
            const std::ptrdiff_t from = std::max<std::ptrdiff_t>(0, pos - reach);
            const std::ptrdiff_t to = std::min<std::ptrdiff_t>(n - 1, pos + reach);
            if (m_options.architecture == Word2VecArchitecture::SkipGram) {
                for (std::ptrdiff_t c = from; c <= to; ++c) {
                    if (c == pos)
                        continue;
                    float *input =
                        m_model.syn0.data() + static_cast<std::size_t>(m_sentence[static_cast<std::size_t>(c)]) * m_dims;
                    positiveAndNegatives(input, word);
                    axpy(1.0f, m_neu1e.data(), input, m_dims);
                }
            } else {
                std::fill(m_neu1.begin(), m_neu1.end(), 0.0f);
                int count = 0;
                for (std::ptrdiff_t c = from; c <= to; ++c) {
                    if (c == pos)
                        continue;
                    axpy(1.0f,
                         m_model.syn0.data()
                             + static_cast<std::size_t>(m_sentence[static_cast<std::size_t>(c)]) * m_dims,
                         m_neu1.data(), m_dims);
                    ++count;
                }
                if (count == 0)
                    continue;
                if (m_options.cbowMean)
                    for (float &v : m_neu1)
                        v /= static_cast<float>(count);
                positiveAndNegatives(m_neu1.data(), word);
                for (std::ptrdiff_t c = from; c <= to; ++c)
                    if (c != pos)
                        axpy(1.0f, m_neu1e.data(),
                             m_model.syn0.data()
                                 + static_cast<std::size_t>(m_sentence[static_cast<std::size_t>(c)]) * m_dims,
                             m_dims);
            }
        }
    }

    SharedModel &m_model;
    const Word2VecOptions &m_options;
    std::size_t m_dims;
    DeterministicRandom m_random;
    std::vector<float> m_neu1;
    std::vector<float> m_neu1e;
    std::vector<std::int32_t> m_sentence;
    float m_alpha = 0;
    std::int64_t m_seenGlobal = 0;
    std::int64_t m_unpublished = 0;
    std::int64_t m_trained = 0;
};

Result<TrainingVocabulary> countVocabulary(const Word2VecOptions &options, const Word2VecTrainer::Corpus &corpus)
{
    TrainingVocabulary vocabulary;
    std::unordered_map<std::string, std::int64_t> counts;
    const Status read = corpus([&](const std::vector<std::string> &sentence) {
        for (const std::string &token : sentence)
            ++counts[token];
        vocabulary.corpusWords += static_cast<std::int64_t>(sentence.size());
        return true;
    });
    if (!read)
        return read.error();

    std::vector<std::pair<std::string, std::int64_t>> kept;
    for (auto &entry : counts)
        if (entry.second >= options.minCount && !entry.first.empty())
            kept.emplace_back(entry.first, entry.second);
    // Most frequent first, ties by bytes: the same counts always give the same ids.
    std::sort(kept.begin(), kept.end(),
              [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (options.maxVocabulary > 0 && kept.size() > options.maxVocabulary)
        kept.resize(options.maxVocabulary);
    if (kept.size() > static_cast<std::size_t>(INT32_MAX))
        kept.resize(static_cast<std::size_t>(INT32_MAX));
    if (kept.empty())
        return Error{"no word occurs at least " + std::to_string(options.minCount) + " times in the corpus ("
                     + std::to_string(vocabulary.corpusWords) + " words read)"};
    for (auto &entry : kept) {
        vocabulary.ids.emplace(entry.first, static_cast<std::int32_t>(vocabulary.words.size()));
        vocabulary.words.push_back(std::move(entry.first));
        vocabulary.counts.push_back(entry.second);
        vocabulary.vocabularyWords += entry.second;
    }
    return vocabulary;
}

} // namespace

std::string Word2VecOptions::validate() const
{
    if (dimensions < 1)
        return "dimensions must be at least 1";
    if (window < 1)
        return "window must be at least 1";
    if (negative < 1)
        return "negative must be at least 1 (only negative sampling is implemented)";
    if (minCount < 1)
        return "minCount must be at least 1";
    if (!(sample >= 0))
        return "sample must be 0 (off) or positive";
    if (!(alpha > 0) || !(minAlpha >= 0) || minAlpha > alpha)
        return "learning rates need alpha > 0 and 0 <= minAlpha <= alpha";
    if (epochs < 1)
        return "epochs must be at least 1";
    if (threads < 1)
        return "threads must be at least 1";
    if (maxSentenceLength < 1)
        return "maxSentenceLength must be at least 1";
    return {};
}

Word2VecTrainer::Word2VecTrainer(Word2VecOptions options) : m_options(options) {}

double Word2VecTrainer::learningRate(const Word2VecOptions &options, std::int64_t processed, std::int64_t total)
{
    const double progress = total > 0 ? std::clamp(double(processed) / double(total), 0.0, 1.0) : 1.0;
    return std::max(options.minAlpha, options.alpha - (options.alpha - options.minAlpha) * progress);
}

Word2VecTrainer::Corpus Word2VecTrainer::fromSentences(const std::vector<std::vector<std::string>> &sentences)
{
    const auto *data = &sentences;
    return [data](const SentenceVisitor &visit) {
        for (const auto &sentence : *data)
            if (!visit(sentence))
                break;
        return Status::success();
    };
}

Result<WordVectors> Word2VecTrainer::train(const Corpus &corpus, const ProgressCallback &progress)
{
    m_stats = {};
    const std::string invalid = m_options.validate();
    if (!invalid.empty())
        return Error{"word2vec: " + invalid};
    try {
        const auto start = Clock::now();
        auto vocabulary = countVocabulary(m_options, corpus);
        if (!vocabulary)
            return Error{"word2vec: " + vocabulary.message()};
        const std::size_t size = vocabulary->words.size();
        m_stats.vocabularySize = size;
        m_stats.corpusWords = vocabulary->corpusWords;
        m_stats.vocabularyWords = vocabulary->vocabularyWords;
        m_stats.countingSeconds = secondsSince(start);
        const auto trainingStart = Clock::now();

        const std::int64_t total = vocabulary->vocabularyWords * m_options.epochs;
        SharedModel model(m_options, vocabulary->counts, total);
        const std::size_t dims = model.dims;
        model.syn0.resize(size * dims);
        model.syn1.assign(size * dims, 0.0f);
        // Small random input vectors, zero output vectors: the C tool's start.
        DeterministicRandom init(DeterministicRandom::derive(m_options.seed, 0));
        for (float &v : model.syn0)
            v = static_cast<float>((init.uniform() - 0.5) / static_cast<double>(dims));
        model.sigmoidTable.resize(kSigmoidTableSize + 1);
        for (int i = 0; i <= kSigmoidTableSize; ++i) {
            // Centre of bucket i of [-kMaxExp, kMaxExp].
            const double x = ((i + 0.5) / kSigmoidTableSize * 2.0 - 1.0) * kMaxExp;
            model.sigmoidTable[static_cast<std::size_t>(i)] = static_cast<float>(1.0 / (1.0 + std::exp(-x)));
        }
        model.keepThreshold.resize(size);
        double expected = 0;
        const double threshold = m_options.sample * static_cast<double>(vocabulary->vocabularyWords);
        for (std::size_t i = 0; i < size; ++i) {
            const double count = static_cast<double>(vocabulary->counts[i]);
            const double keep = m_options.sample > 0 ? std::min(1.0, (std::sqrt(count / threshold) + 1.0) * threshold / count)
                                                     : 1.0;
            model.keepThreshold[i] = static_cast<std::uint64_t>(keep * 4294967296.0);
            expected += keep * count;
        }
        m_stats.expectedTrained = static_cast<std::int64_t>(std::llround(expected * m_options.epochs));

        BatchQueue queue(static_cast<std::size_t>(m_options.threads) * 2);
        std::vector<std::thread> threads;
        std::vector<std::unique_ptr<Worker>> workers;
        std::exception_ptr workerFailure;
        std::mutex failureMutex;
        for (int t = 0; t < m_options.threads; ++t) {
            workers.push_back(std::make_unique<Worker>(
                model, DeterministicRandom::derive(m_options.seed, static_cast<std::uint64_t>(t) + 1)));
            Worker *worker = workers.back().get();
            threads.emplace_back([&, worker] {
                try {
                    worker->run(queue);
                } catch (...) {
                    // Nothing may escape a thread; the caller reports it once the others stop.
                    std::lock_guard<std::mutex> lock(failureMutex);
                    workerFailure = std::current_exception();
                    model.failed = true;
                    model.stop = true;
                    queue.close(true);
                }
            });
        }

        // Whatever happens on this thread from here on (a corpus callback that throws included),
        // the workers are stopped and joined before their shared state goes away.
        struct JoinGuard {
            SharedModel &model;
            BatchQueue &queue;
            std::vector<std::thread> &threads;
            void joinAll(bool discard)
            {
                queue.close(discard);
                for (std::thread &thread : threads)
                    if (thread.joinable())
                        thread.join();
            }
            ~JoinGuard()
            {
                model.stop = true;
                joinAll(true);
            }
        } guard{model, queue, threads};

        auto report = [&](int epoch, std::int64_t processed) {
            if (!progress)
                return true;
            Word2VecProgress p;
            p.epoch = epoch;
            p.wordsProcessed = processed;
            p.totalWords = total;
            p.alpha = learningRate(m_options, processed, total);
            const double elapsed = secondsSince(trainingStart);
            p.wordsPerSecond = elapsed > 0 ? double(processed) / elapsed : 0.0;
            return progress(p);
        };
        auto lastReport = Clock::now();
        Status readStatus;
        for (int epoch = 0; epoch < m_options.epochs && !model.stop; ++epoch) {
            Batch batch;
            auto flush = [&] {
                if (batch.words.empty())
                    return true;
                if (!queue.push(std::move(batch)))
                    return false;
                batch = Batch();
                if (Clock::now() - lastReport >= kProgressInterval) {
                    lastReport = Clock::now();
                    if (!report(epoch, model.processed.load())) {
                        model.stop = true;
                        return false;
                    }
                }
                return true;
            };
            readStatus = corpus([&](const std::vector<std::string> &sentence) {
                std::size_t inPiece = 0;
                for (const std::string &token : sentence) {
                    const auto it = vocabulary->ids.find(token);
                    if (it == vocabulary->ids.end())
                        continue;
                    batch.words.push_back(it->second);
                    if (++inPiece == m_options.maxSentenceLength) {
                        batch.ends.push_back(static_cast<std::uint32_t>(batch.words.size()));
                        inPiece = 0;
                        if (batch.words.size() >= kBatchWords && !flush())
                            return false;
                    }
                }
                if (inPiece > 0)
                    batch.ends.push_back(static_cast<std::uint32_t>(batch.words.size()));
                if (batch.words.size() >= kBatchWords && !flush())
                    return false;
                return !model.stop.load();
            });
            if (!readStatus) {
                model.stop = true;
                break;
            }
            if (!model.stop && flush() && !report(epoch, model.processed.load()))
                model.stop = true;
            // The workers finish the epoch's words before anyone looks at the vectors, and wait
            // (the queue is empty) while they are read.
            if (m_epochCallback && !model.stop && queue.waitUntilIdle() && !model.stop &&
                !m_epochCallback(epoch + 1, model.processed.load(), vocabulary->words, dims, model.syn0))
                model.stop = true;
        }
        guard.joinAll(model.stop.load());

        m_stats.wordsProcessed = model.processed.load();
        m_stats.wordsTrained = model.trained.load();
        m_stats.finalAlpha = model.lastAlpha.load();
        m_stats.seconds = secondsSince(start);
        const double training = secondsSince(trainingStart);
        m_stats.wordsPerSecond = training > 0 ? double(m_stats.wordsProcessed) / training : 0.0;
        m_stats.trainedPerSecond = training > 0 ? double(m_stats.wordsTrained) / training : 0.0;
        if (workerFailure)
            std::rethrow_exception(workerFailure);
        if (!readStatus)
            return Error{"word2vec: reading the corpus failed: " + readStatus.message()};
        if (model.stop) {
            m_stats.cancelled = true;
            return Error{"word2vec: cancelled after " + std::to_string(m_stats.wordsProcessed) + " of "
                         + std::to_string(total) + " words"};
        }
        report(m_options.epochs, m_stats.wordsProcessed);
        return WordVectors::create(std::move(vocabulary->words), dims, std::move(model.syn0));
    } catch (const std::bad_alloc &) {
        return Error{"word2vec: out of memory (vocabulary too large for the chosen dimensions?)"};
    } catch (const std::exception &e) {
        return Error{std::string("word2vec: ") + e.what()};
    }
}

} // namespace chorus
