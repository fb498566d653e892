#include "ui/main/pluginsdialog.h"

#include "core/plugins/plugininterface.h"
#include "core/plugins/pluginmanager.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kNameRole = Qt::UserRole + 1;

QString qs(const std::string &text) { return QString::fromStdString(text); }

QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items)
        list << qs(item);
    return list.join(QStringLiteral(", "));
}

} // namespace

PluginsDialog::PluginsDialog(chorus::PluginManager &plugins, QWidget *parent) : QDialog(parent), m_plugins(plugins)
{
    setWindowTitle(tr("Plugins"));
    setObjectName(QStringLiteral("pluginsDialog"));
    resize(760, 480);

    QStringList folders;
    for (const std::string &folder : m_plugins.folders())
        folders << qs(folder).toHtmlEscaped();
    auto *intro = new QLabel(tr("Plugins add import formats and model families to Chorus. They are loaded at start "
                                "from these folders:<br>%1")
                                 .arg(folders.join(QStringLiteral("<br>"))),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("pluginList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Plugin"), tr("Version"), tr("Status"), tr("Provides")});
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("pluginDetails"));
    m_details->setOpenLinks(false);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *note = new QLabel(tr("Enabling or disabling a plugin takes effect the next time Chorus starts."), this);
    note->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pluginMessage"));
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    fill();
    connect(m_list, &QTreeWidget::currentItemChanged, this, &PluginsDialog::showDetails);
    connect(m_list, &QTreeWidget::itemChanged, this, &PluginsDialog::toggled);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    else
        m_details->setPlainText(tr("No plugins were found."));
}

void PluginsDialog::fill()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const chorus::PluginEntry &entry : m_plugins.plugins()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, kNameRole, qs(entry.name));
        item->setText(0, qs(entry.name));
        item->setText(1, entry.hasManifest ? qs(entry.manifest.version) : QString());
        QString status;
        switch (entry.state) {
        case chorus::PluginState::Loaded:
            status = tr("Loaded");
            break;
        case chorus::PluginState::Disabled:
            status = tr("Disabled");
            break;
        case chorus::PluginState::Failed:
            status = tr("Failed: %1").arg(qs(entry.reason));
            break;
        }
        item->setText(2, status);
        item->setToolTip(2, status);
        QStringList provides;
        if (entry.hasManifest) {
            if (!entry.manifest.importers.empty())
                provides << tr("import: %1").arg(joined(entry.manifest.importers));
            if (!entry.manifest.models.empty())
                provides << tr("models: %1").arg(joined(entry.manifest.models));
        }
        item->setText(3, provides.join(QStringLiteral("; ")));
        // A plugin whose manifest cannot be read has no name to record a choice under.
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (entry.hasManifest)
            flags |= Qt::ItemIsUserCheckable;
        item->setFlags(flags);
        if (entry.hasManifest)
            item->setCheckState(0, m_plugins.settings().isEnabled(entry.name) ? Qt::Checked : Qt::Unchecked);
    }
    for (int column = 0; column < 2; ++column)
        m_list->resizeColumnToContents(column);
}

void PluginsDialog::showDetails()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_details->clear();
        return;
    }
    const chorus::PluginEntry *entry = m_plugins.find(item->data(0, kNameRole).toString().toStdString());
    if (!entry) {
        m_details->clear();
        return;
    }
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(qs(entry->name).toHtmlEscaped());
    if (entry->hasManifest && !entry->manifest.description.empty())
        html += QStringLiteral("<p>%1</p>").arg(qs(entry->manifest.description).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"4\">");
    html += row(tr("Status"), item->text(2));
    if (entry->hasManifest) {
        html += row(tr("Version"), qs(entry->manifest.version));
        html += row(tr("Interface version"),
                    tr("%1 (this Chorus: %2)").arg(entry->manifest.interfaceVersion).arg(chorus::kPluginInterfaceVersion));
        html += row(tr("Import formats"), joined(entry->manifest.importers));
        html += row(tr("Model families"), joined(entry->manifest.models));
        html += row(tr("Library"), qs(entry->libraryPath));
    }
    html += row(tr("Manifest"), qs(entry->manifestPath));
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void PluginsDialog::toggled(QTreeWidgetItem *item, int column)
{
    if (column != 0 || !(item->flags() & Qt::ItemIsUserCheckable))
        return;
    const QString name = item->data(0, kNameRole).toString();
    const bool enable = item->checkState(0) == Qt::Checked;
    if (const chorus::Status saved = m_plugins.setEnabled(name.toStdString(), enable); !saved) {
        const QSignalBlocker blocker(m_list);
        item->setCheckState(0, enable ? Qt::Unchecked : Qt::Checked);
        m_message->setText(tr("Could not save the choice: %1").arg(qs(saved.message())));
        return;
    }
    m_message->setText(enable ? tr("“%1” will be loaded the next time Chorus starts.").arg(name)
                              : tr("“%1” will not be loaded the next time Chorus starts.").arg(name));
}
