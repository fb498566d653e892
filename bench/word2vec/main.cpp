// Word2vec training speed: trains on a text file (one post or sentence per line, or one huge line
// such as text8) or on a generated Zipf-distributed corpus, and prints words per second.
// Usage: chorus-bench-word2vec [--file PATH] [--words N] [--cbow] [--dims D] [--window W]
//        [--negative K] [--epochs E] [--threads T] [--min-count M] [--sample S] [--exact-sigmoid]
//        [--social] [--save PATH] [--seed N]
// --social cuts lines with SocialTokenizer (as Chorus does with posts) instead of at whitespace
// (as gensim's LineSentence does, for comparisons).
#include "core/embeddings/word2vectrainer.h"
#include "core/text/tokenizer.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace chorus;

namespace {

constexpr std::size_t kMaxSentenceWords = 10000;

struct Arguments {
    std::string file;
    std::string save;
    std::int64_t words = 2000000;
    bool social = false;
    Word2VecOptions options;
};

void usage()
{
    std::fprintf(stderr, "usage: chorus-bench-word2vec [--file PATH | --words N] [--cbow] [--dims D] [--window W]\n"
                         "       [--negative K] [--epochs E] [--threads T] [--min-count M] [--sample S]\n"
                         "       [--exact-sigmoid] [--social] [--save PATH] [--seed N]\n");
}

bool parse(int argc, char **argv, Arguments &args)
{
    args.options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    args.options.epochs = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        const auto value = [&]() -> const char * { return i + 1 < argc ? argv[++i] : nullptr; };
        const char *v = nullptr;
        if (flag == "--cbow") {
            args.options.architecture = Word2VecArchitecture::Cbow;
        } else if (flag == "--exact-sigmoid") {
            args.options.exactSigmoid = true;
        } else if (flag == "--social") {
            args.social = true;
        } else if ((v = value()) == nullptr) {
            usage();
            return false;
        } else if (flag == "--file") {
            args.file = v;
        } else if (flag == "--save") {
            args.save = v;
        } else if (flag == "--words") {
            args.words = std::atoll(v);
        } else if (flag == "--dims") {
            args.options.dimensions = std::atoi(v);
        } else if (flag == "--window") {
            args.options.window = std::atoi(v);
        } else if (flag == "--negative") {
            args.options.negative = std::atoi(v);
        } else if (flag == "--epochs") {
            args.options.epochs = std::atoi(v);
        } else if (flag == "--threads") {
            args.options.threads = std::atoi(v);
        } else if (flag == "--min-count") {
            args.options.minCount = std::atoll(v);
        } else if (flag == "--sample") {
            args.options.sample = std::atof(v);
        } else if (flag == "--seed") {
            args.options.seed = std::strtoull(v, nullptr, 10);
        } else {
            usage();
            return false;
        }
    }
    return true;
}

// Streams a file in blocks; a newline ends a sentence and so does every kMaxSentenceWords-th word,
// so a single-line corpus such as text8 (100 MB, no newline) needs no more memory than a block.
Word2VecTrainer::Corpus fileCorpus(const std::string &path, bool social)
{
    return [path, social](const Word2VecTrainer::SentenceVisitor &visit) -> Status {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return Error{path + ": cannot open"};
        const SocialTokenizer tokenizer;
        std::vector<char> block(1 << 20);
        std::vector<std::string> sentence;
        std::string word, line;
        const auto endSentence = [&] {
            if (social && !line.empty()) {
                sentence = tokenizer.tokenize(line);
                line.clear();
            }
            const bool go = sentence.empty() || visit(sentence);
            sentence.clear();
            return go;
        };
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            const auto got = static_cast<std::size_t>(in.gcount());
            for (std::size_t i = 0; i < got; ++i) {
                const char c = block[i];
                if (social) {
                    if (c == '\n') {
                        if (!endSentence())
                            return Status::success();
                    } else if (line.size() < (1u << 20)) {
                        line += c;
                    }
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    if (!word.empty()) {
                        sentence.push_back(std::move(word));
                        word.clear();
                    }
                    if ((c == '\n' || sentence.size() >= kMaxSentenceWords) && !endSentence())
                        return Status::success();
                } else {
                    word += c;
                }
            }
        }
        if (!word.empty())
            sentence.push_back(word);
        endSentence();
        return Status::success();
    };
}

