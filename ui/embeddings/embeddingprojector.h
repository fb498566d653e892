#pragma once

#include "core/embeddings/embeddingsnapshot.h"
#include "core/training/runstore.h"
#include "core/util/result.h"
#include "ui/embeddings/projectionrunner.h"
#include "ui/embeddings/projectionsettings.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace chorus {
class Project;
class WordVectors;
struct ProjectorTable;
} // namespace chorus

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProcess;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTemporaryDir;
class QThread;
class ScatterView;

// The embedding projector: vectors from a word2vec run (its vectors file), a supervised run (its
// token embeddings, exported by the chorus-cli worker since the GUI holds no LibTorch), a
// dataset's posts (LSA vectors, coloured by any label task) or any projector TSV pair, projected
// to 2-D by PCA, Barnes-Hut t-SNE or UMAP (parameters in ProjectionSettings, set before a run) on
// a background thread, drawn point for point, coloured by frequency rank or a metadata column,
// searchable, with the cosine neighbours of a clicked point in the original space, exportable as
// PNG, SVG, PDF or CSV.
class EmbeddingProjector : public QWidget {
    Q_OBJECT

public:
    explicit EmbeddingProjector(QWidget *parent = nullptr);
    ~EmbeddingProjector() override;

    void setProject(chorus::Project *project);
    // Re-reads the project's runs into the source list.
    void refresh();
    // The chorus-cli that exports a supervised run's embeddings (WorkerProcess::defaultProgram by default).
    void setCliProgram(const QString &program) { m_cliProgram = program; }
    QString cliProgram() const { return m_cliProgram; }

    // Shows a table at once (no projection yet: runProjection, or the PCA that starts by itself
    // when PCA is the chosen method).
    void setTable(std::shared_ptr<const chorus::ProjectorTable> table, const QString &name);
    void setWordVectors(const chorus::WordVectors &vectors, const QString &name, bool frequencyOrdered = true);
    // Loads in the background and reports tableLoaded or loadFailed. A word2vec run's vectors are
    // read from its file; any other run's token embeddings come from `chorus-cli export --what embeddings`.
    void loadRun(qint64 runId);
    // The vectors of one space the run recorded at the end of `epoch` (EmbeddingHistory), read from
    // the project.
    void loadRunEpoch(qint64 runId, int epoch, chorus::EmbeddingSpace space = chorus::EmbeddingSpace::Tokens);
    // Each post of a classifier run's dataset as its model sees it (what its output layer reads),
    // from `chorus-cli export --what posts`, with text, split, label and prediction to colour by.
    void loadRunPosts(qint64 runId);
    void loadTsv(const QString &vectorsPath, const QString &metadataPath);
    // A dataset's posts as LSA vectors with their text, author, day, labels and split as metadata.
    void loadPosts(const QString &dataset);
    // A dataset's users as points (core's userEmbeddingTable: the TF-IDF vectors user similarity
    // ranks by, reduced by LSA), named by pseudonym under privacy; selectUserId > 0 is selected
    // once loaded. The "Users of" sources load with the privacy set by setUserPrivacy.
    void loadUsers(const QString &dataset, bool privacy, qint64 selectUserId = 0);
    void setUserPrivacy(bool on) { m_userPrivacy = on; }
    bool userPrivacy() const { return m_userPrivacy; }
    bool isLoading() const;

    void setMethod(ProjectionMethod method);
    // Starts the chosen method with the parameters in the form; a run in flight is abandoned.
    void runProjection();
    void cancelProjection();
    bool isProjecting() const;

    // Lists the k nearest points of `row` by cosine similarity of the original vectors.
    void selectPoint(int row);
    int selectedPoint() const { return m_selected; }
    // Labels in the neighbour list, nearest first.
    QStringList neighbourLabels() const;
    int matchCount() const { return m_matches; }

    bool exportImage(const QString &path);
    // One row per point: label, x, y, then every further metadata column.
    bool exportCsv(const QString &path) const;

