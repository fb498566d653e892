#pragma once

#include "core/embeddings/embeddinghistory.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <optional>

class QComboBox;

namespace chorus {
class Project;
}

// A source whose vectors a run recorded per epoch: which run, and which of its spaces.
struct ProjectorRunSpace {
    qint64 run = 0;
    chorus::EmbeddingSpace space = chorus::EmbeddingSpace::Tokens;
};

// What the projector can show from a project, as items of its source list: each finished run's
// vectors (word2vec words, a classifier's token embeddings and its posts as it sees them, a factor
// recommender's user and item factors) and, for each dataset, its posts and its users. An item's
// data says what to load: a run id (qlonglong) for word or token vectors, {"posts_of_run": id} for
// a run's posts, {"vectors", "metadata"} for a TSV pair (with "run" and "space" for a recommender's
// factors), the dataset name (QString) for its posts, {"users", dataset} (QStringList) for its users.
class ProjectorSourceList {
    Q_DECLARE_TR_FUNCTIONS(ProjectorSourceList)

public:
    // Replaces the combo's items; returns what went wrong reading the runs (the datasets are
    // listed anyway), empty when nothing did.
    static QString fill(QComboBox *combo, chorus::Project &project);
    // The run and space of an item's data when the run may have recorded them per epoch: word and
    // token vectors, a classifier's posts, a factor model's users and items.
    static std::optional<ProjectorRunSpace> runSpace(const QVariant &data);
    // The epoch list's entry: "Epoch N (step S)", or "Iteration N" for a factor model's ALS.
    static QString epochChoice(const chorus::EmbeddingEpoch &epoch, chorus::EmbeddingSpace space);
    // What the projector calls the vectors of a run's space at one epoch.
    static QString epochTitle(const QString &runName, int epoch, chorus::EmbeddingSpace space);
};
