#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The first rows of an input file as text, for the import wizard to show before anything is
// stored. Reads with core's readers (CsvReader, LineReader), so what is previewed is split the way
// the import will split it; reads only the first rows, whatever the file's size.
struct ImportPreview {
    QStringList columns;      // CSV header, or the members of the first JSON objects in order of appearance
    QList<QStringList> rows;  // one entry per column, empty where a row has no value
    QString error;            // why nothing could be previewed; empty on success
    bool mappable = false;    // the format takes a column mapping (csv, tsv, jsonl)

    // format: one of chorus::knownImportFormats(). Formats without rows (folders, video) give an
    // empty preview with a note in error.
    static ImportPreview read(const QString &path, const QString &format, int maxRows = 20);
};
