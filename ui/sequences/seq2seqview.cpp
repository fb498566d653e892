#include "ui/sequences/seq2seqview.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/common/runstatus.h"
#include "ui/sequences/crossattentionmap.h"
#include "ui/sequences/seq2seqrunner.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace {

enum RunRole { SourceRole = Qt::UserRole + 1, BeamRole, PenaltyRole };
enum Column { RankColumn, TextColumn, ScoreColumn, LogProbabilityColumn, LengthColumn, FinishedColumn, ColumnCount };

constexpr double kPenaltyAsTrained = -0.1; // the length penalty field's minimum, shown as "as trained"

QTableWidgetItem *number(double value, int decimals)
{
    auto *item = new QTableWidgetItem(QString::number(value, 'f', decimals));
    item->setData(Qt::UserRole, value); // the exact value, for sorting out and for tests
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

Seq2seqView::Seq2seqView(QWidget *parent)
    : QWidget(parent), m_runner(new Seq2seqRunner(this)), m_runs(new QComboBox), m_kind(new QLabel),
      m_mode(new QComboBox), m_text(new QLineEdit), m_post(new QSpinBox), m_postPreview(new QLabel),
      m_beam(new QSpinBox), m_penalty(new QDoubleSpinBox), m_generate(new QPushButton(tr("&Generate"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_hint(new QLabel), m_sourceTokens(new QLabel),
      m_candidates(new QTableWidget(0, ColumnCount)), m_map(new CrossAttentionMap), m_status(new QLabel)
{
    m_mode->addItem(tr("Typed text"), TypedInput);
    m_mode->addItem(tr("Post by id"), PostById);
    m_text->setClearButtonEnabled(true);
    m_post->setRange(1, INT_MAX);
    m_post->setToolTip(tr("The id of a stored post (the Data tab's Id column): its text is the source."));
    m_postPreview->setWordWrap(true);
    m_postPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The minimum of each field means the run's own setting, so nothing is overridden by default.
    m_beam->setRange(0, 32);
    m_beam->setToolTip(tr("Hypotheses kept by beam search (1: greedy decoding)."));
    m_penalty->setRange(kPenaltyAsTrained, 2.0);
    m_penalty->setDecimals(2);
    m_penalty->setSingleStep(0.1);
    m_penalty->setToolTip(tr("GNMT length penalty alpha: candidates are ranked by log P / ((5 + length) / 6)^alpha; "
                             "0 favours short outputs."));
    m_cancel->setEnabled(false);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("This project has no seq2seq run. Train one in the Models tab with the family seq2seq: "
                       "source \"replies\" learns to answer posts from a dataset's reply threads, source "
                       "\"behaviour\" learns users' next actions from an interactions dataset."));
    m_sourceTokens->setWordWrap(true);
    m_sourceTokens->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_candidates->setHorizontalHeaderLabels(
        {tr("#"), tr("Candidate"), tr("Score"), tr("Log-probability"), tr("Length"), tr("Finished")});
    m_candidates->horizontalHeaderItem(ScoreColumn)->setToolTip(tr("Log-probability over the length penalty: what the beam ranks by."));
    m_candidates->horizontalHeaderItem(LengthColumn)->setToolTip(tr("Decoded steps, <eos> included."));
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_candidates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_candidates->verticalHeader()->setVisible(false);
    m_candidates->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_mode);
    inputRow->addWidget(m_text, 1);
    inputRow->addWidget(m_post, 1);
    auto *decodingRow = new QHBoxLayout;
    decodingRow->addWidget(new QLabel(tr("Beam width")));
    decodingRow->addWidget(m_beam);
    decodingRow->addSpacing(12);
    decodingRow->addWidget(new QLabel(tr("Length penalty")));
    decodingRow->addWidget(m_penalty);
    decodingRow->addStretch(1);
    decodingRow->addWidget(m_generate);
    decodingRow->addWidget(m_cancel);
    auto *form = new QFormLayout;
    form->addRow(tr("Seq2seq run"), m_runs);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Source"), inputRow);
    form->addRow(QString(), m_postPreview);
    form->addRow(tr("Decoding"), decodingRow);

    auto *candidatesBox = new QWidget;
    auto *candidatesLayout = new QVBoxLayout(candidatesBox);
    candidatesLayout->setContentsMargins(0, 0, 0, 0);
    candidatesLayout->addWidget(m_sourceTokens);
    candidatesLayout->addWidget(new QLabel(tr("Beam candidates, best first (select one to see its cross-attention)")));
    candidatesLayout->addWidget(m_candidates);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(candidatesBox);
    splitter->addWidget(m_map);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_runs, &QComboBox::currentIndexChanged, this, [this] { runChanged(); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { modeChanged(); });
    connect(m_post, &QSpinBox::valueChanged, this, [this] { showPostPreview(); });
    connect(m_text, &QLineEdit::returnPressed, this, &Seq2seqView::generate);
    connect(m_generate, &QPushButton::clicked, this, &Seq2seqView::generate);
    connect(m_cancel, &QPushButton::clicked, this, &Seq2seqView::cancel);
    connect(m_candidates->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectCandidate(current.row());
            });
    connect(m_runner, &Seq2seqRunner::finished, this, [this](const Seq2seqExplanation &result) {
        if (result.runId == currentRun())
            showResult(result);
        updateControls();
    });
    connect(m_runner, &Seq2seqRunner::failed, this, [this](qint64 runId, const QString &message) {
        if (runId == currentRun())
            showFailure(message);
        updateControls();
    });
    refresh();
    runChanged();
}

void Seq2seqView::setProject(chorus::Project *project)
{
    m_runner->cancel();
    m_runner->clearCache(); // run ids are the project's own
    m_project = project;
    m_projectPath = project ? QString::fromStdString(project->path()) : QString();
    clearResult();
    m_status->clear();
    refresh();
    runChanged(); // even when the new project's run has the old one's id
}

std::int64_t Seq2seqView::currentRun() const
{
    return m_runs->currentIndex() >= 0 ? m_runs->currentData().toLongLong() : 0;
}

QString Seq2seqView::currentSource() const
{
    return m_runs->currentIndex() >= 0 ? m_runs->currentData(SourceRole).toString() : QString();
}

void Seq2seqView::refresh()
{
    const std::int64_t keep = currentRun();
    {
        const QSignalBlocker blocker(m_runs);
        m_runs->clear();
        if (m_project) {
            auto runs = chorus::RunStore(*m_project).list();
            if (!runs) {
                showFailure(QString::fromStdString(runs.message()));
            } else {
                for (const chorus::RunSummary &run : *runs) {
                    // A stopped run keeps its checkpoints and generates as well as a finished one.
                    if (run.model != "seq2seq" || (run.status != "finished" && run.status != "stopped"))
                        continue;
                    const nlohmann::json params = run.config.is_object() ? run.config.value("params", nlohmann::json::object())
                                                                         : nlohmann::json::object();
                    const bool hasParams = params.is_object();
                    const std::string source = hasParams ? params.value("source", std::string("replies")) : "replies";
                    const bool behaviour = source == "behaviour";
                    QString label = (behaviour ? tr("Run %1: behaviour (next actions) on %2") : tr("Run %1: replies on %2"))
                                        .arg(run.id)
                                        .arg(QString::fromStdString(run.dataset));
                    if (!run.name.empty())
                        label += QStringLiteral(" (%1)").arg(QString::fromStdString(run.name));
                    if (run.status != "finished")
                        label += QStringLiteral(" [%1]").arg(RunStatus::label(QString::fromStdString(run.status)));
                    m_runs->addItem(label, QVariant::fromValue<qlonglong>(run.id));
                    const int index = m_runs->count() - 1;
                    m_runs->setItemData(index, QString::fromStdString(source), SourceRole);
                    if (hasParams && params.contains("beam_width") && params["beam_width"].is_number_integer())
                        m_runs->setItemData(index, params["beam_width"].get<int>(), BeamRole);
                    if (hasParams && params.contains("length_penalty") && params["length_penalty"].is_number())
                        m_runs->setItemData(index, params["length_penalty"].get<double>(), PenaltyRole);
                }
            }
        }
        const int index = m_runs->findData(QVariant::fromValue<qlonglong>(keep));
        m_runs->setCurrentIndex(index >= 0 ? index : m_runs->count() - 1); // the newest otherwise
    }
    m_hint->setVisible(m_project && m_runs->count() == 0);
    if (currentRun() != keep)
        runChanged();
    updateControls();
}

bool Seq2seqView::setRun(std::int64_t runId)
{
    const int index = m_runs->findData(QVariant::fromValue<qlonglong>(runId));
    if (index < 0)
        return false;
    m_runs->setCurrentIndex(index);
    return true;
}

void Seq2seqView::runChanged()
{
    m_runner->cancel();
    clearResult();
    const bool behaviour = currentSource() == QLatin1String("behaviour");
    if (currentRun() == 0)
        m_kind->clear();
    else
        m_kind->setText(behaviour ? tr("behaviour: a user's latest actions -> their next actions")
                                  : tr("replies: a post's text -> a reply"));
    {
        const QSignalBlocker blocker(m_mode);
        if (behaviour)
            m_mode->setCurrentIndex(TypedInput); // actions are typed; posts are no source for them
    }
    m_mode->setEnabled(!behaviour && currentRun() != 0);
    const QVariant beam = m_runs->currentData(BeamRole);
    const QVariant penalty = m_runs->currentData(PenaltyRole);
    m_beam->setSpecialValueText(beam.isValid() ? tr("as trained (%1)").arg(beam.toInt()) : tr("as trained"));
    m_penalty->setSpecialValueText(penalty.isValid() ? tr("as trained (%1)").arg(penalty.toDouble())
                                                     : tr("as trained"));
    m_beam->setValue(m_beam->minimum());
    m_penalty->setValue(m_penalty->minimum());
    modeChanged();
    if (currentRun() != 0)
        m_status->setText(tr("Give a source and press Generate."));
}

void Seq2seqView::modeChanged()
{
    const bool byPost = m_mode->currentIndex() == PostById;
    m_text->setVisible(!byPost);
    m_post->setVisible(byPost);
    m_postPreview->setVisible(byPost);
    m_text->setPlaceholderText(currentSource() == QLatin1String("behaviour")
                                   ? tr("Actions, oldest first: kind:item kind:item ... (e.g. view:item-0042 like:item-0042)")
                                   : tr("A post to reply to"));
    if (byPost)
        showPostPreview();
}

void Seq2seqView::showPostPreview()
{
    if (!m_project || m_mode->currentIndex() != PostById) {
        m_postPreview->clear();
        return;
    }
    auto detail = chorus::PostBrowser(*m_project).detail(m_post->value());
    m_postPreview->setText(detail ? tr("Post %1: %2").arg(m_post->value()).arg(QString::fromStdString(detail->row.text))
                                  : tr("No post with id %1.").arg(m_post->value()));
}

void Seq2seqView::generate()
{
    const std::int64_t runId = currentRun();
    if (runId == 0 || m_projectPath.isEmpty()) {
        showFailure(tr("Choose a seq2seq run first."));
        return;
    }
    Seq2seqRequest request;
    request.runId = runId;
    if (m_mode->currentIndex() == PostById) {
        request.postId = m_post->value();
    } else {
        request.text = m_text->text().trimmed();
        if (request.text.isEmpty()) {
            showFailure(currentSource() == QLatin1String("behaviour")
                            ? tr("Type the actions to continue, as kind:item kind:item ...")
                            : tr("Type a text to generate a reply to."));
            return;
        }
    }
    request.beamWidth = m_beam->value(); // 0, the minimum: the run's
    request.lengthPenalty = m_penalty->value() < kPenaltyAsTrained / 2 ? -1.0 : m_penalty->value();
    m_status->setText(tr("Generating with run %1…").arg(runId));
    m_runner->request(m_projectPath, request);
    updateControls();
}

void Seq2seqView::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_status->setText(tr("Cancelled."));
    updateControls();
}

