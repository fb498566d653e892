#include "ui/runs/evaluationview.h"

#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "ui/common/plotexporter.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace {

QString jsonText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return value.is_null() ? QString() : QString::fromStdString(value.dump());
}

double jsonNumber(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
}

// A numeric item that sorts by value, not by its text.
QTableWidgetItem *numberItem(double value, int decimals)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, decimals > 0 ? QVariant(QString::number(value, 'f', decimals)) : QVariant(qlonglong(value)));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

EvaluationView::EvaluationView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel), m_plot(new QCustomPlot), m_metrics(new QTableWidget(0, 5)),
      m_mistakes(new QTableWidget(0, MistakeColumnCount))
{
    m_summary->setWordWrap(true);
    m_plot->setMinimumSize(260, 220);
    m_plot->xAxis->setLabel(tr("predicted class"));
    m_plot->yAxis->setLabel(tr("true class"));
    // Class 0 at the top left, as confusion matrices are printed.
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return saveMatrixCsv(path); });

    m_metrics->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_metrics->verticalHeader()->setVisible(false);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_mistakes->setHorizontalHeaderLabels({tr("Post"), tr("Text"), tr("True"), tr("Predicted"), tr("Confidence")});
    m_mistakes->verticalHeader()->setVisible(false);
    m_mistakes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mistakes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mistakes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_mistakes->setWordWrap(false);
    m_mistakes->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_mistakes->setToolTip(tr("Double-click a post to see what the model attended to"));
    connect(m_mistakes, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { mistakeActivated(row); });

    auto *metricsBox = new QWidget;
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->setContentsMargins(0, 0, 0, 0);
    metricsLayout->addWidget(m_summary);
    metricsLayout->addWidget(m_metrics);

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_plot);
    top->addWidget(metricsBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);

    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Misclassified test posts (double-click to open in the attention explorer)")));
    bottomLayout->addWidget(m_mistakes);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    clear();
}

void EvaluationView::setProject(chorus::Project *project)
{
    m_project = project;
    showRun(0);
}

void EvaluationView::clear()
{
    m_classes.clear();
    m_confusion.clear();
    m_metrics->setRowCount(0);
    m_mistakes->setRowCount(0);
    drawMatrix();
}

QString EvaluationView::showRun(qint64 runId)
{
    m_run = runId;
    clear();
    if (!m_project || runId == 0) {
        m_summary->setText(tr("Select a run to see its test evaluation."));
        return m_summary->text();
    }
    auto artifact = chorus::RunArtifacts(*m_project).latest(runId, "evaluation", "test");
    if (!artifact) {
        m_summary->setText(tr("Run %1 has no test evaluation yet: it is recorded when training ends.").arg(runId));
        return m_summary->text();
    }
    const nlohmann::json root = nlohmann::json::parse(artifact->data, nullptr, false);
    if (!root.is_object() || !root.contains("report") || !root.at("report").is_object()) {
        m_summary->setText(tr("The test evaluation of run %1 cannot be read.").arg(runId));
        return m_summary->text();
    }
    // A value of an unexpected type throws inside the JSON library; it ends here as a message.
    try {
        return showEvaluation(root);
    } catch (const nlohmann::json::exception &e) {
        clear();
        m_summary->setText(tr("The test evaluation of run %1 cannot be read: %2").arg(runId).arg(QString::fromUtf8(e.what())));
        return m_summary->text();
    }
}

