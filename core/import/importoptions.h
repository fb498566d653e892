#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace chorus {

// "--label TASK=FIELD": the value of FIELD becomes the post's label for TASK. FIELD is a canonical
// post field (client_app, language, author, ...), a CSV column, or a JSON pointer ("/user/lang").
struct LabelSpec {
    std::string task;
    std::string field;
    static Result<LabelSpec> parse(const std::string &spec); // "TASK=FIELD"
};

// How the columns of a CSV file or the members of a JSON object map onto post fields.
// Keys of `fields` are canonical names: id, text, author, author_name, created_at, language,
// reply_to, thread_id, likes, shares, replies, client_app. Values are a column name (CSV), a member
// name or a JSON pointer starting with '/' (JSON). `images` and `videos` name fields holding media
// paths, resolved against the input file's folder when relative; `extras` are kept verbatim.
struct FieldMapping {
    std::map<std::string, std::string> fields;
    std::vector<LabelSpec> labels;
    std::vector<std::string> images;
    std::vector<std::string> videos;
    std::vector<std::string> extras;

    bool empty() const { return fields.empty() && labels.empty() && images.empty() && videos.empty() && extras.empty(); }
    // {"fields": {...}, "labels": {"task": "field"}, "images": [...], "videos": [...], "extras": [...]}
    // Unknown keys and unknown canonical field names are errors naming the key.
    static Result<FieldMapping> fromJson(const nlohmann::json &json);
    static Result<FieldMapping> fromFile(const std::string &path);
    static const std::vector<std::string> &canonicalFields();
};

struct PrivacyOptions {
    bool pseudonymizeUsers = false; // keyed hash (HMAC-SHA256, per-project secret) replaces user ids
    bool maskContacts = false;      // e-mail addresses and phone numbers in text become placeholders
};

struct ImportOptions {
    std::string format;  // csv, tsv, jsonl, twitter, reddit, images, video, interactions
    std::string dataset; // created when missing
    FieldMapping mapping;
    std::vector<LabelSpec> labels; // from the command line, added to mapping.labels
    PrivacyOptions privacy;
    // A post whose text repeats one already in the dataset or earlier in the import (letter case
    // and spacing aside; retweets, copy-paste spam) is skipped and counted as a duplicate. Posts
    // without text are never skipped for it. Costs about 40 bytes of memory per distinct text.
    bool skipDuplicateText = false;
    std::string folderLabelTask = "label"; // images: the sub-folder name becomes this task's label
    std::size_t batchSize = 8192;          // rows per transaction
    std::size_t maxReportedErrors = 1000;  // every rejected row is logged in the project; this many are returned
};

} // namespace chorus
