#include "models/training/seq2seqgenerator.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "models/registry/seq2seqmodelspecs.h"
#include "models/seq2seq/seq2seqmodel.h"
#include "models/training/checkpointfile.h"

#include <torch/torch.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <unordered_map>

namespace chorus {

std::string GeneratedSequence::text() const
{
    std::string out;
    for (const std::string &token : tokens) {
        if (!out.empty())
            out += ' ';
        out += token;
    }
    return out;
}

struct Seq2seqGenerator::State {
    RunSummary run;
    SequenceSource source = SequenceSource::Replies;
    Vocabulary vocabulary;
    TokenizerOptions tokenizer;
    std::size_t context = 8;
    std::size_t maxSourceLength = 48;
    std::int64_t maxSteps = 24;
    BeamSearchOptions beam;
    Seq2seqModel model{nullptr};
};

Result<Seq2seqGenerator> Seq2seqGenerator::load(Project &project, std::int64_t runId)
{
    const std::string which = "run " + std::to_string(runId);
    try {
        auto run = RunStore(project).get(runId);
        if (!run)
            return run.error();
        if (run->model != "seq2seq")
            return Error{which + " trained '" + run->model + "', which is not a seq2seq model"};
        auto encodingText = project.db().prepare(
            "SELECT data FROM artifacts WHERE run_id = ?1 AND kind = 'encoding' ORDER BY id DESC LIMIT 1");
        auto checkpoint = project.db().prepare(
            "SELECT path FROM checkpoints WHERE run_id = ?1 ORDER BY kind = 'best' DESC, step DESC LIMIT 1");
        if (!encodingText || !checkpoint)
            return Error{"cannot read " + which};
        encodingText->bind(1, runId);
        checkpoint->bind(1, runId);
        if (!encodingText->step())
            return Error{which + " has no saved encoding (it failed before training)"};
        if (!checkpoint->step())
            return Error{which + " has no checkpoint (it stopped before its first one)"};
        const std::string checkpointPath = checkpoint->text(0);
        if (!std::filesystem::exists(checkpointPath))
            return Error{"checkpoint '" + checkpointPath + "' of " + which + " is missing"};
        const nlohmann::json encoding = nlohmann::json::parse(encodingText->blob(0), nullptr, false);
        if (!encoding.is_object() || !encoding.contains("vocabulary") || !encoding.contains("tokenizer"))
            return Error{which + ": the saved encoding is damaged"};

        auto state = std::make_shared<State>();
        state->run = *run;
        auto vocabulary = Vocabulary::fromJson(encoding["vocabulary"]);
        auto tokenizer = TokenizerOptions::fromJson(encoding["tokenizer"]);
        if (!vocabulary || !tokenizer)
            return Error{which + ": the saved encoding is damaged"};
        state->vocabulary = std::move(*vocabulary);
        state->tokenizer = *tokenizer;
        auto source = SequenceDataOptions::parseSource(encoding.value("source", std::string("replies")));
        if (!source)
            return source.error();
        state->source = *source;
        state->context = encoding.value("context", std::size_t(8));
        state->maxSourceLength = encoding.value("max_source_length", std::size_t(48));
        // Behaviour targets are exactly `horizon` actions; replies at most max_target_length tokens.
        state->maxSteps = state->source == SequenceSource::Behaviour
                              ? encoding.value("horizon", std::int64_t(4)) + 1
                              : encoding.value("max_target_length", std::int64_t(24));

        // The run's params over the family's defaults, as the trainer read them.
        nlohmann::json params = seq2seqModelSpecs().front().params.defaults();
        params.update(run->config.value("params", nlohmann::json::object()));
        state->beam.width = std::max<std::int64_t>(1, params.at("beam_width").get<std::int64_t>());
        state->beam.lengthPenalty = params.at("length_penalty").get<double>();
        state->beam.maxLength = state->maxSteps;
        const auto size = static_cast<std::int64_t>(state->vocabulary.size());
        state->model = Seq2seqModel(seq2seqOptions(params, size));
        CheckpointFile::loadModel(checkpointPath, *state->model);
        state->model->eval();
        Seq2seqGenerator generator;
        generator.m_state = std::move(state);
        return generator;
    } catch (const std::exception &e) {
        std::string message = e.what();
        if (auto newline = message.find('\n'); newline != std::string::npos)
            message = message.substr(0, newline);
        return Error{"cannot load " + which + ": " + message};
    }
}

SequenceSource Seq2seqGenerator::source() const { return m_state->source; }
const std::string &Seq2seqGenerator::dataset() const { return m_state->run.dataset; }
std::size_t Seq2seqGenerator::context() const { return m_state->context; }
std::int64_t Seq2seqGenerator::beamWidth() const { return m_state->beam.width; }
double Seq2seqGenerator::lengthPenalty() const { return m_state->beam.lengthPenalty; }

void Seq2seqGenerator::setDecoding(std::int64_t beamWidth, double lengthPenalty)
{
    // Copy on write: the state (and the model in it) is shared between copies.
    auto state = std::make_shared<State>(*m_state);
    state->beam.width = std::max<std::int64_t>(1, beamWidth);
    state->beam.lengthPenalty = lengthPenalty;
    m_state = std::move(state);
}

std::vector<std::string> Seq2seqGenerator::sourceOfText(const std::string &text) const
{
    std::vector<std::string> tokens = SocialTokenizer(m_state->tokenizer).tokenize(text);
    if (tokens.size() > m_state->maxSourceLength)
        tokens.resize(m_state->maxSourceLength);
    return tokens;
}

Result<std::vector<std::vector<GeneratedSequence>>>
Seq2seqGenerator::generate(const std::vector<std::vector<std::string>> &sources, std::size_t nBest) const
{
    std::vector<std::vector<GeneratedSequence>> out;
    out.reserve(sources.size());
    BeamSearchOptions options = m_state->beam;
    options.nBest = static_cast<std::int64_t>(nBest == 0 ? static_cast<std::size_t>(options.width)
                                                         : std::min<std::size_t>(nBest, static_cast<std::size_t>(options.width)));
    constexpr std::size_t kRowsPerBatch = 32;
    try {
        torch::NoGradGuard noGrad;
        for (std::size_t begin = 0; begin < sources.size(); begin += kRowsPerBatch) {
            const std::size_t end = std::min(sources.size(), begin + kRowsPerBatch);
            std::vector<std::vector<std::int64_t>> ids;
            std::size_t width = 1;
            for (std::size_t i = begin; i < end; ++i) {
                // An empty source is read as the trainer reads one: a padded row of length 0.
                std::vector<std::int64_t> row = m_state->vocabulary.encode(sources[i]);
                width = std::max(width, row.size());
                ids.push_back(std::move(row));
            }
            const auto rows = static_cast<std::int64_t>(ids.size());
            torch::Tensor source = torch::full({rows, static_cast<std::int64_t>(width)}, SequenceData::kPadId, torch::kInt64);
            torch::Tensor lengths = torch::empty({rows}, torch::kInt64);
            auto s = source.accessor<std::int64_t, 2>();
            auto l = lengths.accessor<std::int64_t, 1>();
            for (std::int64_t r = 0; r < rows; ++r) {
                const auto &row = ids[static_cast<std::size_t>(r)];
                for (std::size_t c = 0; c < row.size(); ++c)
                    s[r][static_cast<std::int64_t>(c)] = row[c];
                l[r] = static_cast<std::int64_t>(row.size());
            }
            for (const std::vector<Seq2seqHypothesis> &hypotheses : m_state->model->beamSearch(source, lengths, options)) {
                std::vector<GeneratedSequence> decoded;
                for (const Seq2seqHypothesis &h : hypotheses) {
                    GeneratedSequence g;
                    for (std::int64_t id : h.tokens)
                        g.tokens.push_back(m_state->vocabulary.token(id));
                    g.finished = h.finished;
                    g.score = h.score;
                    g.logProbability = h.logProbability;
                    if (h.attention.defined() && h.attention.dim() == 2) {
                        const torch::Tensor matrix = h.attention.to(torch::kDouble).contiguous();
                        for (std::int64_t r = 0; r < matrix.size(0); ++r) {
                            const double *row = matrix[r].data_ptr<double>();
                            g.attention.emplace_back(row, row + matrix.size(1));
                        }
                    }
                    decoded.push_back(std::move(g));
                }
                out.push_back(std::move(decoded));
            }
        }
    } catch (const std::exception &e) {
        return Error{std::string("generation failed: ") + e.what()};
    }
    return out;
}

Result<std::vector<Seq2seqGenerator::UserHistory>> Seq2seqGenerator::latestHistories(Project &project) const
{
    // The trainer's order: each user's interactions by (time, row id).
    auto select = project.db().prepare(
        "SELECT u.source_id, i.kind, i.item FROM interactions i JOIN datasets d ON d.id = i.dataset_id"
        " JOIN users u ON u.id = i.user_id WHERE d.name = ?1 ORDER BY i.user_id, i.created_at, i.id");
    if (!select)
        return select.error();
    select->bind(1, dataset());
    std::vector<UserHistory> out;
    std::deque<std::string> window;
    std::string user;
    auto close = [&] {
        if (!user.empty() && !window.empty())
            out.push_back({user, std::vector<std::string>(window.begin(), window.end())});
        window.clear();
    };
    while (select->step()) {
        std::string next = select->text(0);
        if (next != user) {
            close();
            user = std::move(next);
        }
        window.push_back(SequenceData::actionToken(select->text(1), select->text(2)));
        if (window.size() > m_state->context)
            window.pop_front();
    }
    if (select->failed())
        return Error{select->lastError()};
    close();
    if (out.empty())
        return Error{"dataset '" + dataset() + "' has no interactions"};
    return out;
}

} // namespace chorus
