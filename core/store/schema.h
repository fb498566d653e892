#pragma once

#include "core/util/result.h"

namespace chorus {

class SqliteDatabase;

// The project schema as a list of forward migrations; PRAGMA user_version holds the version a
// file is at. Version N is reached by applying migrations 1..N in order, each in a transaction.
class Schema {
public:
    static int latestVersion();
    static Result<int> version(SqliteDatabase &db);
    // Brings the database from its current version up to target (default: latest). A file newer
    // than this build knows is refused rather than touched.
    static Status migrate(SqliteDatabase &db, int target = -1);
};

} // namespace chorus
