#pragma once

#include <QString>
#include <QStringList>

class MainWindow;

// Renders every tab of the workbench window into a folder, for the documentation's screenshots
// and for looking at the real application on a machine without a display. The newest finished
// run is selected first so that the run views show something.
class TabScreenshots {
public:
    // Writes DIR/NN-<tab>.png for each tab and returns the files written (empty on failure).
    static QStringList save(MainWindow &window, const QString &dir);
    // A tab title as a file-name part: "Runs & Evaluation" -> "runs-evaluation".
    static QString slug(const QString &title);
};
