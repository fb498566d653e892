#include "ui/attention/attentionexplorer.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "core/training/runstore.h"
#include "ui/attention/barchart.h"
#include "ui/attention/classtokenview.h"
#include "ui/attention/flowlayout.h"
#include "ui/attention/imageexplanationpane.h"
#include "ui/attention/liveattentionrunner.h"
#include "ui/attention/threadattentionview.h"
#include "ui/attention/tokenchip.h"
#include "ui/attention/tokencolouringpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

namespace {

// Test posts listed for a run that reads images but recorded no attention.
constexpr int kTestPostsListed = 300;

QString elided(const QString &text, int length)
{
    const QString flat = text.simplified();
    return flat.size() <= length ? flat : flat.left(length - 1) + QChar(0x2026);
}

} // namespace

AttentionExplorer::AttentionExplorer(QWidget *parent)
    : QWidget(parent), m_runs(new QComboBox), m_posts(new QComboBox), m_epoch(new QSlider(Qt::Horizontal)),
      m_epochLabel(new QLabel), m_text(new QLabel), m_tokenArea(new QWidget), m_tokenScroll(nullptr), m_selection(new QLabel),
      m_prediction(new QLabel), m_probabilities(new BarChart(tr("Predicted class probabilities"), tr("probability"))),
      m_modalities(new BarChart(tr("Modality weights"), tr("weight"))),
      m_frames(new BarChart(tr("Attention per video frame"), tr("weight"))), m_image(new QLabel),
      m_classes(new ClassTokenView), m_message(new QLabel)
{
    m_runs->setMinimumContentsLength(18);
    m_posts->setMinimumContentsLength(40);
    m_posts->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_epoch->setPageStep(1);
    m_epoch->setTickPosition(QSlider::TicksBelow);
    m_epoch->setEnabled(false);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    new FlowLayout(m_tokenArea);
    auto *tokenScroll = new QScrollArea;
    tokenScroll->setWidget(m_tokenArea);
    tokenScroll->setWidgetResizable(true);
    tokenScroll->setMinimumHeight(90);
    m_tokenScroll = tokenScroll;
    m_probabilities->setValueRange(0, 1);
    m_modalities->setValueRange(0, 1);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(160, 120);
    m_image->setWordWrap(true);
    m_message->setWordWrap(true);
    m_thread = new ThreadAttentionView;
    m_colouring = new TokenColouringPanel;
    m_imagePane = new ImageExplanationPane;

    auto *pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Run")));
    pickers->addWidget(m_runs);
    m_postsLabel = new QLabel(tr("Probe post"));
    pickers->addWidget(m_postsLabel);
    pickers->addWidget(m_posts, 1);
    pickers->addWidget(new QLabel(tr("Epoch")));
    pickers->addWidget(m_epoch, 1);
    pickers->addWidget(m_epochLabel);

    auto *charts = new QHBoxLayout;
    charts->addWidget(m_probabilities, 3);
    charts->addWidget(m_modalities, 2);
    auto *media = new QHBoxLayout;
    m_mediaRow = media;
    media->addWidget(m_frames, 3);
    media->addWidget(m_image, 2);
    media->addWidget(m_imagePane, 3);

    auto *post = new QWidget;
    auto *postLayout = new QVBoxLayout(post);
    m_postLayout = postLayout;
    postLayout->setContentsMargins(0, 0, 0, 0);
    postLayout->addWidget(m_text);
    postLayout->addWidget(tokenScroll, 1);
    postLayout->addWidget(m_colouring, 2);
    postLayout->addWidget(m_thread, 2);
    postLayout->addWidget(m_selection);
    postLayout->addWidget(m_prediction);
    postLayout->addLayout(charts, 2);
    postLayout->addLayout(media, 2);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(post);
    splitter->addWidget(m_classes);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The same 3:2 at first (the stretch factors only share out later resizes): the class view's
    // four columns need the room.
    splitter->setSizes({600, 400});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(m_runs, &QComboBox::currentIndexChanged, this, &AttentionExplorer::runChosen);
    connect(m_posts, &QComboBox::currentIndexChanged, this, &AttentionExplorer::showCurrent);
    connect(m_epoch, &QSlider::valueChanged, this, &AttentionExplorer::showCurrent);
    connect(m_colouring, &TokenColouringPanel::changed, this, &AttentionExplorer::applyColouring);
    connect(m_imagePane, &ImageExplanationPane::explained, this, &AttentionExplorer::imageExplained);
    m_live = new LiveAttentionRunner(this);
    connect(m_live, &LiveAttentionRunner::finished, this, &AttentionExplorer::liveAttentionFinished);
    connect(m_live, &LiveAttentionRunner::failed, this, &AttentionExplorer::liveAttentionFailed);
    clearPost();
}

