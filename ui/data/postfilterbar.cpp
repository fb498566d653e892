#include "ui/data/postfilterbar.h"

#include "core/store/project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>

namespace {

// A date edit shows "any" at its minimum, which stands for "no bound".
const QDate kAnyDate(1900, 1, 1);

QDateEdit *makeDateEdit(const QString &tooltip)
{
    auto *edit = new QDateEdit;
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setDate(kAnyDate);
    edit->setToolTip(tooltip);
    return edit;
}

std::string isoDate(const QDateEdit *edit)
{
    return edit->date() == kAnyDate ? std::string() : edit->date().toString(Qt::ISODate).toStdString();
}

} // namespace

PostFilterBar::PostFilterBar(QWidget *parent)
    : QWidget(parent), m_task(new QComboBox), m_value(new QComboBox), m_split(new QComboBox), m_part(new QComboBox),
      m_image(new QCheckBox(tr("Picture"))), m_video(new QCheckBox(tr("Clip"))),
      m_from(makeDateEdit(tr("Posts created on or after this day (UTC)"))),
      m_to(makeDateEdit(tr("Posts created on or before this day (UTC)"))), m_clear(new QPushButton(tr("Clear")))
{
    m_task->setToolTip(tr("Only posts labelled for this task"));
    m_value->setToolTip(tr("Only posts with this label value"));
    m_split->setToolTip(tr("Only posts assigned by this split"));
    m_part->setToolTip(tr("Only posts of this part of the split"));
    m_image->setToolTip(tr("Only posts with at least one picture"));
    m_video->setToolTip(tr("Only posts with at least one video clip"));
    m_part->addItem(tr("any part"), QString());
    m_part->addItem(tr("train"), QStringLiteral("train"));
    m_part->addItem(tr("validation"), QStringLiteral("valid"));
    m_part->addItem(tr("test"), QStringLiteral("test"));
    m_task->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_split->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Label")));
    layout->addWidget(m_task);
    layout->addWidget(m_value);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Split")));
    layout->addWidget(m_split);
    layout->addWidget(m_part);
    layout->addSpacing(8);
    layout->addWidget(m_image);
    layout->addWidget(m_video);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("From")));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to")));
    layout->addWidget(m_to);
    layout->addWidget(m_clear);
    layout->addStretch(1);

    connect(m_task, &QComboBox::currentIndexChanged, this, &PostFilterBar::taskChosen);
    connect(m_split, &QComboBox::currentIndexChanged, this, &PostFilterBar::splitChosen);
    connect(m_value, &QComboBox::currentIndexChanged, this, &PostFilterBar::changed);
    connect(m_part, &QComboBox::currentIndexChanged, this, &PostFilterBar::changed);
    connect(m_image, &QCheckBox::toggled, this, &PostFilterBar::changed);
    connect(m_video, &QCheckBox::toggled, this, &PostFilterBar::changed);
    connect(m_from, &QDateEdit::dateChanged, this, &PostFilterBar::changed);
    connect(m_to, &QDateEdit::dateChanged, this, &PostFilterBar::changed);
    connect(m_clear, &QPushButton::clicked, this, &PostFilterBar::clear);
    setSource(nullptr, 0);
}

void PostFilterBar::setSource(chorus::Project *project, std::int64_t datasetId)
{
    const QSignalBlocker blockSelf(this), blockTask(m_task), blockSplit(m_split), blockValue(m_value), blockPart(m_part),
        blockImage(m_image), blockVideo(m_video), blockFrom(m_from), blockTo(m_to);
    m_project = project;
    m_datasetId = datasetId;
    m_labelCounts.clear();
    m_task->clear();
    m_task->addItem(tr("any"), QString());
    m_split->clear();
    m_split->addItem(tr("none"), QVariant::fromValue<qlonglong>(0));
    if (project) {
        chorus::PostBrowser browser(*project);
        if (auto splits = browser.splits(datasetId))
            for (const chorus::SplitSummary &s : *splits)
                m_split->addItem(tr("#%1 %2, %3 (%4 posts)")
                                     .arg(s.id)
                                     .arg(QString::fromStdString(s.method), QString::fromStdString(s.createdAt).left(10))
                                     .arg(s.posts),
                                 QVariant::fromValue<qlonglong>(s.id));
    }
    m_part->setCurrentIndex(0);
    m_image->setChecked(false);
    m_video->setChecked(false);
    m_from->setDate(kAnyDate);
    m_to->setDate(kAnyDate);
    taskChosen();
    splitChosen();
}

