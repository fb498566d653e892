#pragma once

#include <QStringList>

#include <string>

// The model registry lives in models/ (no Qt) and describes its families in English. The Models
// tab shows those texts through this catalogue, so that they follow the workbench's language.
class ModelSchemaText {
public:
    // `english` in the installed language; unchanged when it has no translation.
    static QString translated(const std::string &english);
    // Every text the catalogue knows, in English.
    static QStringList sources();
};
