#include "core/analytics/opinionreport.h"

#include "core/util/csvescape.h"
#include "core/util/timeparse.h"

#include <algorithm>
#include <sstream>

namespace chorus {

Result<OpinionReport> OpinionReport::compute(Project &project, const OpinionOptions &options, int horizon,
                                             const Progress &progress)
{
    if (progress && !progress("counting opinion", 0))
        return Error{"cancelled"};
    auto series = OpinionMonitor::compute(project, options);
    if (!series)
        return series.error();
    OpinionReport out;
    out.options = options;
    out.horizon = std::max(horizon, 0);
    out.series = std::move(*series);
    if (out.horizon > 0)
        for (std::size_t c = 0; c < out.series.classes.size(); ++c)
            out.forecasts.push_back(SeriesForecast::of(out.shareHistory(c), out.horizon));
    return out;
}

std::vector<double> OpinionReport::shareHistory(std::size_t classIndex) const
{
    std::vector<double> history;
    history.reserve(series.buckets.size());
    for (std::size_t b = 0; b < series.buckets.size(); ++b)
        history.push_back(series.share(classIndex, b));
    return history;
}

nlohmann::json OpinionReport::toJson() const
{
    const OpinionSeries &s = series;
    nlohmann::json labels = nlohmann::json::array();
    for (std::size_t b = 0; b < s.buckets.size(); ++b)
        labels.push_back(s.bucketLabel(b));
    nlohmann::json counts = nlohmann::json::object();
    nlohmann::json shares = nlohmann::json::object();
    for (std::size_t c = 0; c < s.classes.size(); ++c) {
        counts[s.classes[c]] = s.counts[c];
        shares[s.classes[c]] = shareHistory(c);
    }
    nlohmann::json json = {{"mode", "opinion"},
                           {"task", options.task},
                           {"resolution", TimeBucket::resolutionName(s.resolution)},
                           {"classes", s.classes},
                           {"buckets", labels},
                           {"bucket_starts", s.buckets},
                           {"totals", s.totals},
                           {"counts", counts},
                           {"shares", shares},
                           {"shift", nullptr}};
    if (!options.hashtag.empty())
        json["hashtag"] = options.hashtag;
    if (!options.topicTask.empty())
        json["topic"] = {{"task", options.topicTask}, {"value", options.topicValue}};
    if (!dataset.empty())
        json["dataset"] = dataset;
    if (const auto &shift = s.shift) {
        nlohmann::json before = nlohmann::json::object();
        nlohmann::json after = nlohmann::json::object();
        for (std::size_t c = 0; c < s.classes.size(); ++c) {
            before[s.classes[c]] = shift->sharesBefore[c];
            after[s.classes[c]] = shift->sharesAfter[c];
        }
        const std::size_t m = shift->mostChangedClass;
        json["shift"] = {{"bucket", s.bucketLabel(shift->bucket)},
                         {"bucket_index", shift->bucket},
                         {"posts_before", shift->postsBefore},
                         {"posts_after", shift->postsAfter},
                         {"shares_before", before},
                         {"shares_after", after},
                         {"distance", shift->distance},
                         {"chi_square", shift->chiSquare},
                         {"most_changed", s.classes[m]},
                         {"change", shift->sharesAfter[m] - shift->sharesBefore[m]}};
    }
    if (horizon > 0 && !s.buckets.empty()) {
        json["horizon"] = horizon;
        nlohmann::json forecastsJson = nlohmann::json::object();
        for (std::size_t c = 0; c < forecasts.size() && c < s.classes.size(); ++c)
            forecastsJson[s.classes[c]] = forecastToJson(forecasts[c], s.buckets.back(), s.resolution);
        json["forecasts"] = forecastsJson;
    }
    return json;
}

nlohmann::json OpinionReport::paramsJson() const
{
    nlohmann::json json = {{"dataset_id", options.datasetId},
                           {"task", options.task},
                           {"resolution", TimeBucket::resolutionName(options.resolution)},
                           {"horizon", horizon}};
    if (!options.hashtag.empty())
        json["hashtag"] = options.hashtag;
    if (!options.topicTask.empty())
        json["topic"] = {{"task", options.topicTask}, {"value", options.topicValue}};
    if (options.from)
        json["from"] = formatIsoUtc(*options.from);
    if (options.to)
        json["to"] = formatIsoUtc(*options.to);
    return json;
}

Result<OpinionReport> OpinionReport::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || json.value("mode", std::string()) != "opinion")
        return Error{"not a stored opinion result"};
    OpinionReport out;
    try {
        auto resolution = TimeBucket::parseResolution(json.at("resolution").get<std::string>());
        if (!resolution)
            return resolution.error();
        out.options.task = json.at("task").get<std::string>();
        out.options.resolution = *resolution;
        out.options.hashtag = json.value("hashtag", std::string());
        if (json.contains("topic")) {
            out.options.topicTask = json.at("topic").value("task", std::string());
            out.options.topicValue = json.at("topic").value("value", std::string());
        }
        out.dataset = json.value("dataset", std::string());
        OpinionSeries &s = out.series;
        s.resolution = *resolution;
        s.classes = json.at("classes").get<std::vector<std::string>>();
        s.buckets = json.at("bucket_starts").get<std::vector<std::int64_t>>();
        s.totals = json.at("totals").get<std::vector<std::int64_t>>();
        if (s.totals.size() != s.buckets.size())
            return Error{"a stored opinion result has " + std::to_string(s.totals.size()) + " totals for " +
                         std::to_string(s.buckets.size()) + " buckets"};
        for (const std::string &c : s.classes) {
            s.counts.push_back(json.at("counts").at(c).get<std::vector<std::int64_t>>());
            if (s.counts.back().size() != s.buckets.size())
                return Error{"the stored counts of '" + c + "' do not match the buckets"};
        }
        const nlohmann::json &shift = json.at("shift");
        if (shift.is_object()) {
            OpinionShift sh;
            sh.bucket = shift.at("bucket_index").get<std::size_t>();
            sh.postsBefore = shift.value("posts_before", std::int64_t(0));
            sh.postsAfter = shift.value("posts_after", std::int64_t(0));
            sh.distance = shift.value("distance", 0.0);
            sh.chiSquare = shift.value("chi_square", 0.0);
            const std::string changed = shift.value("most_changed", std::string());
            for (std::size_t c = 0; c < s.classes.size(); ++c) {
                sh.sharesBefore.push_back(shift.at("shares_before").value(s.classes[c], 0.0));
                sh.sharesAfter.push_back(shift.at("shares_after").value(s.classes[c], 0.0));
                if (s.classes[c] == changed)
                    sh.mostChangedClass = c;
            }
            if (sh.bucket >= s.buckets.size())
                return Error{"the stored opinion shift lies outside the series"};
            s.shift = std::move(sh);
        }
        out.horizon = json.value("horizon", 0);
        if (json.contains("forecasts"))
            for (const std::string &c : s.classes) {
                if (!json.at("forecasts").contains(c)) {
                    out.forecasts.push_back({std::nullopt, "no forecast stored"});
                    continue;
                }
                auto forecast = forecastFromJson(json.at("forecasts").at(c));
                if (!forecast)
                    return forecast.error();
                out.forecasts.push_back(std::move(*forecast));
            }
    } catch (const nlohmann::json::exception &e) {
        return Error{std::string("a stored opinion result is incomplete: ") + e.what()};
    }
    return out;
}

std::string OpinionReport::toCsv() const
{
    const OpinionSeries &s = series;
    std::ostringstream csv;
    csv << "bucket,bucket_start,posts";
    for (const std::string &c : s.classes)
        csv << ',' << csvEscape(c);
    for (const std::string &c : s.classes)
        csv << ',' << csvEscape("share:" + c);
    csv << "\n";
    for (std::size_t b = 0; b < s.buckets.size(); ++b) {
        csv << s.bucketLabel(b) << ',' << s.buckets[b] << ',' << s.totals[b];
        for (std::size_t c = 0; c < s.classes.size(); ++c)
            csv << ',' << s.counts[c][b];
        for (std::size_t c = 0; c < s.classes.size(); ++c)
            csv << ',' << s.share(c, b);
        csv << "\n";
    }
    return csv.str();
}

std::string OpinionReport::defaultName() const
{
    std::string name = options.task + " per " + TimeBucket::resolutionName(options.resolution);
    if (!options.hashtag.empty())
        name += ", " + (options.hashtag.front() == '#' ? options.hashtag : "#" + options.hashtag);
    if (!options.topicTask.empty())
        name += ", " + options.topicTask + " = " + options.topicValue;
    return name;
}

} // namespace chorus