// Words "w<rank>" with Zipf frequencies (s = 1) over 100k ranks, sentences of 10-30 words: the
// frequency spread of real text, so subsampling and the noise distribution do realistic work.
Word2VecTrainer::Corpus generatedCorpus(std::int64_t words)
{
    constexpr std::size_t kRanks = 100000;
    auto cumulative = std::make_shared<std::vector<double>>(kRanks);
    double total = 0;
    for (std::size_t r = 0; r < kRanks; ++r)
        (*cumulative)[r] = total += 1.0 / static_cast<double>(r + 1);
    return [cumulative, words, total](const Word2VecTrainer::SentenceVisitor &visit) -> Status {
        DeterministicRandom random(12345);
        std::vector<std::string> sentence;
        for (std::int64_t made = 0; made < words;) {
            sentence.clear();
            const int length = random.between(10, 30);
            for (int i = 0; i < length; ++i) {
                const double target = random.uniform() * total;
                const auto rank = std::lower_bound(cumulative->begin(), cumulative->end(), target) - cumulative->begin();
                sentence.push_back("w" + std::to_string(rank));
            }
            made += length;
            if (!visit(sentence))
                break;
        }
        return Status::success();
    };
}

} // namespace

int main(int argc, char **argv)
{
    Arguments args;
    if (!parse(argc, argv, args))
        return 2;
    const Word2VecOptions &o = args.options;
    std::printf("word2vec %s: dims %d, window %d, negative %d, sample %g, min-count %lld, epochs %d, threads %d, %s "
                "sigmoid\n",
                o.architecture == Word2VecArchitecture::Cbow ? "CBOW" : "skip-gram", o.dimensions, o.window,
                o.negative, o.sample, static_cast<long long>(o.minCount), o.epochs, o.threads,
                o.exactSigmoid ? "exact" : "table");
    std::printf("corpus: %s\n", args.file.empty() ? ("generated, " + std::to_string(args.words) + " Zipf words").c_str()
                                                   : (args.file + (args.social ? " (SocialTokenizer)" : " (whitespace)")).c_str());
    std::fflush(stdout);

    const auto corpus = args.file.empty() ? generatedCorpus(args.words) : fileCorpus(args.file, args.social);
    Word2VecTrainer trainer(args.options);
    auto vectors = trainer.train(corpus, [&o](const Word2VecProgress &p) {
        std::fprintf(stderr, "\r  epoch %d  %5.1f%%  alpha %.5f  %.0f words/s   ", std::min(p.epoch + 1, o.epochs),
                     p.fraction() * 100, p.alpha, p.wordsPerSecond);
        return true;
    });
    std::fprintf(stderr, "\n");
    if (!vectors) {
        std::fprintf(stderr, "error: %s\n", vectors.message().c_str());
        return 1;
    }
    const Word2VecStats &s = trainer.stats();
    std::printf("vocabulary: %zu words; corpus %lld words, %lld in vocabulary\n", s.vocabularySize,
                static_cast<long long>(s.corpusWords), static_cast<long long>(s.vocabularyWords));
    std::printf("counting: %.2f s; training: %.2f s\n", s.countingSeconds, s.seconds - s.countingSeconds);
    std::printf("words/s: %.0f (raw, in vocabulary), %.0f (effective, after subsampling: %lld of %lld)\n",
                s.wordsPerSecond, s.trainedPerSecond, static_cast<long long>(s.wordsTrained),
                static_cast<long long>(s.wordsProcessed));
    if (!args.save.empty()) {
        const bool binary = args.save.size() > 4 && args.save.compare(args.save.size() - 4, 4, ".bin") == 0;
        const Status saved = vectors->save(args.save, binary ? WordVectorFormat::Binary : WordVectorFormat::Text);
        if (!saved) {
            std::fprintf(stderr, "error: %s\n", saved.message().c_str());
            return 1;
        }
        std::printf("saved: %s\n", args.save.c_str());
    }
    return 0;
}