void AttentionExplorer::setProject(chorus::Project *project)
{
    m_project = project;
    m_loadedRun = 0;
    m_colouring->setProjectPath(project ? QString::fromStdString(project->path()) : QString());
    m_imagePane->setProject(project);
    refresh();
}

void AttentionExplorer::refresh()
{
    const qint64 keep = currentRun();
    const qint64 keepPost = currentPost();
    m_runs->blockSignals(true);
    m_runs->clear();
    m_message->clear();
    m_imageRuns.clear();
    if (m_project) {
        chorus::RunArtifacts artifacts(*m_project);
        auto runs = artifacts.runsWith("attention");
        auto imageRuns = artifacts.runsReading("image");
        if (!runs || !imageRuns)
            m_message->setText(QString::fromStdString(!runs ? runs.message() : imageRuns.message()));
        else {
            // Runs that read images explain their pictures even when they recorded no attention.
            for (std::int64_t id : *imageRuns)
                m_imageRuns.insert(id);
            runs->insert(runs->end(), imageRuns->begin(), imageRuns->end());
            std::sort(runs->begin(), runs->end(), std::greater<>());
            runs->erase(std::unique(runs->begin(), runs->end()), runs->end());
            chorus::RunStore store(*m_project);
            for (std::int64_t id : *runs) {
                auto run = store.get(id);
                QString label = tr("Run %1").arg(id);
                if (run && !run->name.empty())
                    label = tr("Run %1: %2").arg(id).arg(QString::fromStdString(run->name));
                else if (run)
                    label = tr("Run %1 (%2)").arg(id).arg(QString::fromStdString(run->model));
                m_runs->addItem(label, QVariant::fromValue<qlonglong>(id));
            }
            if (runs->empty())
                m_message->setText(tr("No run of this project has recorded attention yet: train a model that "
                                      "attends (an RNN with attention, a transformer, a multimodal fusion model)."));
        }
    }
    const int row = m_runs->findData(QVariant::fromValue<qlonglong>(keep));
    m_runs->setCurrentIndex(row >= 0 ? row : (m_runs->count() > 0 ? 0 : -1));
    m_runs->blockSignals(false);
    m_loadedRun = 0; // the run may have recorded more epochs since
    runChosen();
    if (keepPost != 0 && currentRun() == keep)
        if (const int postRow = m_posts->findData(QVariant::fromValue<qlonglong>(keepPost)); postRow >= 0)
            m_posts->setCurrentIndex(postRow);
}

qint64 AttentionExplorer::currentRun() const { return m_runs->currentData().toLongLong(); }

qint64 AttentionExplorer::currentPost() const { return m_posts->currentData().toLongLong(); }

const AttentionSnapshot *AttentionExplorer::currentSnapshot() const
{
    const int index = m_epoch->value();
    return index >= 0 && index < int(m_snapshots.size()) ? &m_snapshots[std::size_t(index)] : nullptr;
}

void AttentionExplorer::runChosen()
{
    const qint64 run = currentRun();
    if (run != m_loadedRun || run == 0)
        loadRun(run);
}

