// predict and explain for seq2seq runs (see seq2seqcommands.h).
#include "seq2seqcommands.h"

#include "arguments.h"
#include "clicontext.h"
#include "runposts.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/util/csvescape.h"
#include "models/training/seq2seqgenerator.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace chorus;

namespace {

std::string joined(const std::vector<std::string> &tokens)
{
    std::string out;
    for (const std::string &t : tokens)
        out += (out.empty() ? "" : " ") + t;
    return out;
}

} // namespace

bool isSeq2seqRun(Project &project, std::int64_t runId)
{
    auto run = RunStore(project).get(runId);
    return run && run->model == "seq2seq";
}


// predict for a seq2seq run: a generated reply per text or per post of a dataset (replies runs),
// or each user's next actions from their latest ones (behaviour runs), by the run's beam search.
int predictWithSeq2seq(CliContext &ctx, Project &project, std::int64_t runId, const Arguments &args)
{
    auto generator = Seq2seqGenerator::load(project, runId);
    if (!generator)
        return ctx.fail(generator.message());
    const bool behaviour = generator->source() == SequenceSource::Behaviour;
    if (args.has("store-as"))
        return ctx.usage("--store-as stores classes; a seq2seq run generates sequences");
    std::vector<std::string> keys, shown;
    std::vector<std::vector<std::string>> sources;
    if (behaviour) {
        if (args.has("text"))
            return ctx.usage("a behaviour run predicts users' next actions: give --dataset NAME (its interactions)");
        if (args.value("dataset") != generator->dataset())
            return ctx.fail("run " + std::to_string(runId) + " predicts the users of dataset '" + generator->dataset() + "'");
        auto histories = generator->latestHistories(project);
        if (!histories)
            return ctx.fail(histories.message());
        for (auto &h : *histories) {
            keys.push_back(h.user);
            shown.push_back(joined(h.actions));
            sources.push_back(std::move(h.actions));
        }
    } else if (args.has("dataset")) {
        auto posts = postsOf(project, args.value("dataset"), "", 0, "");
        if (!posts)
            return ctx.fail(posts.message());
        if (posts->empty())
            return ctx.fail("dataset '" + args.value("dataset") + "' has no posts");
        for (const PostText &p : *posts) {
            keys.push_back(std::to_string(p.id));
            shown.push_back(p.text);
            sources.push_back(generator->sourceOfText(p.text));
        }
    } else {
        for (const std::string &text : args.values("text")) {
            keys.emplace_back();
            shown.push_back(text);
            sources.push_back(generator->sourceOfText(text));
        }
    }
    auto generated = generator->generate(sources, args.has("text") ? 0 : 1);
    if (!generated)
        return ctx.fail(generated.message());

    const std::string output = args.positionals()[1];
    const std::string temporary = output + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary);
        if (!out)
            return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
        out << (behaviour ? "user,history,next_actions,score" : "post_id,text,generated,score") << "\r\n";
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const GeneratedSequence &best = (*generated)[i].front();
            out << csvEscape(keys[i]) << "," << csvEscape(shown[i]) << "," << csvEscape(best.text()) << "," << best.score
                << "\r\n";
        }
        if (!out.flush())
            return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
    }
    if (std::rename(temporary.c_str(), output.c_str()) != 0)
        return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
    nlohmann::json json = {{"run_id", runId}, {behaviour ? "users" : "posts", keys.size()}, {"output", output}};
    if (args.has("text")) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &candidates : *generated) {
            nlohmann::json ranked = nlohmann::json::array();
            for (const GeneratedSequence &g : candidates)
                ranked.push_back({{"text", g.text()}, {"score", g.score}, {"finished", g.finished}});
            list.push_back({{"generated", candidates.front().text()}, {"score", candidates.front().score},
                            {"candidates", ranked}});
        }
        json["predictions"] = list;
    }
    std::string human = "Wrote " + std::to_string(keys.size()) + (behaviour ? " users' next actions" : " generated replies") +
                        " to " + output + "\n";
    if (args.has("text"))
        for (std::size_t i = 0; i < keys.size(); ++i)
            human += shown[i] + "\n  -> " + (*generated)[i].front().text() + "\n";
    return ctx.succeed(json, human);
}


