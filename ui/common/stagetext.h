#pragma once

#include <QCoreApplication>
#include <QString>

// The names of long jobs' stages ("clustering", "finding bursts") as the user reads them. Core and
// the workers report stages as plain English identifiers (core has no Qt); this is where they are
// translated. An unlisted stage is shown as reported.
class StageText {
    Q_DECLARE_TR_FUNCTIONS(StageText)

public:
    static QString label(const QString &stage);
};
