#include "core/recommend/contentrecommender.h"

#include "core/store/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace chorus {

namespace {

TokenizerOptions contentTokenizerOptions()
{
    TokenizerOptions options;
    options.keepPunctuation = false; // "the", "," and ":" are not what an article is about
    return options;
}

} // namespace

ContentRecommender::ContentRecommender(std::unordered_map<std::string, std::string> itemTexts)
    : m_itemTexts(std::move(itemTexts)), m_tokenizer(contentTokenizerOptions())
{
}

Result<std::unordered_map<std::string, std::string>> ContentRecommender::loadItemTexts(Project &project,
                                                                                         std::int64_t datasetId)
{
    auto select = project.db().prepare(
        "SELECT source_id, coalesce(title, ''), coalesce(extras, '') FROM items WHERE dataset_id = ?");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    std::unordered_map<std::string, std::string> texts;
    while (select->step()) {
        std::string text = select->text(1);
        const std::string extras = select->text(2);
        if (!extras.empty()) {
            // Malformed extras only lose the topic, not the item.
            const nlohmann::json json = nlohmann::json::parse(extras, nullptr, false);
            if (json.is_object()) {
                auto topic = json.find("topic");
                if (topic != json.end() && topic->is_string())
                    text += (text.empty() ? "" : " ") + topic->get<std::string>();
            }
        }
        texts[select->text(0)] = std::move(text);
    }
    if (select->failed())
        return Error{"cannot read the items of dataset " + std::to_string(datasetId) + ": " + select->lastError()};
    return texts;
}

Status ContentRecommender::fitModel(const InteractionMatrix &interactions)
{
    m_terms.clear();
    m_termNames.clear();
    const auto items = static_cast<std::size_t>(interactions.items());
    m_itemVectors.assign(items, {});
    std::vector<std::map<int, double>> counts(items);
    std::vector<double> documentFrequency;
    for (std::size_t c = 0; c < items; ++c) {
        auto text = m_itemTexts.find(interactions.itemKey(static_cast<int>(c)));
        if (text == m_itemTexts.end())
            continue;
        for (const std::string &token : m_tokenizer.tokenize(text->second)) {
            // Terms are numbered in order of first appearance over the columns: deterministic.
            auto [term, added] = m_terms.emplace(token, static_cast<int>(m_terms.size()));
            if (added) {
                documentFrequency.push_back(0.0);
                m_termNames.push_back(token);
            }
            double &count = counts[c][term->second];
            if (count == 0.0)
                documentFrequency[static_cast<std::size_t>(term->second)] += 1.0;
            count += 1.0;
        }
    }
    const double n = static_cast<double>(items);
    for (std::size_t c = 0; c < items; ++c) {
        SparseVector &vector = m_itemVectors[c];
        double norm = 0.0;
        for (const auto &[term, count] : counts[c]) {
            const double idf = std::log((1.0 + n) / (1.0 + documentFrequency[static_cast<std::size_t>(term)])) + 1.0;
            vector.emplace_back(term, count * idf);
            norm += count * idf * count * idf;
        }
        if (norm > 0.0) {
            norm = std::sqrt(norm);
            for (auto &entry : vector)
                entry.second /= norm;
        }
    }
    return Status::success();
}

void ContentRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const InteractionMatrix &train = trainingMatrix();
    const std::size_t consumed = train.rowSize(userRow);
    if (consumed == 0)
        return;
    std::vector<double> profile(m_terms.size(), 0.0);
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e)
        for (const auto &[term, value] : m_itemVectors[static_cast<std::size_t>(train.rowItems()[e])])
            profile[static_cast<std::size_t>(term)] += value / static_cast<double>(consumed);
    double norm = 0.0;
    for (double value : profile)
        norm += value * value;
    if (norm == 0.0)
        return;
    norm = std::sqrt(norm);
    for (std::size_t c = 0; c < out.size(); ++c) {
        double sum = 0.0;
        for (const auto &[term, value] : m_itemVectors[c])
            sum += profile[static_cast<std::size_t>(term)] * value;
        out[c] = sum / norm; // item vectors have unit length (or are empty)
    }
}

void ContentRecommender::explainItem(int userRow, int item, RecommendationReason &reason) const
{
    // The item's terms by their share of the cosine with the user's profile.
    const InteractionMatrix &train = trainingMatrix();
    std::unordered_map<int, double> profile;
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e)
        for (const auto &[term, value] : m_itemVectors[static_cast<std::size_t>(train.rowItems()[e])])
            profile[term] += value;
    std::vector<std::pair<double, int>> shared;
    for (const auto &[term, value] : m_itemVectors[static_cast<std::size_t>(item)]) {
        auto found = profile.find(term);
        if (found != profile.end() && found->second * value > 0.0)
            shared.emplace_back(-found->second * value, term);
    }
    std::sort(shared.begin(), shared.end());
    reason.kind = RecommendationReason::Kind::SharedTerms;
    for (std::size_t i = 0; i < shared.size() && i < kReasonEvidence; ++i)
        reason.terms.push_back(m_termNames[static_cast<std::size_t>(shared[i].second)]);
}

} // namespace chorus