// explain for a seq2seq run: the beam's ranked candidates for one source and, for the best, which
// source token each generated token attended to (in --json every candidate carries its full
// cross-attention matrix; the top-level one is the best's).
int explainWithSeq2seq(CliContext &ctx, Project &project, std::int64_t runId, std::int64_t postId,
                       const std::string &givenText, const Seq2seqDecoding &decoding)
{
    auto generator = Seq2seqGenerator::load(project, runId);
    if (!generator)
        return ctx.fail(generator.message());
    generator->setDecoding(decoding.beamWidth > 0 ? decoding.beamWidth : generator->beamWidth(),
                           decoding.lengthPenalty >= 0 ? decoding.lengthPenalty : generator->lengthPenalty());
    std::string text = givenText;
    if (postId > 0) {
        auto select = project.db().prepare("SELECT text FROM posts WHERE id = ?1");
        if (!select)
            return ctx.fail(select.message());
        select->bind(1, postId);
        if (!select->step())
            return ctx.fail("no post with id " + std::to_string(postId));
        text = select->text(0);
    }
    std::vector<std::string> source;
    if (generator->source() == SequenceSource::Behaviour) {
        if (postId > 0)
            return ctx.usage("a behaviour run reads actions: give --text \"kind:item kind:item ...\"");
        std::istringstream words(text); // actions as the trainer names them, "kind:item", oldest first
        for (std::string action; words >> action;) {
            // A word that is no action would only decode as <unk>: say so instead.
            if (action.find(':') == std::string::npos)
                return ctx.usage("'" + action + "' is not an action: a behaviour run reads actions named as in training, "
                                 "\"kind:item kind:item ...\"");
            source.push_back(action);
        }
        if (source.empty())
            return ctx.usage("a behaviour run reads actions: give --text \"kind:item kind:item ...\"");
        if (source.size() > generator->context())
            source.erase(source.begin(), source.end() - static_cast<std::ptrdiff_t>(generator->context()));
    } else {
        source = generator->sourceOfText(text);
    }
    auto generated = generator->generate({source}, 0);
    if (!generated)
        return ctx.fail(generated.message());
    const std::vector<GeneratedSequence> &candidates = generated->front();
    const GeneratedSequence &best = candidates.front();
    // The steps a candidate's attention rows belong to: its tokens, then <eos> when it finished.
    auto decodedSteps = [](const GeneratedSequence &g) {
        std::vector<std::string> steps = g.tokens;
        if (g.finished)
            steps.emplace_back(Vocabulary::kEnd);
        return steps;
    };
    nlohmann::json ranked = nlohmann::json::array();
    for (const GeneratedSequence &g : candidates)
        ranked.push_back({{"tokens", g.tokens},
                          {"text", g.text()},
                          {"score", g.score},
                          {"log_probability", g.logProbability},
                          {"length", decodedSteps(g).size()},
                          {"finished", g.finished},
                          {"decoded_tokens", decodedSteps(g)},
                          {"attention", g.attention}});
    const std::vector<std::string> steps = decodedSteps(best);
    nlohmann::json json = {{"run_id", runId},
                           {"model", "seq2seq"},
                           {"source", generator->source() == SequenceSource::Behaviour ? "behaviour" : "replies"},
                           {"beam_width", generator->beamWidth()},
                           {"length_penalty", generator->lengthPenalty()},
                           {"source_tokens", source},
                           {"generated", best.text()},
                           {"candidates", ranked},
                           {"decoded_tokens", steps},
                           {"attention", best.attention}};
    if (postId > 0)
        json["post_id"] = postId;
    std::ostringstream human;
    human << "Source: " << joined(source) << "\n";
    for (std::size_t i = 0; i < candidates.size(); ++i)
        human << (i == 0 ? "Best" : "    ") << "  " << candidates[i].score << "  " << candidates[i].text()
              << (candidates[i].finished ? "" : " ...") << "\n";
    human << "Each generated token and the source token it attended to most:\n";
    for (std::size_t i = 0; i < steps.size() && i < best.attention.size(); ++i) {
        const std::vector<double> &row = best.attention[i];
        if (row.empty() || source.empty())
            continue;
        const auto top = static_cast<std::size_t>(std::max_element(row.begin(), row.end()) - row.begin());
        human << "  " << steps[i] << "\t<- " << (top < source.size() ? source[top] : "?") << " (" << row[top] << ")\n";
    }
    return ctx.succeed(json, human.str());
}

