#include "models/training/embeddingtrainer.h"

#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/word2vecrun.h"
#include "core/embeddings/word2vectrainer.h"
#include "core/store/project.h"
#include "core/text/tokenizer.h"
#include "core/training/runstore.h"
#include "models/training/trainercontrol.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kNeighbourWords = 12;

bool isWordLike(const std::string &token)
{
    for (unsigned char c : token)
        if (std::isalnum(c) || c >= 0x80)
            return true;
    return false;
}

} // namespace

EmbeddingTrainer::EmbeddingTrainer(Project &project, RunConfig config) : m_project(project), m_config(std::move(config)) {}

void EmbeddingTrainer::emit(const nlohmann::json &event) const
{
    if (m_events)
        m_events(event);
}

Result<std::string> EmbeddingTrainer::vectorsPath(Project &project, std::int64_t runId)
{
    return word2vecVectorsPath(project, runId);
}

Result<EmbeddingOutcome> EmbeddingTrainer::run()
{
    RunStore runs(m_project);
    std::int64_t runId = 0;
    try {
        auto datasetId = m_project.datasetId(m_config.dataset);
        if (!datasetId)
            return Error{"dataset: no dataset named '" + m_config.dataset + "'"};
        const nlohmann::json &p = m_config.params;
        Word2VecOptions options;
        options.architecture =
            p.value("architecture", "skipgram") == "cbow" ? Word2VecArchitecture::Cbow : Word2VecArchitecture::SkipGram;
        options.dimensions = p.value("dimensions", 100);
        options.window = p.value("window", 5);
        options.negative = p.value("negative", 5);
        options.minCount = p.value("min_count", 2);
        options.sample = p.value("sample", 1e-3);
        options.alpha = p.value("alpha", 0.025);
        options.minAlpha = p.value("min_alpha", 1e-4);
        const int threads = p.value("threads", 0);
        options.threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        options.epochs = m_config.epochs;
        options.seed = m_config.seed;
        if (const std::string problem = options.validate(); !problem.empty())
            return Error{"params: " + problem};

        auto created = runs.create(m_config.model, m_config.dataset, m_config.toJson(), "cpu");
        if (!created)
            return created.error();
        runId = *created;
        const fs::path runDir = fs::path(m_project.path() + ".runs") / ("run-" + std::to_string(runId));
        fs::create_directories(runDir);

        // Streams the posts on every pass: memory does not grow with the dataset.
        const SocialTokenizer tokenizer;
        const std::int64_t splitId = m_config.split.value_or(0);
        Word2VecTrainer::Corpus corpus = [&](const Word2VecTrainer::SentenceVisitor &visit) -> Status {
            auto select = m_project.db().prepare(
                "SELECT p.text FROM posts p WHERE p.dataset_id = ?1 AND (?2 = 0 OR EXISTS (SELECT 1 FROM"
                " split_assignments a WHERE a.split_id = ?2 AND a.post_id = p.id AND a.part = 'train')) ORDER BY p.id");
            if (!select)
                return select.error();
            select->bind(1, *datasetId).bind(2, splitId);
            while (select->step())
                if (!visit(tokenizer.tokenize(select->textView(0))))
                    return {};
            if (select->failed())
                return Error{"cannot read posts: " + select->lastError()};
            return {};
        };

        emit({{"event", "started"}, {"run_id", runId}, {"model", m_config.model}, {"device", "cpu"},
              {"threads", options.threads}, {"epochs", options.epochs}});
        auto lastRecord = std::chrono::steady_clock::now() - std::chrono::seconds(10);
        std::int64_t step = 0;
        bool stopped = false;
        Word2VecTrainer trainer(options);
        EmbeddingHistory history(m_project);
        std::string snapshotFailure;
        trainer.setEpochCallback([&](int epoch, std::int64_t processed, const std::vector<std::string> &words,
                                     std::size_t dims, const std::vector<float> &vectors) {
            const EmbeddingSnapshot snapshot = EmbeddingSnapshot::firstRows(epoch, processed, words, dims, vectors.data());
            if (Status s = history.record(runId, snapshot); !s.ok()) {
                snapshotFailure = s.message();
                return false;
            }
            emit({{"event", "embeddings"}, {"epoch", epoch}, {"step", processed}, {"rows", snapshot.tokens.size()}});
            return true;
        });
        auto vectors = trainer.train(corpus, [&](const Word2VecProgress &progress) {
            if (m_control) {
                if (m_control->holding())
                    emit({{"event", "paused"}, {"step", step}});
                if (!m_control->awaitPermission()) {
                    stopped = true;
                    return false;
                }
            }
            const auto now = std::chrono::steady_clock::now();
            if (now - lastRecord < std::chrono::milliseconds(500) && progress.epoch < options.epochs)
                return true;
            lastRecord = now;
            step = progress.wordsProcessed;
            const double epoch = progress.totalWords > 0
                                     ? options.epochs * static_cast<double>(progress.wordsProcessed) /
                                           static_cast<double>(progress.totalWords)
                                     : 0.0;
            if (Status s = runs.addMetrics(runId, step, epoch, "train",
                                           {{"words_per_s", progress.wordsPerSecond}, {"lr", progress.alpha}});
                !s.ok())
                return false;
            emit({{"event", "step"}, {"step", step}, {"epoch", epoch}, {"lr", progress.alpha},
                  {"words_per_s", progress.wordsPerSecond}, {"fraction", progress.fraction()}});
            return true;
        });
        if (!snapshotFailure.empty())
            throw std::runtime_error("recording the epoch's embeddings: " + snapshotFailure);
        if (stopped || trainer.stats().cancelled) {
            runs.setStatus(runId, "stopped");
            emit({{"event", "finished"}, {"run_id", runId}, {"status", "stopped"}});
            return EmbeddingOutcome{runId, "stopped", "", 0, trainer.stats().wordsPerSecond};
        }
        if (!vectors)
            throw std::runtime_error(vectors.message());

        const fs::path path = runDir / "vectors.bin";
        if (Status s = vectors->save(path.string(), WordVectorFormat::Binary); !s.ok())
            throw std::runtime_error(s.message());
        if (Status s = runs.addCheckpoint(runId, step, "latest", path.string(), std::nullopt); !s.ok())
            throw std::runtime_error(s.message());
        emit({{"event", "checkpoint"}, {"kind", "latest"}, {"step", step}, {"path", path.string()}});

        // Words are ordered by frequency: the first word-like ones make a readable sample.
        nlohmann::json neighbours = nlohmann::json::object();
        for (const std::string &word : vectors->words()) {
            if (neighbours.size() >= kNeighbourWords)
                break;
            if (!isWordLike(word))
                continue;
            auto nearest = vectors->nearest(word, 5);
            if (!nearest)
                continue;
            nlohmann::json list = nlohmann::json::array();
            for (const WordNeighbour &n : *nearest)
                list.push_back({{"word", n.word}, {"similarity", n.similarity}});
            neighbours[word] = list;
        }
        if (Status s = runs.addArtifact(runId, "neighbours", "nearest-words", step, "application/json", neighbours.dump());
            !s.ok())
            throw std::runtime_error(s.message());
        const Word2VecStats &stats = trainer.stats();
        nlohmann::json summary = {{"vocabulary", vectors->size()}, {"dimensions", vectors->dimensions()},
                                  {"words_per_s", stats.wordsPerSecond}, {"corpus_words", stats.corpusWords}};
        runs.setBestMetrics(runId, summary);
        if (Status s = runs.setStatus(runId, "finished"); !s.ok())
            return s.error();
        emit({{"event", "finished"}, {"run_id", runId}, {"status", "finished"}, {"summary", summary},
              {"neighbours", neighbours}});
        return EmbeddingOutcome{runId, "finished", path.string(), vectors->size(), stats.wordsPerSecond};
    } catch (const std::exception &e) {
        const std::string message = e.what();
        if (runId)
            runs.setStatus(runId, "failed", message);
        emit({{"event", "failed"}, {"run_id", runId}, {"message", message}});
        return Error{message};
    }
}

} // namespace chorus
