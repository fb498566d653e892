// Users as points: core's user embedding table (one row per user with posts, their dominant label
// per task, pseudonyms only under privacy), the projector's "Users of" source, and the profile's
// "Show in projector" button, which opens the projector with that user selected.
#include "../core/trendsfixture.h"

#include "core/analytics/userembeddingtable.h"
#include "core/embeddings/projectortable.h"
#include "core/projection/nearestneighbours.h"
#include "core/store/project.h"
#include "ui/analytics/analyticspanel.h"
#include "ui/analytics/userprofileview.h"
#include "ui/embeddings/embeddingprojector.h"
#include "ui/embeddings/scatterview.h"
#include "ui/main/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace chorus;

namespace {

// Three pairs of users who write alike (coffee, football, gardening), a user with no posts, and
// posts without an author; every post has a sentiment, each pair its own majority.
const char *const kUsers[] = {"ann-0001", "amy-0002", "bob-0003", "ben-0004", "cat-0005", "cid-0006"};
const char *const kNames[] = {"Ann", "Amy", "Bob", "Ben", "Cat", "Cid"};
const char *const kTexts[][3] = {{"espresso crema barista", "ristretto espresso roast", "barista crema latte"},
                                 {"striker goal keeper", "penalty goal referee", "keeper striker offside"},
                                 {"tomato seedlings compost", "compost mulch roses", "roses tomato pruning"}};
const char *const kMajority[] = {"positive", "negative", "neutral"};

int column(const ProjectorTable &table, const std::string &name)
{
    const auto it = std::find(table.columns.begin(), table.columns.end(), name);
    return it == table.columns.end() ? -1 : int(it - table.columns.begin());
}

} // namespace

class UserEmbeddingsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
    std::int64_t m_users[6] = {};
    std::int64_t m_usersWithPosts = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath("users.chorus");
        {
            TrendsFixture f(m_path);
            for (int u = 0; u < 6; ++u)
                m_users[u] = f.user(kUsers[u], kNames[u]);
            f.user("lurker-0007", "Lurker"); // no posts: not a point
            for (int u = 0; u < 6; ++u)
                for (int i = 0; i < 6; ++i) {
                    const std::int64_t post = f.post(m_users[u], TrendsFixture::kMarch1 + (u * 6 + i) * 3600,
                                                     kTexts[u / 2][i % 3], i);
                    f.label(post, "sentiment", i < 4 ? kMajority[u / 2] : "mixed");
                }
            f.post(0, TrendsFixture::kMarch1, "no author here");
            f.commit();
        }
        auto opened = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        m_project = std::move(*opened);
        m_usersWithPosts = *m_project->db().queryInt("SELECT count(DISTINCT author_id) FROM posts WHERE author_id IS NOT NULL");
        QCOMPARE(m_usersWithPosts, std::int64_t(6));
    }

    void tableHasOneRowPerUserWithPosts()
    {
        auto table = userEmbeddingTable(*m_project, "posts");
        QVERIFY2(table.ok(), table.ok() ? "" : table.message().c_str());
        QCOMPARE(std::int64_t(table->rows), m_usersWithPosts);
        QCOMPARE(table->matrix.size(), table->rows * table->dimensions);
        QCOMPARE(table->columns.front(), std::string("user"));
        const int sentiment = column(*table, "sentiment");
        const int ids = column(*table, "user_id");
        QVERIFY(sentiment > 0 && ids > 0);
        for (std::size_t row = 0; row < table->rows; ++row) {
            const std::int64_t id = std::stoll(table->values[std::size_t(ids)][row]);
            const int u = int(std::find(std::begin(m_users), std::end(m_users), id) - std::begin(m_users));
            QVERIFY(u < 6);
            QCOMPARE(table->label(row), std::string(kNames[u]));
            QCOMPARE(table->values[std::size_t(sentiment)][row], std::string(kMajority[u / 2]));
            QCOMPARE(table->values[std::size_t(column(*table, "posts"))][row], std::string("5-9"));
            // The nearest user is the one who writes alike, as the profile's similar users say.
            const MatrixView matrix{table->matrix.data(), table->rows, table->dimensions};
            const auto nearest = cosineNeighboursOfRow(matrix, row, 1);
            QCOMPARE(nearest.size(), std::size_t(1));
            const std::int64_t other = std::stoll(table->values[std::size_t(ids)][nearest.front().index]);
            QCOMPARE(other, m_users[u ^ 1]);
        }

        auto hidden = userEmbeddingTable(*m_project, "posts", {true});
        QVERIFY(hidden.ok());
        QCOMPARE(hidden->rows, table->rows);
        for (const auto &values : hidden->values)
            for (const std::string &value : values)
                for (int u = 0; u < 6; ++u)
                    QVERIFY2(value != kNames[u] && value != kUsers[u], value.c_str());
        for (std::size_t row = 0; row < hidden->rows; ++row)
            QCOMPARE(hidden->label(row).size(), std::size_t(16));
        QVERIFY(!userEmbeddingTable(*m_project, "nothing").ok());
    }

    void projectorOffersUsersAsASource()
    {
        EmbeddingProjector projector;
        projector.setProject(m_project.get());
        const int source = projector.sourceCombo()->findData(QStringList{QStringLiteral("users"), QStringLiteral("posts")});
        QVERIFY(source >= 0);
        QVERIFY(projector.sourceCombo()->itemText(source).contains(QLatin1String("Users of 'posts'")));
        projector.sourceCombo()->setCurrentIndex(source);
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.loadButton()->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(std::int64_t(loaded.first().first().toInt()), m_usersWithPosts);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(std::int64_t(projector.scatter()->pointCount()), m_usersWithPosts);
        // Coloured by the users' dominant sentiment: one group per pair.
        const int sentiment = column(*projector.table(), "sentiment");
        const int colour = projector.colourCombo()->findData(QStringLiteral("column:%1").arg(sentiment));
        QVERIFY(colour > 0);
        projector.colourCombo()->setCurrentIndex(colour);
        QCOMPARE(projector.scatter()->groupCount(), 3);
    }

    void profileOpensTheProjectorOnItsUser()
    {
        for (const bool privacy : {false, true}) {
            MainWindow window;
            QVERIFY(window.openProject(m_path).isEmpty());
            UserProfileView *users = window.analyticsPanel()->usersView();
            users->setPrivacy(privacy);
            QVERIFY(!users->projectorButton()->isEnabled());
            QSignalSpy shown(users, &UserProfileView::profileShown);
            users->showUserId(m_users[2]); // Bob
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && !users->isRunning(), 10000);
            QVERIFY(users->projectorButton()->isEnabled());

            EmbeddingProjector *projector = window.embeddingProjector();
            QSignalSpy finished(projector, &EmbeddingProjector::projectionFinished);
            users->projectorButton()->click();
            QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(projector));
            QVERIFY(finished.wait(10000));
            QCOMPARE(std::int64_t(projector->rows()), m_usersWithPosts);
            QVERIFY(projector->selectedPoint() >= 0);
            const std::string label = projector->table()->label(std::size_t(projector->selectedPoint()));
            // The view shows the user by the name the setting allows (UserProfile is not included here:
            // core's TimeBucket clashes with mainwindow.h's).
            QCOMPARE(QString::fromStdString(label), users->userEdit()->text());
            if (privacy) {
                QCOMPARE(label.size(), std::size_t(16));
                QVERIFY(projector->userPrivacy());
                for (int i = 0; i < projector->rows(); ++i)
                    for (int u = 0; u < 6; ++u)
                        QVERIFY(projector->table()->label(std::size_t(i)) != kNames[u]);
            } else {
                QCOMPARE(label, std::string("Bob"));
                // The nearest user in the projector is Bob's twin, Ben.
                QVERIFY(!projector->neighbourLabels().isEmpty());
                QCOMPARE(projector->neighbourLabels().front(), QStringLiteral("Ben"));
            }
        }
    }
};

QTEST_MAIN(UserEmbeddingsTest)
#include "tst_userembeddings.moc"
