#pragma once

#include <QDialog>

namespace chorus {
class PluginManager;
}

class QLabel;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

// Help > Plugins...: every plugin found, its state (loaded, disabled, failed with the reason), what
// it provides and where it lies, and a checkbox to enable or disable it. The choice is saved at once
// and applies when Chorus next starts (plugins are loaded once, at start).
class PluginsDialog : public QDialog {
    Q_OBJECT

public:
    explicit PluginsDialog(chorus::PluginManager &plugins, QWidget *parent = nullptr);

    // For tests: one row per plugin (column 0 checkable: enabled), the selected plugin's details,
    // and the last message (what a toggle will do, or why it could not be saved).
    QTreeWidget *pluginList() const { return m_list; }
    QTextBrowser *details() const { return m_details; }
    QLabel *message() const { return m_message; }

private:
    void fill();
    void showDetails();
    void toggled(QTreeWidgetItem *item, int column);

    chorus::PluginManager &m_plugins;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_message = nullptr;
};
