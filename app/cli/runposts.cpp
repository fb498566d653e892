#include "runposts.h"

#include "core/store/project.h"

using namespace chorus;

// Posts of a dataset, or of one part of a split, with their label for the task.
Result<std::vector<PostText>> postsOf(Project &project, const std::string &dataset, const std::string &task,
                                      std::int64_t splitId, const std::string &part)
{
    auto select = project.db().prepare(
        "SELECT p.id, p.text, coalesce(l.value, '') FROM posts p JOIN datasets d ON d.id = p.dataset_id"
        " LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?2"
        " LEFT JOIN split_assignments a ON a.post_id = p.id AND a.split_id = ?3"
        " WHERE d.name = ?1 AND (?4 = '' OR a.part = ?4) ORDER BY p.id");
    if (!select)
        return select.error();
    select->bind(1, dataset).bind(2, task).bind(3, splitId).bind(4, part);
    std::vector<PostText> posts;
    while (select->step())
        posts.push_back({select->int64(0), select->text(1), select->text(2)});
    if (select->failed())
        return Error{select->lastError()};
    return posts;
}
