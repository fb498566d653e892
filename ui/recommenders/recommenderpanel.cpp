#include "ui/recommenders/recommenderpanel.h"

#include "core/recommend/recommenderfactory.h"
#include "core/recommend/recommendermodel.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QTimeZone>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <exception>

namespace {

QTableWidget *makeTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, headers.size());
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *cell(const QString &text)
{
    return new QTableWidgetItem(text);
}

QTableWidgetItem *number(double value, int decimals)
{
    auto *item = new QTableWidgetItem(QString::number(value, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString titleOr(const std::string &title, const std::string &item)
{
    return QString::fromStdString(title.empty() ? item : title);
}

// The reason in the reader's language; core's RecommendedItem::because is the English wording for
// the command line.
QString reasonText(const chorus::RecommenderModel &model, const chorus::RecommendationReason &reason)
{
    const QString separator = RecommenderPanel::tr(", ", "between the names and titles of a reason");
    QStringList parts;
    switch (reason.kind) {
    case chorus::RecommendationReason::Kind::SimilarUsers:
        for (const std::int64_t user : reason.users)
            parts << QString::fromStdString(model.userName(user));
        return RecommenderPanel::tr("users like you: %1").arg(parts.join(separator));
    case chorus::RecommendationReason::Kind::SimilarItems:
        for (const int item : reason.items)
            parts << RecommenderPanel::tr("“%1”", "an item title quoted")
                         .arg(QString::fromStdString(model.itemTitle(item)));
        return RecommenderPanel::tr("similar to %1 you liked").arg(parts.join(separator));
    case chorus::RecommendationReason::Kind::SharedTerms:
        for (const std::string &term : reason.terms)
            parts << QString::fromStdString(term);
        return RecommenderPanel::tr("content: shared terms %1").arg(parts.join(separator));
    case chorus::RecommendationReason::Kind::Popular:
        break;
    }
    return RecommenderPanel::tr("popular: %n user(s)", "", reason.popularity);
}

} // namespace

RecommenderPanel::RecommenderPanel(QWidget *parent)
    : QWidget(parent), m_runs(new QComboBox), m_filter(new QLineEdit), m_k(new QSpinBox),
      m_users(new QStandardItemModel(this)), m_usersFilter(new QSortFilterProxyModel(this)),
      m_usersView(new QTableView), m_history(makeTable({tr("Item"), tr("Title"), tr("Weight"), tr("Last interaction")})),
      m_recommendations(makeTable({tr("#"), tr("Title"), tr("Item"), tr("Score"), tr("Why")})),
      m_userTitle(new QLabel), m_status(new QLabel)
{
    m_k->setRange(1, 100);
    m_k->setValue(10);
    m_k->setToolTip(tr("How many items to recommend."));
    m_filter->setPlaceholderText(tr("Search users by name or id"));
    m_filter->setClearButtonEnabled(true);

    m_users->setHorizontalHeaderLabels({tr("User"), tr("Id"), tr("Items")});
    m_usersFilter->setSourceModel(m_users);
    m_usersFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_usersFilter->setFilterKeyColumn(-1); // name or id
    m_usersFilter->setSortRole(Qt::UserRole + 1);
    m_usersView->setModel(m_usersFilter);
    m_usersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersView->verticalHeader()->setVisible(false);
    m_usersView->horizontalHeader()->setStretchLastSection(true);
    m_usersView->setSortingEnabled(true);

    auto *controls = new QFormLayout;
    controls->addRow(tr("Recommender run"), m_runs);
    controls->addRow(tr("Recommendations"), m_k);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(controls);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_usersView);

    auto *right = new QSplitter(Qt::Vertical);
    auto *historyBox = new QWidget;
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_userTitle);
    historyLayout->addWidget(new QLabel(tr("History (most recent first)")));
    historyLayout->addWidget(m_history);
    auto *recommendationsBox = new QWidget;
    auto *recommendationsLayout = new QVBoxLayout(recommendationsBox);
    recommendationsLayout->setContentsMargins(0, 0, 0, 0);
    recommendationsLayout->addWidget(new QLabel(tr("Recommended (items the user has not interacted with)")));
    recommendationsLayout->addWidget(m_recommendations);
    right->addWidget(historyBox);
    right->addWidget(recommendationsBox);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_runs, &QComboBox::currentIndexChanged, this, [this] { runChanged(); });
    connect(m_filter, &QLineEdit::textChanged, m_usersFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_usersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { userActivated(); });
    connect(m_k, &QSpinBox::valueChanged, this, [this] { recompute(); });
    m_status->setText(tr("Train a recommender (Models tab, an interactions dataset) to see recommendations here."));
}

