// The "images" importer: folder walk, labels from sub-folders, digests and sizes, rejects, re-import.
#include "core/import/importjob.h"
#include "core/import/recordsource.h"
#include "core/media/imagedecoder.h"
#include "core/media/imagefoldersource.h"
#include "core/store/project.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <string>
#include <vector>

using namespace chorus;

namespace {

class CollectingSink : public RecordSink {
public:
    std::vector<PostRecord> posts;
    std::vector<ImportError> rejects;
    std::uint64_t lastProgress = 0;
    int progressCalls = 0;
    std::size_t stopAfterPosts = 0; // 0: never stop

    bool post(PostRecord &&record) override
    {
        posts.push_back(std::move(record));
        return stopAfterPosts == 0 || posts.size() < stopAfterPosts;
    }
    bool interaction(InteractionRecord &&) override { return true; }
    bool item(ItemRecord &&) override { return true; }
    bool reject(const std::string &file, std::uint64_t line, const std::string &reason) override
    {
        rejects.push_back({file, line, reason});
        return true;
    }
    bool progress(std::uint64_t bytesRead) override
    {
        lastProgress = bytesRead;
        ++progressCalls;
        return true;
    }
};

cv::Mat gradient(int width, int height, int channels)
{
    cv::Mat image(height, width, CV_8UC(channels));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                image.ptr<std::uint8_t>(y)[x * channels + c] = std::uint8_t((x * 7 + y * 13 + c * 50) & 0xff);
    return image;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class ImageImportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    bool writeImage(const QString &relative, const cv::Mat &image)
    {
        const QString path = m_root + "/" + relative;
        QDir().mkpath(QFileInfo(path).path());
        return cv::imwrite(path.toStdString(), image);
    }

    const PostRecord *find(const std::vector<PostRecord> &posts, const std::string &id)
    {
        for (const PostRecord &post : posts)
            if (post.sourceId == id)
                return &post;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath("pets");
        // One folder per class, a nested folder, odd extension case, an image in the root.
        QVERIFY(writeImage("cats/a.png", gradient(40, 30, 3)));
        QVERIFY(writeImage("cats/sub/b.JPG", gradient(20, 10, 3)));
        QVERIFY(writeImage("dogs/c.bmp", gradient(16, 16, 3)));
        QVERIFY(writeImage("dogs/d.webp", gradient(24, 12, 3)));
        QVERIFY(writeImage("top.png", gradient(8, 6, 4)));
        // OpenCV writes no GIF: a three-frame 12x8 one made with ffmpeg's testsrc is shipped.
        QVERIFY(QDir().mkpath(m_root + "/birds"));
        QVERIFY(QFile::copy(QStringLiteral(CHORUS_TEST_DATA "/images/tiny.gif"), m_root + "/birds/e.gif"));
        // Not images: skipped without a word.
        writeBytes(m_root + "/dogs/notes.txt", "good dogs");
        writeBytes(m_root + "/dogs/README", "x");
        // Damaged images: rejected with a reason.
        QByteArray noise;
        for (int i = 0; i < 3000; ++i)
            noise.append(char((i * 7919) & 0xff));
        writeBytes(m_root + "/dogs/broken.png", noise);
        writeBytes(m_root + "/dogs/empty.jpg", QByteArray());
    }

    void readsFolderInSortedOrder()
    {
        ImageFolderSource source;
        QCOMPARE(source.format(), std::string("images"));
        CollectingSink sink;
        ImportOptions options;
        const Status status = source.read(m_root.toStdString(), options, sink);
        QVERIFY2(status.ok(), status.message().c_str());

        std::vector<std::string> ids;
        for (const PostRecord &post : sink.posts)
            ids.push_back(post.sourceId);
        const std::vector<std::string> expected = {"birds/e.gif", "cats/a.png", "cats/sub/b.JPG", "dogs/c.bmp",
                                                   "dogs/d.webp", "top.png"};
        QCOMPARE(ids, expected);

        for (const PostRecord &post : sink.posts) {
            QVERIFY(post.text.empty());
            QCOMPARE(post.media.size(), std::size_t(1));
            const MediaRecord &media = post.media.front();
            QCOMPARE(int(media.kind), int(MediaKind::Image));
            const QString expectedPath = QDir::cleanPath(m_root + "/" + QString::fromStdString(post.sourceId));
            QCOMPARE(QString::fromStdString(media.path), expectedPath);
            QVERIFY(QFileInfo(QString::fromStdString(media.path)).isAbsolute());
            // Digest checked against Qt's independent SHA-256.
            QCOMPARE(QString::fromStdString(media.sha256), sha256Of(expectedPath));
            QVERIFY(media.blob.empty());
        }

        auto sizeOf = [&](const std::string &id) {
            const PostRecord *post = find(sink.posts, id);
            return post ? std::make_pair(post->media[0].width.value_or(-1), post->media[0].height.value_or(-1))
                        : std::make_pair(-2, -2);
        };
        QCOMPARE(sizeOf("cats/a.png"), std::make_pair(40, 30));
        QCOMPARE(sizeOf("cats/sub/b.JPG"), std::make_pair(20, 10));
        QCOMPARE(sizeOf("dogs/c.bmp"), std::make_pair(16, 16));
        QCOMPARE(sizeOf("dogs/d.webp"), std::make_pair(24, 12));
        QCOMPARE(sizeOf("top.png"), std::make_pair(8, 6));
        QCOMPARE(sizeOf("birds/e.gif"), std::make_pair(12, 8));

        // Labels: the first-level folder, also for nested files; none for files in the root.
        auto labelOf = [&](const std::string &id) -> std::string {
            const PostRecord *post = find(sink.posts, id);
            if (!post || post->labels.empty())
                return "(none)";
            return post->labels[0].task + "=" + post->labels[0].value;
        };
        QCOMPARE(labelOf("cats/a.png"), std::string("label=cats"));
        QCOMPARE(labelOf("cats/sub/b.JPG"), std::string("label=cats"));
        QCOMPARE(labelOf("dogs/c.bmp"), std::string("label=dogs"));
        QCOMPARE(labelOf("birds/e.gif"), std::string("label=birds"));
        QCOMPARE(labelOf("top.png"), std::string("(none)"));

        // The two damaged files, in walk order, with the file and the reason.
        QCOMPARE(sink.rejects.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(sink.rejects[0].file), QDir::cleanPath(m_root + "/dogs/broken.png"));
        QCOMPARE(sink.rejects[0].line, std::uint64_t(0));
        QVERIFY2(sink.rejects[0].reason.find("cannot decode image") == 0, sink.rejects[0].reason.c_str());
        QCOMPARE(QString::fromStdString(sink.rejects[1].file), QDir::cleanPath(m_root + "/dogs/empty.jpg"));
        QVERIFY2(sink.rejects[1].reason.find("empty") != std::string::npos, sink.rejects[1].reason.c_str());

        QVERIFY(sink.progressCalls >= 6);
        QVERIFY(sink.lastProgress > 0);
    }

    void customLabelTaskAndNoLabels()
    {
        ImageFolderSource source;
        ImportOptions options;
        options.folderLabelTask = "species";
        CollectingSink sink;
        QVERIFY(source.read(m_root.toStdString(), options, sink).ok());
        const PostRecord *post = find(sink.posts, "dogs/c.bmp");
        QVERIFY(post);
        QCOMPARE(post->labels.size(), std::size_t(1));
        QCOMPARE(post->labels[0].task, std::string("species"));

        options.folderLabelTask.clear();
        CollectingSink unlabelled;
        QVERIFY(source.read(m_root.toStdString(), options, unlabelled).ok());
        for (const PostRecord &p : unlabelled.posts)
            QVERIFY(p.labels.empty());
    }

    void stopsWhenTheSinkSaysSo()
    {
        ImageFolderSource source;
        CollectingSink sink;
        sink.stopAfterPosts = 2;
        QVERIFY(source.read(m_root.toStdString(), ImportOptions(), sink).ok());
        QCOMPARE(sink.posts.size(), std::size_t(2));
        QVERIFY(sink.rejects.empty());
    }

    void singleImageFile()
    {
        ImageFolderSource source;
        CollectingSink sink;
        QVERIFY(source.read((m_root + "/cats/a.png").toStdString(), ImportOptions(), sink).ok());
        QCOMPARE(sink.posts.size(), std::size_t(1));
        QCOMPARE(sink.posts[0].sourceId, std::string("a.png"));
        QVERIFY(sink.posts[0].labels.empty());
    }

    void unusableInputIsAnError()
    {
        ImageFolderSource source;
        CollectingSink sink;
        const Status missing = source.read(m_dir.filePath("nowhere").toStdString(), ImportOptions(), sink);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("nowhere") != std::string::npos, missing.message().c_str());
        const Status notImage = source.read((m_root + "/dogs/notes.txt").toStdString(), ImportOptions(), sink);
        QVERIFY(!notImage.ok());
        QVERIFY(sink.posts.empty());
        QVERIFY(sink.rejects.empty());
    }