void AttentionExplorer::loadRun(qint64 runId)
{
    m_loadedRun = runId;
    m_snapshots.clear();
    m_runProblems.clear();
    if (m_project && runId != 0) {
        auto artifacts = chorus::RunArtifacts(*m_project).list(runId, "attention");
        if (!artifacts)
            m_runProblems = QString::fromStdString(artifacts.message());
        else {
            QStringList problems;
            for (const chorus::RunArtifact &artifact : *artifacts) {
                QString error;
                if (auto snapshot = AttentionSnapshot::fromJson(artifact.data, &error))
                    m_snapshots.push_back(std::move(*snapshot));
                else
                    problems << tr("%1: %2").arg(QString::fromStdString(artifact.name), error);
            }
            // A resumed run records its epochs again: the last snapshot of an epoch wins.
            std::stable_sort(m_snapshots.begin(), m_snapshots.end(),
                             [](const AttentionSnapshot &a, const AttentionSnapshot &b) { return a.epoch < b.epoch; });
            for (std::size_t i = 1; i < m_snapshots.size();)
                if (m_snapshots[i - 1].epoch == m_snapshots[i].epoch)
                    m_snapshots.erase(m_snapshots.begin() + std::ptrdiff_t(i - 1));
                else
                    ++i;
            m_runProblems = problems.isEmpty() ? QString() : tr("Skipped snapshots: %1").arg(problems.join(QStringLiteral("; ")));
        }
    }
    m_epoch->blockSignals(true);
    m_epoch->setRange(0, std::max(0, int(m_snapshots.size()) - 1));
    m_epoch->setValue(m_epoch->maximum());
    m_epoch->setEnabled(m_snapshots.size() > 1);
    m_epoch->blockSignals(false);
    fillPosts();
    m_classes->show(m_snapshots.empty() ? nullptr : &m_snapshots.back(), m_loadedRun != 0);
    showCurrent();
}

void AttentionExplorer::fillPosts()
{
    m_posts->blockSignals(true);
    m_posts->clear();
    // Runs without snapshots list test posts instead: the label says which.
    m_postsLabel->setText(m_snapshots.empty() && m_imageRuns.contains(currentRun()) ? tr("Test post") : tr("Probe post"));
    if (!m_snapshots.empty() && m_project) {
        chorus::PostBrowser browser(*m_project);
        for (const AttentionPost &post : m_snapshots.back().posts) {
            auto detail = browser.detail(post.postId);
            const QString text = detail ? QString::fromStdString(detail->row.text) : post.tokens.join(QLatin1Char(' '));
            m_posts->addItem(tr("#%1 [%2] %3").arg(post.postId).arg(post.label, elided(text, 60)),
                             QVariant::fromValue<qlonglong>(post.postId));
        }
    } else if (m_project) {
        fillTestPosts();
    }
    m_posts->blockSignals(false);
}

void AttentionExplorer::fillTestPosts()
{
    const qint64 runId = currentRun();
    if (!m_imageRuns.contains(runId))
        return;
    auto artifact = chorus::RunArtifacts(*m_project).latest(runId, "evaluation", "test");
    if (!artifact)
        return;
    const nlohmann::json evaluation = nlohmann::json::parse(artifact->data, nullptr, false);
    if (!evaluation.is_object() || !evaluation.contains("predictions") || !evaluation.at("predictions").is_array())
        return;
    // One prepared statement for every post's text: a test part can hold thousands of posts.
    auto text = m_project->db().prepare("SELECT text FROM posts WHERE id = ?");
    for (const nlohmann::json &p : evaluation.at("predictions")) {
        if (m_posts->count() >= kTestPostsListed)
            break;
        if (!p.is_object() || !p.contains("post_id") || !p.at("post_id").is_number_integer())
            continue;
        const std::int64_t postId = p.at("post_id").get<std::int64_t>();
        QString body;
        if (text) {
            text->reset();
            text->bind(1, postId);
            if (text->step())
                body = QString::fromStdString(text->text(0));
        }
        const nlohmann::json label = p.value("label", nlohmann::json());
        const QString labelText = label.is_string() ? QString::fromStdString(label.get<std::string>())
                                                    : QString::fromStdString(label.dump());
        m_posts->addItem(tr("#%1 [%2] %3").arg(postId).arg(labelText, elided(body, 60)), QVariant::fromValue<qlonglong>(postId));
    }
}