RecommenderPanel::~RecommenderPanel()
{
    // Results still queued are dropped: their generation is stale.
    ++m_loadGeneration;
    ++m_recommendGeneration;
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

void RecommenderPanel::setProject(chorus::Project *project)
{
    m_project = project;
    m_projectPath = project ? QString::fromStdString(project->path()) : QString();
    refresh();
}

std::int64_t RecommenderPanel::currentRun() const
{
    return m_runs->currentIndex() >= 0 ? m_runs->currentData().toLongLong() : 0;
}

void RecommenderPanel::refresh()
{
    const std::int64_t keep = currentRun();
    {
        const QSignalBlocker blocker(m_runs);
        m_runs->clear();
        if (m_project) {
            auto runs = chorus::RunStore(*m_project).list();
            if (runs) {
                for (const chorus::RunSummary &run : *runs) {
                    if (run.status != "finished" || !chorus::RecommenderFactory::isFamily(run.model))
                        continue;
                    QString label = tr("Run %1: %2 on %3").arg(run.id).arg(QString::fromStdString(run.model),
                                                                               QString::fromStdString(run.dataset));
                    if (!run.name.empty())
                        label += QStringLiteral(" (%1)").arg(QString::fromStdString(run.name));
                    m_runs->addItem(label, QVariant::fromValue<qlonglong>(run.id));
                }
            } else {
                showFailure(QString::fromStdString(runs.message()));
            }
        }
        const int index = m_runs->findData(QVariant::fromValue<qlonglong>(keep));
        m_runs->setCurrentIndex(index >= 0 ? index : m_runs->count() - 1); // the newest otherwise
    }
    if (currentRun() != keep || !m_model)
        runChanged();
}

bool RecommenderPanel::setRun(std::int64_t runId)
{
    const int index = m_runs->findData(QVariant::fromValue<qlonglong>(runId));
    if (index < 0)
        return false;
    if (index == m_runs->currentIndex())
        runChanged();
    else
        m_runs->setCurrentIndex(index);
    return true;
}

bool RecommenderPanel::setUser(std::int64_t userId)
{
    for (int row = 0; row < m_usersFilter->rowCount(); ++row) {
        const QModelIndex index = m_usersFilter->index(row, 0);
        if (index.data(Qt::UserRole).toLongLong() == userId) {
            m_usersView->setCurrentIndex(index);
            m_usersView->scrollTo(index);
            if (m_user != userId)
                userActivated();
            return true;
        }
    }
    return false;
}

void RecommenderPanel::reapThreads()
{
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isFinished()) {
            (*it)->wait();
            delete *it;
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

void RecommenderPanel::startJob(std::uint64_t &generation, std::function<Apply()> job)
{
    reapThreads();
    const std::uint64_t mine = ++generation;
    std::uint64_t *counter = &generation;
    QThread *thread = QThread::create([this, job = std::move(job), mine, counter] {
        Apply apply;
        // Nothing may escape the thread.
        try {
            apply = job();
        } catch (const std::exception &e) {
            const QString message = QString::fromUtf8(e.what());
            apply = [message](RecommenderPanel &panel) { panel.showFailure(message); };
        }
        QMetaObject::invokeMethod(
            this,
            [this, apply, mine, counter] {
                if (*counter == mine && apply)
                    apply(*this);
            },
            Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    thread->start();
}

void RecommenderPanel::showFailure(const QString &message)
{
    m_status->setText(tr("Error: %1").arg(message));
    emit failed(message);
}

void RecommenderPanel::runChanged()
{
    const std::int64_t runId = currentRun();
    m_model.reset();
    m_users->removeRows(0, m_users->rowCount());
    m_history->setRowCount(0);
    m_recommendations->setRowCount(0);
    m_userTitle->clear();
    if (!runId || m_projectPath.isEmpty()) {
        ++m_loadGeneration;
        return;
    }
    m_status->setText(tr("Loading run %1…").arg(runId));
    const std::string path = m_projectPath.toStdString();
    startJob(m_loadGeneration, [path, runId]() -> Apply {
        // Its own connection: SQLite connections are not shared across threads.
        auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
        if (!project) {
            const QString message = QString::fromStdString(project.message());
            return [message](RecommenderPanel &panel) { panel.showFailure(message); };
        }
        auto model = chorus::RecommenderModel::loadRun(**project, runId);
        if (!model) {
            const QString message = QString::fromStdString(model.message());
            return [message](RecommenderPanel &panel) { panel.showFailure(message); };
        }
        auto shared = std::make_shared<const chorus::RecommenderModel>(std::move(*model));
        return [runId, shared](RecommenderPanel &panel) { panel.showModel(runId, shared); };
    });
}

void RecommenderPanel::showModel(std::int64_t runId, std::shared_ptr<const chorus::RecommenderModel> model)
{
    m_model = std::move(model);
    const std::int64_t previous = m_user;
    m_user = 0;
    m_usersView->setSortingEnabled(false);
    for (const chorus::RecommenderUser &user : m_model->users()) {
        auto *name = new QStandardItem(QString::fromStdString(user.name));
        name->setData(QVariant::fromValue<qlonglong>(user.id), Qt::UserRole);
        name->setData(QString::fromStdString(user.name).toLower(), Qt::UserRole + 1);
        auto *id = new QStandardItem(QString::number(user.id));
        id->setData(QVariant::fromValue<qlonglong>(user.id), Qt::UserRole + 1);
        auto *items = new QStandardItem(QString::number(user.items));
        items->setData(user.items, Qt::UserRole + 1);
        m_users->appendRow({name, id, items});
    }
    m_usersView->setSortingEnabled(true);
    m_usersView->sortByColumn(0, Qt::AscendingOrder);
    m_status->setText(tr("Run %1 (%2): %3 users, %4 items.")
                          .arg(runId)
                          .arg(QString::fromStdString(m_model->recommender().name()))
                          .arg(m_model->matrix().users())
                          .arg(m_model->matrix().items()));
    emit modelLoaded(runId, m_model->matrix().users());
    if (previous)
        setUser(previous); // the same user in the newly chosen run, when it has them
    else if (m_usersFilter->rowCount() > 0)
        m_usersView->setCurrentIndex(m_usersFilter->index(0, 0)); // something to look at at once
}

void RecommenderPanel::userActivated()
{
    const QModelIndex current = m_usersView->currentIndex();
    if (!current.isValid() || !m_model)
        return;
    m_user = m_usersFilter->index(current.row(), 0).data(Qt::UserRole).toLongLong();
    recompute();
}

void RecommenderPanel::recompute()
{
    if (!m_model || !m_user)
        return;
    const std::int64_t userId = m_user;
    const int k = m_k->value();
    std::shared_ptr<const chorus::RecommenderModel> model = m_model;
    m_status->setText(tr("Recommending for %1…").arg(QString::fromStdString(model->userName(userId))));
    startJob(m_recommendGeneration, [model, userId, k]() -> Apply {
        auto history = model->history(userId);
        auto list = model->recommend(userId, k);
        if (!history || !list) {
            const QString message = QString::fromStdString(history ? list.message() : history.message());
            return [message](RecommenderPanel &panel) { panel.showFailure(message); };
        }
        return [model, userId, history = std::move(*history), list = std::move(*list)](RecommenderPanel &panel) {
            panel.m_userTitle->setText(tr("<b>%1</b> (user %2)")
                                           .arg(QString::fromStdString(model->userName(userId)).toHtmlEscaped())
                                           .arg(userId));
            panel.m_history->setRowCount(static_cast<int>(history.size()));
            for (int row = 0; row < static_cast<int>(history.size()); ++row) {
                const chorus::HistoryItem &h = history[static_cast<std::size_t>(row)];
                panel.m_history->setItem(row, 0, cell(QString::fromStdString(h.item)));
                panel.m_history->setItem(row, 1, cell(titleOr(h.title, h.item)));
                panel.m_history->setItem(row, 2, number(h.weight, 2));
                panel.m_history->setItem(
                    row, 3,
                    cell(h.lastAt > 0 ? QDateTime::fromSecsSinceEpoch(h.lastAt, QTimeZone::utc()).toString(Qt::ISODate)
                                      : tr("unknown")));
            }
            panel.m_recommendations->setRowCount(static_cast<int>(list.size()));
            for (int row = 0; row < static_cast<int>(list.size()); ++row) {
                const chorus::RecommendedItem &r = list[static_cast<std::size_t>(row)];
                panel.m_recommendations->setItem(row, 0, number(row + 1, 0));
                panel.m_recommendations->setItem(row, 1, cell(titleOr(r.title, r.item)));
                panel.m_recommendations->setItem(row, 2, cell(QString::fromStdString(r.item)));
                panel.m_recommendations->setItem(row, 3, number(r.score, 4));
                auto *why = cell(reasonText(*model, r.reason));
                why->setData(Qt::UserRole, QString::fromLatin1(chorus::RecommendationReason::kindName(r.reason.kind)));
                panel.m_recommendations->setItem(row, 4, why);
            }
            panel.m_history->resizeColumnsToContents();
            panel.m_recommendations->resizeColumnsToContents();
            panel.m_status->setText(tr("%n recommendation(s) for %1.", "", static_cast<int>(list.size()))
                                        .arg(QString::fromStdString(model->userName(userId))));
            emit panel.recommendationsShown(userId, static_cast<int>(list.size()));
        };
    });
}
