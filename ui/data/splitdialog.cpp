#include "ui/data/splitdialog.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>
#include <exception>
#include <functional>
#include <string>
#include <utility>

namespace {

constexpr double kRatioTolerance = 1e-6;

} // namespace

SplitDialog::SplitDialog(chorus::Project &project, QWidget *parent)
    : QDialog(parent), m_projectPath(QString::fromStdString(project.path())), m_dataset(new QComboBox),
      m_strategy(new QComboBox), m_task(new QComboBox), m_train(new QDoubleSpinBox), m_valid(new QDoubleSpinBox),
      m_test(new QDoubleSpinBox), m_seed(new QSpinBox), m_name(new QLineEdit), m_message(new QLabel),
      m_run(new QPushButton(tr("&Split"))), m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setWindowTitle(tr("Split dataset"));
    if (auto datasets = project.datasets()) {
        chorus::PostBrowser browser(project);
        for (const chorus::DatasetInfo &d : *datasets) {
            const QString name = QString::fromStdString(d.name);
            m_dataset->addItem(tr("%1 (%L2 posts)").arg(name).arg(d.posts), name);
            QStringList tasks;
            if (auto found = browser.labelTasks(d.id))
                for (const std::string &task : *found)
                    tasks << QString::fromStdString(task);
            m_tasks.insert(name, tasks);
        }
    } else {
        m_message->setText(QString::fromStdString(datasets.message()));
    }
    m_strategy->addItem(tr("Random"), QStringLiteral("random"));
    m_strategy->addItem(tr("Random, stratified by a label task"), QStringLiteral("stratified"));
    m_strategy->addItem(tr("By time (oldest train, newest test)"), QStringLiteral("time"));
    m_strategy->addItem(tr("By user (no author in two parts)"), QStringLiteral("user"));
    const chorus::SplitOptions defaults;
    for (auto [box, value] : {std::make_pair(m_train, defaults.train), std::make_pair(m_valid, defaults.valid),
                              std::make_pair(m_test, defaults.test)}) {
        box->setRange(0.0, 1.0);
        box->setDecimals(3);
        box->setSingleStep(0.05);
        box->setValue(value);
    }
    m_seed->setRange(0, 2147483647);
    m_seed->setValue(static_cast<int>(defaults.seed));
    m_name->setPlaceholderText(tr("optional, e.g. baseline-80-10-10"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->addButton(m_run, QDialogButtonBox::ActionRole);

    auto *form = new QFormLayout;
    form->addRow(tr("&Dataset:"), m_dataset);
    form->addRow(tr("S&trategy:"), m_strategy);
    form->addRow(tr("&Label task:"), m_task);
    form->addRow(tr("T&rain ratio:"), m_train);
    form->addRow(tr("&Validation ratio:"), m_valid);
    form->addRow(tr("T&est ratio:"), m_test);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] { updateTasks(); });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] { updateControls(); });
    connect(m_run, &QPushButton::clicked, this, &SplitDialog::startSplit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SplitDialog::reject);
    updateTasks();
}

SplitDialog::~SplitDialog() { joinThread(); }

QString SplitDialog::nameKey(qint64 splitId) { return QStringLiteral("split_name:%1").arg(splitId); }

bool SplitDialog::setStrategy(const QString &strategy)
{
    const int index = m_strategy->findData(strategy);
    if (index < 0)
        return false;
    m_strategy->setCurrentIndex(index);
    return true;
}

void SplitDialog::updateTasks()
{
    const QString current = m_task->currentText();
    m_task->clear();
    m_task->addItems(m_tasks.value(m_dataset->currentData().toString()));
    if (const int index = m_task->findText(current); index >= 0)
        m_task->setCurrentIndex(index);
    updateControls();
}

void SplitDialog::updateControls()
{
    const bool stratified = m_strategy->currentData().toString() == QLatin1String("stratified");
    m_task->setEnabled(stratified && !isRunning());
    m_run->setEnabled(!isRunning() && m_dataset->count() > 0);
}