    void decoderReportsWhy()
    {
        QVERIFY(!ImageDecoder::decode("").ok());
        const auto garbage = ImageDecoder::decode("definitely not an image");
        QVERIFY(!garbage.ok());
        QVERIFY(!garbage.message().empty());
        int w = 0, h = 0;
        ImageDecoder::thumbnailSize(1000, 500, 256, w, h);
        QCOMPARE(std::make_pair(w, h), std::make_pair(256, 128));
        ImageDecoder::thumbnailSize(100, 50, 256, w, h); // never enlarged
        QCOMPARE(std::make_pair(w, h), std::make_pair(100, 50));
        ImageDecoder::thumbnailSize(3, 2000, 256, w, h); // never zero
        QCOMPARE(std::make_pair(w, h), std::make_pair(1, 256));
    }

    void importJobStoresAndDeduplicates()
    {
        QVERIFY(makeRecordSource("images") != nullptr);
        QTemporaryDir projectDir;
        auto opened = Project::open(projectDir.filePath("p.chorus").toStdString());
        QVERIFY(opened.ok());
        Project &project = **opened;
        ImportOptions options;
        options.format = "images";
        options.dataset = "pets";

        ImportJob job(project, options);
        auto first = job.run({m_root.toStdString()});
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        QCOMPARE(first->imported, std::int64_t(6));
        QCOMPARE(first->rejected, std::int64_t(2));
        QCOMPARE(first->duplicates, std::int64_t(0));

        SqliteDatabase &db = project.db();
        QCOMPARE(*db.queryInt("SELECT count(*) FROM media WHERE kind = 'image' AND width > 0 AND height > 0"
                              " AND length(sha256) = 64"),
                 std::int64_t(6));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM labels WHERE task = 'label' AND value = 'cats'"), std::int64_t(2));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM import_log WHERE file LIKE '%broken.png'"), std::int64_t(1));
        QCOMPARE(*db.queryText("SELECT m.width || 'x' || m.height FROM media m JOIN posts p ON p.id = m.post_id"
                               " WHERE p.source_id = 'cats/a.png'"),
                 std::string("40x30"));

        ImportJob again(project, options);
        auto second = again.run({m_root.toStdString()});
        QVERIFY(second.ok());
        QCOMPARE(second->imported, std::int64_t(0));
        QCOMPARE(second->duplicates, std::int64_t(6));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM posts"), std::int64_t(6));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM media"), std::int64_t(6));
    }
};

QTEST_GUILESS_MAIN(ImageImportTest)
#include "tst_imageimport.moc"
