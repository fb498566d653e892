#include "ui/embeddings/projectorsourcelist.h"

#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "core/training/runstore.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QStringList>
#include <QVariantMap>

#include <utility>

QString ProjectorSourceList::fill(QComboBox *combo, chorus::Project &project)
{
    combo->clear();
    QString problem;
    auto runs = chorus::RunStore(project).list();
    if (!runs) {
        problem = QString::fromStdString(runs.message());
    } else {
        chorus::RunArtifacts artifacts(project);
        for (const chorus::RunSummary &run : *runs) {
            if (run.status == "running" || run.status == "paused")
                continue;
            const QString name = run.name.empty() ? QString::fromStdString(run.model) : QString::fromStdString(run.name);
            const QString label = tr("#%1 %2 (%3): %4").arg(run.id).arg(name, QString::fromStdString(run.dataset));
            if (run.model.rfind("recommender_", 0) == 0) {
                // Factor models (MF, the hybrid's MF part) keep their user and item factors as
                // projector tables; neighbourhood and content recommenders have no vectors.
                auto factors = artifacts.latest(run.id, "embeddings", "factors");
                if (!factors)
                    continue;
                const nlohmann::json tables = nlohmann::json::parse(factors->data, nullptr, false);
                const std::pair<const char *, QString> sides[] = {{"users", tr("user factors")},
                                                                  {"items", tr("item factors")}};
                for (const auto &[key, what] : sides) {
                    if (!tables.is_object() || !tables.contains(key))
                        continue;
                    const QVariantMap table{
                        {QStringLiteral("vectors"), QString::fromStdString(tables[key].value("vectors", ""))},
                        {QStringLiteral("metadata"), QString::fromStdString(tables[key].value("metadata", ""))},
                        {QStringLiteral("run"), QVariant::fromValue<qlonglong>(run.id)},
                        {QStringLiteral("space"), QString::fromLatin1(key)}};
                    combo->addItem(label.arg(what), table);
                }
                continue;
            }
            // Seq2seq runs classify nothing: no post representation and no token table.
            if (run.model == "seq2seq")
                continue;
            if (run.model == "word2vec") {
                combo->addItem(label.arg(tr("word vectors")), QVariant::fromValue<qlonglong>(run.id));
                continue;
            }
            auto encoding = artifacts.latest(run.id, "encoding", "encoding");
            if (!encoding)
                continue; // failed before training
            // Families that read no text (image, video) have no token table, but every
            // classifier has its view of each post.
            const nlohmann::json e = nlohmann::json::parse(encoding->data, nullptr, false);
            if (!(e.is_object() && e.contains("inputs") && !e["inputs"].value("text", true)))
                combo->addItem(label.arg(tr("token embeddings")), QVariant::fromValue<qlonglong>(run.id));
            combo->addItem(label.arg(tr("posts as the model sees them")),
                              QVariantMap{{QStringLiteral("posts_of_run"), QVariant::fromValue<qlonglong>(run.id)}});
        }
    }
    // Posts need no run: their LSA vectors come straight from the text, coloured by any label
    // task (topics included).
    if (auto datasets = project.datasets(); datasets) {
        for (const chorus::DatasetInfo &dataset : *datasets)
            if (dataset.posts > 0)
                combo->addItem(tr("Posts of '%1' (LSA)").arg(QString::fromStdString(dataset.name)),
                                  QString::fromStdString(dataset.name));
        // Users: what each one writes as one TF-IDF vector, reduced like the posts.
        for (const chorus::DatasetInfo &dataset : *datasets)
            if (dataset.posts > 0)
                combo->addItem(tr("Users of '%1' (TF-IDF, LSA)").arg(QString::fromStdString(dataset.name)),
                                  QStringList{QStringLiteral("users"), QString::fromStdString(dataset.name)});
    }
    return problem;
}

std::optional<ProjectorRunSpace> ProjectorSourceList::runSpace(const QVariant &data)
{
    if (data.typeId() == QMetaType::LongLong)
        return ProjectorRunSpace{data.toLongLong(), chorus::EmbeddingSpace::Tokens};
    if (data.typeId() != QMetaType::QVariantMap)
        return std::nullopt;
    const QVariantMap map = data.toMap();
    if (map.contains(QStringLiteral("posts_of_run")))
        return ProjectorRunSpace{map.value(QStringLiteral("posts_of_run")).toLongLong(), chorus::EmbeddingSpace::Posts};
    if (!map.contains(QStringLiteral("run")))
        return std::nullopt;
    auto space = chorus::parseEmbeddingSpace(map.value(QStringLiteral("space")).toString().toStdString());
    if (!space)
        return std::nullopt;
    return ProjectorRunSpace{map.value(QStringLiteral("run")).toLongLong(), *space};
}

QString ProjectorSourceList::epochTitle(const QString &runName, int epoch, chorus::EmbeddingSpace space)
{
    switch (space) {
    case chorus::EmbeddingSpace::Posts:
        return tr("posts as %1 saw them at epoch %2").arg(runName).arg(epoch);
    case chorus::EmbeddingSpace::Users:
        return tr("user factors of %1, iteration %2").arg(runName).arg(epoch);
    case chorus::EmbeddingSpace::Items:
        return tr("item factors of %1, iteration %2").arg(runName).arg(epoch);
    case chorus::EmbeddingSpace::Tokens:
        break;
    }
    return tr("%1, epoch %2").arg(runName).arg(epoch);
}

QString ProjectorSourceList::epochChoice(const chorus::EmbeddingEpoch &epoch, chorus::EmbeddingSpace space)
{
    if (space == chorus::EmbeddingSpace::Users || space == chorus::EmbeddingSpace::Items)
        return tr("Iteration %1").arg(epoch.epoch);
    return tr("Epoch %1 (step %2)").arg(epoch.epoch).arg(epoch.step);
}