bool AttentionExplorer::openPost(qint64 runId, qint64 postId)
{
    int row = m_runs->findData(QVariant::fromValue<qlonglong>(runId));
    if (row < 0) {
        refresh();
        row = m_runs->findData(QVariant::fromValue<qlonglong>(runId));
    }
    if (row >= 0 && row != m_runs->currentIndex())
        m_runs->setCurrentIndex(row);
    if (row >= 0) {
        m_epoch->setValue(m_epoch->maximum());
        if (const int postRow = m_posts->findData(QVariant::fromValue<qlonglong>(postId)); postRow >= 0) {
            if (postRow != m_posts->currentIndex())
                m_posts->setCurrentIndex(postRow);
            else
                showCurrent();
            return true;
        }
    }
    // Not a probe post of the run (or the run recorded no attention): what is known about it.
    m_posts->blockSignals(true);
    m_posts->setCurrentIndex(-1);
    m_posts->blockSignals(false);
    clearPost();
    showUnrecordedPost(runId, postId);
    if (m_livePost == postId)
        m_message->setText(tr("Post %1 is not one of the probe posts whose attention run %2 recorded: its attention "
                              "under the run's final model is computed for it.")
                               .arg(postId)
                               .arg(runId));
    else
        m_message->setText(row >= 0 ? tr("Post %1 is not one of the probe posts whose attention run %2 recorded; "
                                         "showing its text and test prediction.")
                                          .arg(postId)
                                          .arg(runId)
                                    : tr("Run %1 recorded no attention; showing post %2 and its test prediction.")
                                          .arg(runId)
                                          .arg(postId));
    return false;
}

void AttentionExplorer::setEpochIndex(int index) { m_epoch->setValue(index); }

void AttentionExplorer::clearPost()
{
    m_livePost = 0;
    m_live->cancel();
    qDeleteAll(m_chips);
    m_chips.clear();
    m_chipsFromSaliency = false;
    m_chipsFromImage = false;
    m_colouring->clear();
    m_imagePane->clear();
    m_imagePane->setVisible(false);
    m_text->clear();
    m_prediction->clear();
    m_probabilities->clear();
    m_modalities->clear();
    m_frames->clear();
    m_modalities->setVisible(false);
    m_frames->setVisible(false);
    m_image->clear();
    m_image->setVisible(false);
    m_tokenScroll->setVisible(false);
    m_thread->clear();
    m_thread->setVisible(false);
    m_epochLabel->setText(m_snapshots.empty() ? tr("no snapshots") : QString());
    fitMediaRow();
    updateSelection();
}

void AttentionExplorer::showCurrent()
{
    clearPost();
    if (!m_runProblems.isEmpty() || m_runs->count() > 0)
        m_message->setText(m_runProblems);
    const AttentionSnapshot *snapshot = currentSnapshot();
    if (!snapshot) {
        // A run that reads images but recorded no attention lists its test posts.
        if (currentPost() != 0)
            showUnrecordedPost(currentRun(), currentPost());
        return;
    }
    m_epochLabel->setText(tr("epoch %1 (%2 of %3), step %4")
                              .arg(snapshot->epoch)
                              .arg(m_epoch->value() + 1)
                              .arg(m_snapshots.size())
                              .arg(snapshot->step));
    const qint64 postId = currentPost();
    const AttentionPost *post = snapshot->post(postId);
    if (!post) {
        if (postId != 0)
            m_message->setText(tr("Post %1 was not probed at epoch %2.").arg(postId).arg(snapshot->epoch));
        return;
    }
    showProbePost(*snapshot, *post);
    showImageExplanation(currentRun(), postId);
}

void AttentionExplorer::showUnrecordedPost(qint64 runId, qint64 postId)
{
    showPostText(postId);
    m_liveLabel = showTestPrediction(runId, postId);
    m_colouring->setPost(runId, postId, nullptr, {});
    applyColouring();
    showImageExplanation(runId, postId);
    // A model that attends over tokens (its snapshots hold token weights) can say where it looks in
    // any post: the worker runs the final model on it.
    const bool attendsToTokens = runId == m_loadedRun && !m_snapshots.empty() &&
                                 std::any_of(m_snapshots.back().posts.begin(), m_snapshots.back().posts.end(),
                                             [](const AttentionPost &p) { return !p.weights.isEmpty(); });
    if (m_project && attendsToTokens) {
        m_livePost = postId;
        m_epochLabel->setText(tr("computing the final model's attention…"));
        m_live->request(QString::fromStdString(m_project->path()), runId, postId);
    }
}

