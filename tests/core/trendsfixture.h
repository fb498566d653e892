#pragma once
// Builds small projects for the analytics tests straight through SQL: planted patterns need exact
// timestamps, authors and labels, which an import would only obscure.
#include "core/store/project.h"

#include <QtTest>

#include <memory>
#include <string>
#include <utility>

class TrendsFixture {
public:
    static constexpr std::int64_t kDay = 86400;
    static constexpr std::int64_t kMarch1 = 1709251200; // 2024-03-01T00:00:00Z, a Friday

    explicit TrendsFixture(const QString &path)
    {
        auto opened = chorus::Project::open(path.toStdString(), chorus::Project::OpenMode::CreateNew);
        if (!opened)
            qFatal("cannot create %s: %s", qPrintable(path), opened.message().c_str());
        m_project = std::move(*opened);
        dataset = *m_project->ensureDataset("posts");
        m_project->db().exec("BEGIN");
    }

    chorus::Project &project() { return *m_project; }
    // Ends the fixture's transaction; call once all rows are in.
    void commit() { m_project->db().exec("COMMIT"); }

    std::int64_t user(const std::string &sourceId, const std::string &name = {}, const std::string &pseudonym = {})
    {
        auto insert = std::move(*m_project->db().prepare("INSERT INTO users(source_id, name, pseudonym) VALUES (?, ?, ?)"));
        insert.bind(1, sourceId).bindTextOrNull(2, name).bindTextOrNull(3, pseudonym);
        if (!insert.exec())
            qFatal("user: %s", insert.lastError().c_str());
        return m_project->db().lastInsertRowId();
    }

    std::int64_t post(std::int64_t author, std::int64_t createdAt, const std::string &text, int likes = 0, int shares = 0,
                      int replies = 0)
    {
        auto insert = std::move(*m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, author_id, created_at, text,"
                                               " likes, shares, replies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.bind(1, dataset).bind(2, "p" + std::to_string(++m_posts)).bind(4, createdAt).bind(5, text);
        insert.bind(6, likes).bind(7, shares).bind(8, replies);
        if (author > 0)
            insert.bind(3, author);
        else
            insert.bindNull(3);
        if (!insert.exec())
            qFatal("post: %s", insert.lastError().c_str());
        return m_project->db().lastInsertRowId();
    }

    void label(std::int64_t post, const std::string &task, const std::string &value)
    {
        auto insert = std::move(*m_project->db().prepare("INSERT INTO labels(post_id, task, value) VALUES (?, ?, ?)"));
        insert.bind(1, post).bind(2, task).bind(3, value);
        if (!insert.exec())
            qFatal("label: %s", insert.lastError().c_str());
    }

    void interaction(std::int64_t user, const std::string &item, const std::string &kind, std::int64_t at)
    {
        auto insert = std::move(*m_project->db().prepare(
            "INSERT INTO interactions(dataset_id, user_id, item, kind, created_at) VALUES (?, ?, ?, ?, ?)"));
        insert.bind(1, dataset).bind(2, user).bind(3, item).bind(4, kind).bind(5, at);
        if (!insert.exec())
            qFatal("interaction: %s", insert.lastError().c_str());
    }

    std::int64_t dataset = 0;

private:
    std::unique_ptr<chorus::Project> m_project;
    int m_posts = 0;
};