QString EvaluationView::showEvaluation(const nlohmann::json &root)
{
    const qint64 runId = m_run;
    if (root.value("regression", false)) {
        m_summary->setText(tr("Run %1 is a regression: it has no confusion matrix.").arg(runId));
        return m_summary->text();
    }
    const nlohmann::json &report = root.at("report");
    for (const nlohmann::json &c : root.value("classes", nlohmann::json::array()))
        m_classes << jsonText(c);
    // The matrix must be square over the classes; anything else is not drawn rather than misdrawn.
    const auto confusion = report.find("confusion");
    if (confusion != report.end() && confusion->is_array() && int(confusion->size()) == m_classes.size()) {
        for (const nlohmann::json &row : *confusion) {
            QVector<qint64> counts;
            if (row.is_array() && int(row.size()) == m_classes.size())
                for (const nlohmann::json &v : row)
                    counts << (v.is_number() ? v.get<qint64>() : 0);
            if (counts.size() != m_classes.size()) {
                m_confusion.clear();
                break;
            }
            m_confusion << counts;
        }
    }
    drawMatrix();

    QString summary = tr("Run %1, task %2: %3 test posts, accuracy %4")
                          .arg(runId)
                          .arg(jsonText(root.value("task", nlohmann::json())))
                          .arg(qlonglong(jsonNumber(report, "total")))
                          .arg(jsonNumber(report, "accuracy"), 0, 'f', 4);
    if (report.contains("macro") && report.at("macro").is_object())
        summary += tr(", macro-F1 %1").arg(jsonNumber(report.at("macro"), "f1"), 0, 'f', 4);
    if (report.contains("micro") && report.at("micro").is_object())
        summary += tr(", micro-F1 %1").arg(jsonNumber(report.at("micro"), "f1"), 0, 'f', 4);
    if (report.contains("roc_auc") && report.at("roc_auc").is_object())
        summary += tr(", ROC-AUC %1").arg(jsonNumber(report.at("roc_auc"), "auc"), 0, 'f', 4);
    m_summary->setText(summary);

    m_metrics->setSortingEnabled(false);
    for (const nlohmann::json &c : report.value("classes", nlohmann::json::array())) {
        if (!c.is_object())
            continue;
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        m_metrics->setItem(row, 0, new QTableWidgetItem(jsonText(c.value("name", nlohmann::json()))));
        m_metrics->setItem(row, 1, numberItem(jsonNumber(c, "precision"), 4));
        m_metrics->setItem(row, 2, numberItem(jsonNumber(c, "recall"), 4));
        m_metrics->setItem(row, 3, numberItem(jsonNumber(c, "f1"), 4));
        m_metrics->setItem(row, 4, numberItem(jsonNumber(c, "support"), 0));
    }
    for (int column = 1; column < m_metrics->columnCount(); ++column)
        m_metrics->resizeColumnToContents(column);

    struct Mistake {
        qint64 postId;
        QString truth;
        QString predicted;
        double confidence;
    };
    std::vector<Mistake> mistakes;
    for (const nlohmann::json &p : root.value("predictions", nlohmann::json::array())) {
        if (!p.is_object() || !p.contains("post_id") || !p.at("post_id").is_number_integer())
            continue;
        const QString truth = jsonText(p.value("label", nlohmann::json()));
        const QString predicted = jsonText(p.value("predicted", nlohmann::json()));
        if (truth == predicted)
            continue;
        double confidence = 0;
        const int predictedIndex = int(m_classes.indexOf(predicted));
        const auto probabilities = p.find("probabilities");
        if (probabilities != p.end() && probabilities->is_array() && predictedIndex >= 0
            && predictedIndex < int(probabilities->size()) && (*probabilities)[std::size_t(predictedIndex)].is_number())
            confidence = (*probabilities)[std::size_t(predictedIndex)].get<double>();
        mistakes.push_back({p.at("post_id").get<qint64>(), truth, predicted, confidence});
    }
    std::stable_sort(mistakes.begin(), mistakes.end(),
                     [](const Mistake &a, const Mistake &b) { return a.confidence > b.confidence; });
    // One prepared statement for every row's text: a test set can hold thousands of mistakes.
    auto text = m_project->db().prepare("SELECT text FROM posts WHERE id = ?");
    m_mistakes->setSortingEnabled(false);
    m_mistakes->setRowCount(int(mistakes.size()));
    for (int row = 0; row < int(mistakes.size()); ++row) {
        const Mistake &m = mistakes[std::size_t(row)];
        QString body;
        if (text) {
            text->reset();
            text->bind(1, std::int64_t(m.postId));
            if (text->step())
                body = QString::fromStdString(text->text(0)).simplified();
        }
        auto *id = numberItem(double(m.postId), 0);
        id->setData(Qt::UserRole, m.postId);
        m_mistakes->setItem(row, PostColumn, id);
        auto *bodyItem = new QTableWidgetItem(body);
        bodyItem->setToolTip(body);
        m_mistakes->setItem(row, TextColumn, bodyItem);
        m_mistakes->setItem(row, TrueColumn, new QTableWidgetItem(m.truth));
        m_mistakes->setItem(row, PredictedColumn, new QTableWidgetItem(m.predicted));
        m_mistakes->setItem(row, ConfidenceColumn, numberItem(m.confidence, 3));
    }
    m_mistakes->setSortingEnabled(true);
    m_mistakes->sortItems(ConfidenceColumn, Qt::DescendingOrder);
    m_mistakes->resizeColumnToContents(PostColumn);
    return {};
}