void AttentionExplorer::liveAttentionFinished(qint64 runId, qint64 postId, const AttentionSnapshot &snapshot)
{
    if (runId != currentRun() || postId != m_livePost || snapshot.posts.isEmpty())
        return;
    // The chips are rebuilt from the answer, whatever the colouring showed so far.
    m_colouring->clear();
    qDeleteAll(m_chips);
    m_chips.clear();
    m_chipsFromSaliency = false;
    m_liveSnapshot = snapshot;
    m_liveSnapshot->posts.first().label = m_liveLabel;
    const QString message = m_message->text();
    showProbePost(*m_liveSnapshot, m_liveSnapshot->posts.first());
    m_message->setText(message);
    m_epochLabel->setText(tr("final model (not a recorded epoch: computed for this post)"));
}

void AttentionExplorer::liveAttentionFailed(qint64 runId, qint64 postId, const QString &message)
{
    if (runId != currentRun() || postId != m_livePost)
        return;
    m_livePost = 0;
    m_epochLabel->setText(tr("no attention for this post: %1").arg(message));
}

void AttentionExplorer::showImageExplanation(qint64 runId, qint64 postId)
{
    if (!m_imageRuns.contains(runId))
        return;
    // The pane shows the picture itself, with its map.
    m_image->setVisible(false);
    m_imagePane->setVisible(true);
    m_imagePane->showPost(runId, postId);
    fitMediaRow();
}

void AttentionExplorer::fitMediaRow()
{
    const bool shown = !m_frames->isHidden() || !m_image->isHidden() || !m_imagePane->isHidden();
    m_postLayout->setStretchFactor(m_mediaRow, shown ? 2 : 0);
}

void AttentionExplorer::imageExplained()
{
    const ImageExplanation *explanation = m_imagePane->explanation();
    if (!explanation || !explanation->hasCoAttention())
        return;
    // Co-attention runs record no token attention: the explanation's tokens become the chips.
    if (m_chips.isEmpty()) {
        for (const QString &token : explanation->tokens) {
            auto *chip = new TokenChip(token, 0.0, 1.0, m_tokenArea);
            chip->setToolTip(tr("%1\nselect it to draw its co-attention over the picture").arg(token));
            m_tokenArea->layout()->addWidget(chip);
            connect(chip, &TokenChip::toggled, this, &AttentionExplorer::updateSelection);
            m_chips.append(chip);
        }
        m_chipsFromImage = !m_chips.isEmpty();
        m_tokenScroll->setVisible(m_chipsFromImage);
    }
    updateSelection();
}

