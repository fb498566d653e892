#pragma once

#include "ui/attention/attentionpost.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <string>

// One "attention" artifact of a run (recorded once per epoch by the trainer): the fixed probe
// posts of the validation set as the model saw them at the end of that epoch.
struct AttentionSnapshot {
    int epoch = 0;
    qint64 step = 0;
    QStringList classes;
    QVector<AttentionPost> posts;

    // Nullptr when the post is not among this snapshot's probe posts.
    const AttentionPost *post(qint64 postId) const;

    // Parses the artifact's JSON; an empty optional with *error set when it is not a snapshot.
    // Missing optional parts stay empty; a part of the wrong shape makes the whole snapshot unusable,
    // so no view ever shows weights that belong to other tokens.
    static std::optional<AttentionSnapshot> fromJson(const std::string &json, QString *error);
};