void Seq2seqView::updateControls()
{
    const bool haveRun = currentRun() != 0;
    m_runs->setEnabled(m_runs->count() > 0);
    m_text->setEnabled(haveRun);
    m_post->setEnabled(haveRun);
    m_beam->setEnabled(haveRun);
    m_penalty->setEnabled(haveRun);
    m_generate->setEnabled(haveRun);
    m_cancel->setEnabled(m_runner->isRunning());
}

void Seq2seqView::clearResult()
{
    m_shown.reset();
    m_candidates->setRowCount(0);
    m_sourceTokens->clear();
    m_map->clear();
}

void Seq2seqView::showResult(const Seq2seqExplanation &result)
{
    clearResult();
    m_shown = result;
    m_sourceTokens->setText(result.sourceTokens.isEmpty()
                                ? tr("Source as the run reads it: no tokens (nothing to attend to).")
                                : tr("Source as the run reads it (%n token(s)): %1", "", int(result.sourceTokens.size()))
                                      .arg(result.sourceTokens.join(QLatin1Char(' '))));
    m_candidates->setRowCount(int(result.candidates.size()));
    for (int row = 0; row < result.candidates.size(); ++row) {
        const Seq2seqCandidate &c = result.candidates[row];
        auto *rank = new QTableWidgetItem(QString::number(row + 1));
        rank->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_candidates->setItem(row, RankColumn, rank);
        m_candidates->setItem(row, TextColumn, new QTableWidgetItem(c.text));
        m_candidates->setItem(row, ScoreColumn, number(c.score, 4));
        m_candidates->setItem(row, LogProbabilityColumn, number(c.logProbability, 4));
        m_candidates->setItem(row, LengthColumn, number(c.decodedTokens.size(), 0));
        m_candidates->setItem(row, FinishedColumn,
                              new QTableWidgetItem(c.finished ? tr("yes") : tr("no (cut at the maximum length)")));
    }
    selectCandidate(0);
    m_status->setText(tr("%n candidate(s) from beam width %1, length penalty %2.", "", int(result.candidates.size()))
                          .arg(result.beamWidth)
                          .arg(result.lengthPenalty));
    emit explanationShown(result.runId, int(result.candidates.size()));
}

bool Seq2seqView::selectCandidate(int index)
{
    if (!m_shown || index < 0 || index >= m_shown->candidates.size())
        return false;
    if (m_candidates->currentRow() != index) {
        m_candidates->setCurrentCell(index, TextColumn); // comes back here through currentRowChanged
        return true;
    }
    const Seq2seqCandidate &c = m_shown->candidates[index];
    m_map->setMatrix(c.decodedTokens, m_shown->sourceTokens, c.attention,
                     tr("Candidate %1: cross-attention (score %2)").arg(index + 1).arg(c.score, 0, 'f', 4));
    return true;
}

void Seq2seqView::showFailure(const QString &message)
{
    m_status->setText(tr("Error: %1").arg(message));
    emit failed(message);
}
