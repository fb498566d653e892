#pragma once

#include <QCoreApplication>
#include <QString>

class QComboBox;

namespace chorus {
class Project;
}

// What the projector can show from a project, as items of its source list: each finished run's
// vectors (word2vec words, a classifier's token embeddings and its posts as it sees them, a factor
// recommender's user and item factors) and, for each dataset, its posts and its users. An item's
// data says what to load: a run id (qlonglong) for word or token vectors, {"posts_of_run": id} for
// a run's posts, {"vectors", "metadata"} for a TSV pair, the dataset name (QString) for its posts,
// {"users", dataset} (QStringList) for its users.
class ProjectorSourceList {
    Q_DECLARE_TR_FUNCTIONS(ProjectorSourceList)

public:
    // Replaces the combo's items; returns what went wrong reading the runs (the datasets are
    // listed anyway), empty when nothing did.
    static QString fill(QComboBox *combo, chorus::Project &project);
};