    const chorus::ProjectorTable *table() const { return m_table.get(); }
    int rows() const;
    // rows x 2 of the current projection, empty before the first one.
    const QVector<double> &coordinates() const { return m_coordinates; }

    ScatterView *scatter() const { return m_scatter; }
    QComboBox *sourceCombo() const { return m_source; }
    // "Final", then each epoch the selected run recorded (its data: the epoch, 0 for final).
    QComboBox *epochCombo() const { return m_epoch; }
    ProjectionSettings *settings() const { return m_settings; }
    QComboBox *methodCombo() const { return m_settings->methodCombo(); }
    QComboBox *colourCombo() const { return m_colour; }
    QDoubleSpinBox *perplexitySpin() const { return m_settings->perplexitySpin(); }
    QSpinBox *iterationsSpin() const { return m_settings->iterationsSpin(); }
    QDoubleSpinBox *thetaSpin() const { return m_settings->thetaSpin(); }
    QSpinBox *umapNeighboursSpin() const { return m_settings->neighboursSpin(); }
    QDoubleSpinBox *minDistSpin() const { return m_settings->minDistSpin(); }
    QSpinBox *epochsSpin() const { return m_settings->epochsSpin(); }
    QSpinBox *seedSpin() const { return m_settings->seedSpin(); }
    QSpinBox *neighbourCountSpin() const { return m_k; }
    // Loads the selected source (and epoch).
    QPushButton *loadButton() const { return m_loadSource; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *matchLabel() const { return m_matchLabel; }
    QListWidget *neighbourList() const { return m_neighbours; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void tableLoaded(int rows);
    void loadFailed(const QString &message);
    void projectionFinished();
    void projectionFailed(const QString &message);

private:
    using TableLoader = std::function<chorus::Result<chorus::ProjectorTable>()>;
    void loadInBackground(const QString &name, TableLoader load);
    void exportFinished(const QString &name);
    // `chorus-cli export PROJECT <what> OUT` in the background, then its projector TSV pair loaded.
    void exportWithWorker(const QString &name, const QStringList &what, bool frequencyOrdered, const QString &busyText);
    void showError(const QString &message);
    void loadSelectedSource();
    // The run, or nothing after its error is shown.
    std::optional<chorus::RunSummary> findRun(qint64 runId);
    QString runName(const chorus::RunSummary &run) const;
    void fillEpochChoices();
    void chooseTsv();
    void projected(const QVector<double> &coordinates, const QString &summary);
    void projectionProgress(int done, int total, const QString &stage);
    void setBusy(bool busy);
    void fillColourChoices();
    void applyColouring();
    void applySearch();

    chorus::Project *m_project = nullptr;
    QString m_cliProgram;
    bool m_userPrivacy = false;
    qint64 m_selectUserId = 0; // selected when the users table it belongs to arrives
    std::shared_ptr<const chorus::ProjectorTable> m_table;
    QString m_tableName;
    QStringList m_labels;
    QVector<double> m_coordinates;
    int m_selected = -1;
    int m_matches = 0;

    QProcess *m_export = nullptr;
    std::unique_ptr<QTemporaryDir> m_exportDir;
    std::vector<QThread *> m_loaders;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;

    ProjectionRunner *m_runner;
    ScatterView *m_scatter;
    QComboBox *m_source;
    QComboBox *m_epoch;
    bool m_exportFrequencyOrdered = true;
    QPushButton *m_loadSource;
    QPushButton *m_loadTsv;
    ProjectionSettings *m_settings;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QComboBox *m_colour;
    QLineEdit *m_search;
    QLabel *m_matchLabel;
    QSpinBox *m_k;
    QListWidget *m_neighbours;
    QLabel *m_selectedLabel;
    QPushButton *m_exportImage;
    QPushButton *m_exportCsv;
    QLabel *m_status;
};