void PostFilterBar::setLabelCounts(const std::vector<chorus::TaskLabelCounts> &tasks)
{
    const QString chosen = m_task->currentData().toString();
    const QString chosenValue = m_value->currentData().toString();
    {
        const QSignalBlocker blockTask(m_task), blockValue(m_value);
        m_labelCounts = tasks;
        m_task->clear();
        m_task->addItem(tr("any"), QString());
        for (const chorus::TaskLabelCounts &task : m_labelCounts)
            m_task->addItem(QString::fromStdString(task.task), QString::fromStdString(task.task));
        m_task->setCurrentIndex(std::max(0, m_task->findData(chosen)));
        fillValues();
        m_value->setCurrentIndex(std::max(0, m_value->findData(chosenValue)));
    }
    // Only a filter that no longer exists changes what is shown.
    if ((m_task->currentData().toString() != chosen || m_value->currentData().toString() != chosenValue) && !signalsBlocked())
        emit changed();
}

void PostFilterBar::fillValues()
{
    const QSignalBlocker block(m_value);
    m_value->clear();
    m_value->addItem(tr("any value"), QString());
    const QString task = m_task->currentData().toString();
    for (const chorus::TaskLabelCounts &counted : m_labelCounts) {
        if (QString::fromStdString(counted.task) != task)
            continue;
        // Regression targets have hundreds of values; listing the most frequent keeps the menu usable.
        constexpr std::size_t kMaxValues = 200;
        for (std::size_t i = 0; i < counted.counts.size() && i < kMaxValues; ++i)
            m_value->addItem(tr("%1 (%2)").arg(QString::fromStdString(counted.counts[i].first)).arg(counted.counts[i].second),
                             QString::fromStdString(counted.counts[i].first));
    }
    m_value->setEnabled(!task.isEmpty());
}

void PostFilterBar::taskChosen()
{
    fillValues();
    if (!signalsBlocked())
        emit changed();
}

void PostFilterBar::splitChosen()
{
    m_part->setEnabled(m_split->currentData().toLongLong() != 0);
    if (!signalsBlocked())
        emit changed();
}

void PostFilterBar::fill(chorus::PostFilter &filter) const
{
    filter.labelTask = m_task->currentData().toString().toStdString();
    filter.labelValue = filter.labelTask.empty() ? std::string() : m_value->currentData().toString().toStdString();
    filter.splitId = m_split->currentData().toLongLong();
    filter.splitPart = filter.splitId == 0 ? std::string() : m_part->currentData().toString().toStdString();
    filter.hasImage = m_image->isChecked();
    filter.hasVideo = m_video->isChecked();
    filter.from = isoDate(m_from);
    filter.to = isoDate(m_to);
}

void PostFilterBar::clear()
{
    chorus::PostFilter before;
    fill(before);
    {
        const QSignalBlocker blockBar(this);
        m_task->setCurrentIndex(0);
        m_split->setCurrentIndex(0);
        m_part->setCurrentIndex(0);
        m_image->setChecked(false);
        m_video->setChecked(false);
        m_from->setDate(kAnyDate);
        m_to->setDate(kAnyDate);
    }
    chorus::PostFilter after;
    fill(after);
    if (before.labelTask != after.labelTask || before.splitId != after.splitId || before.hasImage || before.hasVideo ||
        !before.from.empty() || !before.to.empty() || !before.splitPart.empty())
        emit changed();
}