void EvaluationView::drawMatrix()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_map = nullptr;
    m_cellTexts.clear();
    const int n = int(m_confusion.size());
    QSharedPointer<QCPAxisTickerText> xTicks(new QCPAxisTickerText), yTicks(new QCPAxisTickerText);
    if (n == 0) {
        m_plot->xAxis->setTicker(xTicks);
        m_plot->yAxis->setTicker(yTicks);
        m_plot->replot();
        return;
    }
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->data()->setSize(n, n);
    m_map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    qint64 largest = 0;
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) {
            m_map->data()->setCell(p, t, double(m_confusion[t][p]));
            largest = std::max(largest, m_confusion[t][p]);
        }
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(1, QColor(31, 78, 154));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, std::max<qint64>(largest, 1)));
    m_map->setInterpolate(false);
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) {
            auto *label = new QCPItemText(m_plot);
            label->position->setType(QCPItemPosition::ptPlotCoords);
            label->position->setCoords(p, t);
            label->setText(QString::number(m_confusion[t][p]));
            // White on the dark half of the scale, black on the pale half.
            label->setColor(m_confusion[t][p] > 0.55 * double(largest) ? Qt::white : Qt::black);
            label->setClipToAxisRect(true);
            m_cellTexts.append(label);
        }
    for (int i = 0; i < n; ++i) {
        xTicks->addTick(i, m_classes.value(i));
        yTicks->addTick(i, m_classes.value(i));
    }
    m_plot->xAxis->setTicker(xTicks);
    m_plot->yAxis->setTicker(yTicks);
    m_plot->xAxis->setRange(-0.5, n - 0.5);
    m_plot->yAxis->setRange(-0.5, n - 0.5);
    m_plot->replot();
}

QString EvaluationView::cellText(int trueClass, int predictedClass) const
{
    const int n = int(m_confusion.size());
    if (trueClass < 0 || predictedClass < 0 || trueClass >= n || predictedClass >= n)
        return {};
    return m_cellTexts.value(trueClass * n + predictedClass) ? m_cellTexts[trueClass * n + predictedClass]->text() : QString();
}

double EvaluationView::cellValue(int trueClass, int predictedClass) const
{
    return m_map ? m_map->data()->cell(predictedClass, trueClass) : 0.0;
}

bool EvaluationView::saveMatrixCsv(const QString &path) const
{
    QStringList header{tr("true \\ predicted")};
    header << m_classes;
    QVector<QStringList> rows;
    for (int t = 0; t < m_confusion.size(); ++t) {
        QStringList row{m_classes.value(t)};
        for (qint64 count : m_confusion[t])
            row << QString::number(count);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}

void EvaluationView::mistakeActivated(int row)
{
    const QTableWidgetItem *item = m_mistakes->item(row, PostColumn);
    if (item && m_run != 0)
        emit postActivated(m_run, item->data(Qt::UserRole).toLongLong());
}