std::optional<chorus::SplitOptions> SplitDialog::splitOptions(QString *problem) const
{
    auto fail = [problem](const QString &message) {
        if (problem)
            *problem = message;
        return std::optional<chorus::SplitOptions>();
    };
    if (m_dataset->count() == 0)
        return fail(tr("Dataset: the project has no dataset to split; import one first."));
    chorus::SplitOptions options;
    options.train = m_train->value();
    options.valid = m_valid->value();
    options.test = m_test->value();
    const double sum = options.train + options.valid + options.test;
    if (std::fabs(sum - 1.0) > kRatioTolerance) {
        // Name the field whose change alone makes the sum 1, the test part first (the remainder).
        const QString sumText = QString::number(sum, 'f', 3);
        if (const double test = 1.0 - options.train - options.valid; test >= 0 && test <= 1)
            return fail(tr("Test ratio: the ratios sum to %1, not 1; set the test ratio to %2.")
                            .arg(sumText, QString::number(test, 'f', 3)));
        if (const double train = 1.0 - options.valid - options.test; train >= 0 && train <= 1)
            return fail(tr("Train ratio: the ratios sum to %1, not 1; set the train ratio to %2.")
                            .arg(sumText, QString::number(train, 'f', 3)));
        return fail(tr("Validation ratio: the ratios sum to %1, not 1; lower the validation ratio.").arg(sumText));
    }
    options.seed = static_cast<std::uint64_t>(m_seed->value());
    const QString strategy = m_strategy->currentData().toString();
    auto method = chorus::DatasetSplitter::parseMethod(strategy == QLatin1String("stratified") ? "random"
                                                                                               : strategy.toStdString());
    if (!method)
        return fail(tr("Strategy: %1").arg(QString::fromStdString(method.message())));
    options.method = *method;
    if (strategy == QLatin1String("stratified")) {
        if (m_task->currentText().isEmpty())
            return fail(tr("Label task: the dataset has no label task to stratify by; choose another strategy."));
        options.stratifyTask = m_task->currentText().toStdString();
    }
    if (chorus::Status valid = options.validate(); !valid.ok())
        return fail(QString::fromStdString(valid.message()));
    return options;
}

void SplitDialog::startSplit()
{
    if (isRunning())
        return;
    QString problem;
    const std::optional<chorus::SplitOptions> options = splitOptions(&problem);
    if (!options) {
        showError(problem);
        return;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Splitting..."));
    const std::string project = m_projectPath.toStdString();
    const std::string dataset = m_dataset->currentData().toString().toStdString();
    const std::string name = m_name->text().trimmed().toStdString();
    const std::string nameKeyPrefix = nameKey(0).chopped(1).toStdString();
    const chorus::SplitOptions splitOptions = *options;
    QPointer<SplitDialog> self(this);
    // The thread ends before this dialog is destroyed (joinThread), so posting to it is safe;
    // a posted result is dropped if the dialog is gone by then.
    m_thread = QThread::create([self, project, dataset, name, nameKeyPrefix, splitOptions] {
        auto deliver = [self](std::function<void(SplitDialog *)> call) {
            QMetaObject::invokeMethod(self.data(), [self, call] {
                if (self)
                    call(self.data());
            }, Qt::QueuedConnection);
        };
        try {
            auto opened = chorus::Project::open(project, chorus::Project::OpenMode::OpenExisting);
            if (!opened) {
                const QString message = QString::fromStdString(opened.message());
                deliver([message](SplitDialog *d) { d->showError(message); });
                return;
            }
            auto split = chorus::DatasetSplitter::create(**opened, dataset, splitOptions);
            if (!split) {
                const QString message = QString::fromStdString(split.message());
                deliver([message](SplitDialog *d) { d->showError(message); });
                return;
            }
            if (!name.empty()) {
                if (chorus::Status stored = (*opened)->setMeta(nameKeyPrefix + std::to_string(split->splitId), name);
                    !stored.ok()) {
                    const QString message = SplitDialog::tr("The split was stored, its name not: %1")
                                                .arg(QString::fromStdString(stored.message()));
                    deliver([message](SplitDialog *d) { d->showError(message); });
                    return;
                }
            }
            const chorus::SplitInfo info = *split;
            deliver([info](SplitDialog *d) { d->showResult(info); });
        } catch (const std::exception &e) {
            const QString message = SplitDialog::tr("Split failed: %1").arg(QString::fromUtf8(e.what()));
            deliver([message](SplitDialog *d) { d->showError(message); });
        }
    });
    m_thread->start();
    updateControls();
}

void SplitDialog::showResult(const chorus::SplitInfo &info)
{
    joinThread();
    m_result = info;
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Split %1 stored: train %L2, validation %L3, test %L4 posts.")
                           .arg(info.splitId)
                           .arg(info.train)
                           .arg(info.valid)
                           .arg(info.test));
    updateControls();
    emit splitCreated(info.splitId);
}

void SplitDialog::showError(const QString &message)
{
    joinThread();
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setText(message);
    updateControls();
}

void SplitDialog::joinThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void SplitDialog::reject()
{
    // A split is one transaction: waiting for it keeps the project consistent.
    joinThread();
    QDialog::reject();
}