void AttentionExplorer::showPostText(qint64 postId)
{
    if (!m_project)
        return;
    chorus::PostBrowser browser(*m_project);
    auto detail = browser.detail(postId);
    if (!detail) {
        m_text->setText(QString::fromStdString(detail.message()));
        return;
    }
    m_text->setText(tr("<b>Post %1</b>: %2").arg(postId).arg(QString::fromStdString(detail->row.text).toHtmlEscaped()));
    for (const chorus::PostMedia &media : detail->media) {
        QPixmap pixmap;
        if (!media.blob.empty())
            pixmap.loadFromData(reinterpret_cast<const uchar *>(media.blob.data()), uint(media.blob.size()));
        else if (media.kind == "image" && !media.path.empty())
            pixmap.load(QString::fromStdString(media.path));
        if (!pixmap.isNull()) {
            m_image->setPixmap(pixmap.scaled(240, 180, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            m_image->setToolTip(QString::fromStdString(media.path));
            m_image->setVisible(true);
            fitMediaRow();
            return;
        }
    }
    // A video kept as a file has no still to show here; say what there is instead.
    for (const chorus::PostMedia &media : detail->media)
        if (media.kind == "video") {
            m_image->setText(tr("Video %1 (%2 s)").arg(QString::fromStdString(media.path)).arg(media.duration, 0, 'f', 1));
            m_image->setVisible(true);
            fitMediaRow();
            return;
        }
}

void AttentionExplorer::showProbePost(const AttentionSnapshot &snapshot, const AttentionPost &post)
{
    showPostText(post.postId);
    if (!post.tokens.isEmpty()) {
        // One scale for the post across all epochs: moving the slider shows attention sharpen or
        // spread, instead of each epoch being stretched to its own maximum.
        double scaleMax = post.weights.isEmpty() ? 0.0 : *std::max_element(post.weights.begin(), post.weights.end());
        for (const AttentionSnapshot &s : m_snapshots)
            if (const AttentionPost *p = s.post(post.postId))
                for (double w : p->weights)
                    scaleMax = std::max(scaleMax, w);
        for (int i = 0; i < post.tokens.size(); ++i) {
            auto *chip = new TokenChip(post.tokens[i], post.weights[i], scaleMax, m_tokenArea);
            m_tokenArea->layout()->addWidget(chip);
            connect(chip, &TokenChip::toggled, this, &AttentionExplorer::updateSelection);
            m_chips.append(chip);
        }
        m_tokenScroll->setVisible(true);
    }
    QVector<const AttentionPost *> epochs = history(post.postId);
    if (epochs.isEmpty())
        epochs << &post; // computed for the final model only
    m_colouring->setPost(currentRun(), post.postId, &post, epochs);
    m_colouring->recolour(m_chips);
    if (!post.thread.isEmpty()) {
        m_thread->setThread(post.thread, post.postId);
        m_thread->setVisible(true);
    }
    const int predicted = post.predicted();
    if (predicted >= 0) {
        const QString predictedName = predicted < snapshot.classes.size() ? snapshot.classes[predicted] : QString::number(predicted);
        if (post.label.isEmpty())
            m_prediction->setText(tr("Predicted <b>%1</b> (%2%)")
                                      .arg(predictedName.toHtmlEscaped())
                                      .arg(100 * post.probabilities[predicted], 0, 'f', 1));
        else
            m_prediction->setText(tr("True class <b>%1</b>, predicted <b>%2</b> (%3%)%4")
                                      .arg(post.label.toHtmlEscaped(), predictedName.toHtmlEscaped())
                                      .arg(100 * post.probabilities[predicted], 0, 'f', 1)
                                      .arg(predictedName == post.label ? QString() : tr(" - <font color='#c81e2d'>wrong</font>")));
        QStringList names = snapshot.classes;
        while (names.size() < post.probabilities.size())
            names << QString::number(names.size());
        m_probabilities->setBars(names.mid(0, post.probabilities.size()), post.probabilities, predicted);
    } else {
        m_prediction->setText(tr("True value <b>%1</b>").arg(post.label.toHtmlEscaped()));
    }
    if (!post.modalityWeights.isEmpty()) {
        QStringList names;
        QVector<double> weights;
        for (const auto &[name, weight] : post.modalityWeights) {
            names << name;
            weights << weight;
        }
        m_modalities->setBars(names, weights);
        m_modalities->setVisible(true);
    }
    if (!post.frameWeights.isEmpty()) {
        QStringList frames;
        for (int i = 0; i < post.frameWeights.size(); ++i)
            frames << QString::number(i + 1);
        const auto top = std::max_element(post.frameWeights.begin(), post.frameWeights.end());
        m_frames->setBars(frames, post.frameWeights, int(top - post.frameWeights.begin()));
        m_frames->setVisible(true);
    }
    fitMediaRow();
    updateSelection();
}

QString AttentionExplorer::showTestPrediction(qint64 runId, qint64 postId)
{
    if (!m_project)
        return {};
    auto artifact = chorus::RunArtifacts(*m_project).latest(runId, "evaluation", "test");
    if (!artifact)
        return {};
    const nlohmann::json evaluation = nlohmann::json::parse(artifact->data, nullptr, false);
    if (!evaluation.is_object() || !evaluation.contains("predictions") || !evaluation.at("predictions").is_array())
        return {};
    QStringList classes;
    for (const nlohmann::json &c : evaluation.value("classes", nlohmann::json::array()))
        if (c.is_string())
            classes << QString::fromStdString(c.get<std::string>());
    for (const nlohmann::json &p : evaluation.at("predictions")) {
        if (!p.is_object() || !p.contains("post_id") || !p.at("post_id").is_number_integer()
            || p.at("post_id").get<std::int64_t>() != postId)
            continue;
        const auto text = [](const nlohmann::json &v) {
            return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString::fromStdString(v.dump());
        };
        QVector<double> probabilities;
        for (const nlohmann::json &v : p.value("probabilities", nlohmann::json::array()))
            probabilities << (v.is_number() ? v.get<double>() : 0.0);
        const QString predicted = text(p.value("predicted", nlohmann::json()));
        m_prediction->setText(tr("Test set: true class <b>%1</b>, predicted <b>%2</b>")
                                  .arg(text(p.value("label", nlohmann::json())).toHtmlEscaped(), predicted.toHtmlEscaped()));
        if (!probabilities.isEmpty() && probabilities.size() == classes.size())
            m_probabilities->setBars(classes, probabilities, int(classes.indexOf(predicted)));
        return text(p.value("label", nlohmann::json()));
    }
    return {};
}

double AttentionExplorer::selectedWeight() const
{
    double sum = 0;
    for (const TokenChip *chip : m_chips)
        if (chip->isChecked())
            sum += chip->weight();
    return sum;
}

void AttentionExplorer::updateSelection()
{
    QVector<int> chosen;
    for (int i = 0; i < m_chips.size(); ++i)
        if (m_chips[i]->isChecked())
            chosen << i;
    const int selected = int(chosen.size());
    // Chips index the explanation's co-attention rows only when they are its tokens.
    const ImageExplanation *explanation = m_imagePane->explanation();
    const bool matches = !explanation || !explanation->hasCoAttention() || explanation->tokens.size() == m_chips.size();
    m_imagePane->setSelectedTokens(matches ? chosen : QVector<int>());
    if (m_chips.isEmpty())
        m_selection->setText(QString());
    else if (m_chipsFromImage)
        m_selection->setText(selected == 0 ? tr("Click tokens to see where they look in the picture.")
                                           : tr("%n token(s) selected: their co-attention is drawn over the picture.",
                                                nullptr, selected));
    else if (selected == 0)
        m_selection->setText(m_colouring->showsSaliency() ? tr("Click tokens to add up their attributions.")
                                                          : tr("Click tokens to add up their attention."));
    else if (m_colouring->showsSaliency())
        m_selection->setText(tr("%n token(s) selected: total attribution %1", nullptr, selected).arg(selectedWeight(), 0, 'f', 4));
    else
        m_selection->setText(tr("%n token(s) selected: total attention %1", nullptr, selected).arg(selectedWeight(), 0, 'f', 4));
}

void AttentionExplorer::applyColouring()
{
    if (m_chipsFromSaliency && !m_colouring->showsSaliency()) {
        qDeleteAll(m_chips);
        m_chips.clear();
        m_chipsFromSaliency = false;
        m_tokenScroll->setVisible(false);
    }
    if (m_chips.isEmpty() && m_colouring->showsSaliency()) {
        for (const QString &token : m_colouring->explainedTokens()) {
            auto *chip = new TokenChip(token, 0.0, 1.0, m_tokenArea);
            m_tokenArea->layout()->addWidget(chip);
            connect(chip, &TokenChip::toggled, this, &AttentionExplorer::updateSelection);
            m_chips.append(chip);
        }
        m_chipsFromSaliency = !m_chips.isEmpty();
        m_tokenScroll->setVisible(m_chipsFromSaliency);
    }
    m_colouring->recolour(m_chips);
    updateSelection();
}

QVector<const AttentionPost *> AttentionExplorer::history(qint64 postId) const
{
    QVector<const AttentionPost *> posts;
    for (const AttentionSnapshot &s : m_snapshots)
        if (const AttentionPost *p = s.post(postId))
            posts << p;
    return posts;
}
