#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>

namespace chorus {
class Project;
}

// What the analytics forms offer to pick from, read with small indexed queries on the GUI
// thread's connection (never the post texts in bulk).
class ProjectCatalog {
public:
    struct Dataset {
        std::int64_t id = 0;
        QString name;
    };
    struct Run {
        std::int64_t id = 0;
        QString title;
    };
    struct Author {
        std::int64_t userId = 0;
        QString display; // the pseudonym under privacy, else the name or source id
    };

    // Datasets holding posts, by name.
    static QVector<Dataset> postDatasets(chorus::Project &project);
    // Label tasks with at least one label on the dataset's posts, sorted.
    static QStringList labelTasks(chorus::Project &project, std::int64_t datasetId);
    // Tasks under which a topic model of the dataset is stored (TopicStore's meta keys).
    static QStringList topicTasks(chorus::Project &project, std::int64_t datasetId);
    // Finished word2vec runs, whose vectors can embed posts for topics.
    static QVector<Run> word2vecRuns(chorus::Project &project);
    // Users who wrote posts in the dataset, with the name a person sees under the privacy setting.
    static QVector<Author> authors(chorus::Project &project, std::int64_t datasetId, bool privacy);
    static QString postText(chorus::Project &project, std::int64_t postId);
};
