// Real mounts in a private mount namespace: overlays at <tmp>/docker/overlay2/<id>/merged, then the seed
// document's cover (a tmpfs on <tmp>/docker/overlay2) and a second cover on <tmp>/docker, read back from
// /proc/self/mountinfo and analysed with MountTree. Needs root; skips otherwise. In each state df's rows
// rebuilt from the mount table and statvfs (diskusage.h: what the sweep does over SFTP) are compared with
// df's.
#include "diskusage.h"
#include "mounttree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace lw;

namespace {

// Set up in main() before QCoreApplication exists: unshare(CLONE_NEWNS) fails in a multi-threaded process.
QString g_namespaceProblem;

void enterPrivateMountNamespace()
{
    if (geteuid() != 0) {
        g_namespaceProblem = QStringLiteral("not root: real mount tests need CAP_SYS_ADMIN");
        return;
    }
    if (unshare(CLONE_NEWNS) != 0) {
        g_namespaceProblem =
            QStringLiteral("unshare(CLONE_NEWNS) failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return;
    }
    // Nothing mounted here may propagate back to the host.
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        g_namespaceProblem =
            QStringLiteral("making / rprivate failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    }
}

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

bool mountFs(const QString &source, const QString &target, const char *type, const QByteArray &data,
             QString *error)
{
    const QByteArray src = QFile::encodeName(source);
    const QByteArray dst = QFile::encodeName(target);
    if (mount(src.constData(), dst.constData(), type, 0, data.isEmpty() ? nullptr : data.constData()) != 0) {
        *error = QStringLiteral("mount %1 on %2 failed: %3").arg(QLatin1String(type), target, errnoText());
        return false;
    }
    return true;
}

MountTree readTree(const QString &dockerRoot)
{
    QFile f(QStringLiteral("/proc/self/mountinfo"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/mountinfo");
    const MountInfo info = parseMountInfo(f.readAll());
    if (!info.errors.isEmpty())
        qFatal("the kernel's own mountinfo did not parse: %s", qPrintable(info.errors.first().message));
    return MountTree::build(info.mounts, dockerRoot);
}

// Hidden mounts below base (the host may have hidden mounts of its own, e.g. a doubly mounted /dev/pts).
QList<int> hiddenBelow(const MountTree &t, const QString &base)
{
    QList<int> out;
    for (int i : t.hiddenMounts()) {
        if (isPathPrefix(base, t.mounts().at(i).mountPoint))
            out << i;
    }
    return out;
}

int indexOfPoint(const MountTree &t, const QString &point)
{
    // The latest mount at that point (an earlier one at the same point may still be in the table).
    for (int i = t.size() - 1; i >= 0; --i) {
        if (t.mounts().at(i).mountPoint == point)
            return i;
    }
    return -1;
}

// "source|type|size|mount point" of each row, in order.
QStringList dfRows(const DiskUsageTable &table)
{
    QStringList rows;
    for (const DiskUsage &row : table.rows)
        rows << row.filesystem + u'|' + row.type + u'|' + QString::number(row.size) + u'|' + row.mountPoint;
    return rows;
}

// Each row's bytes that do not move with used and free space: the first column with its padding (the
// source's bytes as they are, and its width) and the mount point after the capacity.
QList<QByteArray> dfRowBytes(const QByteArray &output)
{
    const QList<QByteArray> lines = output.split('\n');
    const qsizetype typeColumn = lines.value(0).indexOf(" Type") + 1;
    QList<QByteArray> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        qsizetype mountPoint = line.indexOf("% /", typeColumn);
        if (mountPoint < 0)
            mountPoint = line.indexOf("- /", typeColumn);
        rows << line.left(typeColumn) + '|' + (mountPoint < 0 ? line : line.mid(mountPoint + 2));
    }
    return rows;
}

// df's rows rebuilt from this namespace's mount table and statvfs(3) against `df -PT -B1` itself: the same
// filesystems, in the same order, with the same names and sizes (used and free may move in between).
void compareRebuiltDfWithDf()
{
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<MountEntry> candidates = dfCandidates(parseMountInfo(file.readAll()));
    QList<FilesystemStat> stats;
    for (const MountEntry &m : candidates) {
        FilesystemStat st;
        struct statvfs vfs = {};
        if (::statvfs(m.mountPointPath().constData(), &vfs) == 0) {
            st.result = FilesystemStat::Result::Ok;
            st.unit = vfs.f_frsize ? vfs.f_frsize : vfs.f_bsize;
            st.blocks = vfs.f_blocks;
            st.blocksFree = vfs.f_bfree;
            st.blocksAvailable = vfs.f_bavail;
        } else if (errno == ENOENT || errno == EACCES) {
            st.result = FilesystemStat::Result::Gone;
        } else {
            st.error = errnoText();
        }
        stats << st;
    }
    const DfOutput rebuilt = formatDfRows(candidates, stats);
    QProcess df;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C")); // as the bundle runs it
    df.setProcessEnvironment(env);
    df.start(QStringLiteral("df"), {QStringLiteral("-PT"), QStringLiteral("-B1")});
    QVERIFY(df.waitForFinished(60000));
    const QByteArray theirBytes = df.readAllStandardOutput();
    const DiskUsageTable theirs = parseDf(theirBytes);
    const DiskUsageTable mine = parseDf(rebuilt.output);
    QVERIFY(mine.errors.isEmpty());
    QVERIFY(theirs.errors.isEmpty());
    QVERIFY(mine.rows.size() >= 2);
    QCOMPARE(dfRows(mine), dfRows(theirs));
    QCOMPARE(dfRowBytes(rebuilt.output), dfRowBytes(theirBytes));
    QCOMPARE(rebuilt.exitCode, df.exitCode());
}

} // namespace

class TestMountReal : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void overlaysVisible();
    void hostileMountPointRoundTrip();
    void namesNotAsciiOrNotUtf8LikeDf();
    void coverHidesOverlays();
    void nestedCover();
    void unmountNestedCover();
    void unmountCoverRestores();
    void bindAndOvermountLikeDf();
    void cleanupTestCase();

private:
    QString merged(int i) const
    {
        return m_docker + QLatin1String("/overlay2/") + m_ids.at(i) + QLatin1String("/merged");
    }
    void checkOverlaysVisible();

    QTemporaryDir m_tmp;
    QString m_base;   // a tmpfs of our own: lower/upper/work dirs and mount points live there
    QString m_docker; // <base>/docker, the docker root
    QStringList m_ids;
};

void TestMountReal::initTestCase()
{
    if (!g_namespaceProblem.isEmpty())
        QSKIP(qPrintable(g_namespaceProblem));
    QVERIFY(m_tmp.isValid());
    m_base = QFileInfo(m_tmp.path()).canonicalFilePath();
    QString error;
    QVERIFY2(mountFs(QStringLiteral("lwtest"), m_base, "tmpfs", "size=32m", &error), qPrintable(error));
    m_docker = m_base + QLatin1String("/docker");
    m_ids = {QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
             QStringLiteral("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"),
             QStringLiteral("evil id'\"$(touch pwned)\nsecond line")};
    QDir dir(m_base);
    for (int i = 0; i < m_ids.size(); ++i) {
        const QString store = m_base + QStringLiteral("/store/%1").arg(i);
        for (const char *sub : {"lower", "upper", "work"})
            QVERIFY(dir.mkpath(store + QLatin1Char('/') + QLatin1String(sub)));
        QVERIFY(dir.mkpath(merged(i)));
        QFile file(store + QLatin1String("/lower/hello"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("layer " + QByteArray::number(i));
        file.close();
        const QByteArray options = "lowerdir=" + QFile::encodeName(store) +
                                   "/lower,upperdir=" + QFile::encodeName(store) +
                                   "/upper,workdir=" + QFile::encodeName(store) + "/work";
        QVERIFY2(mountFs(QStringLiteral("overlay"), merged(i), "overlay", options, &error),
                 qPrintable(error));
    }
}

void TestMountReal::checkOverlaysVisible()
{
    const MountTree t = readTree(m_docker);
    for (int i = 0; i < m_ids.size(); ++i) {
        const int o = indexOfPoint(t, merged(i));
        QVERIFY2(o >= 0, qPrintable(merged(i)));
        QVERIFY(t.mounts().at(o).isOverlay());
        QCOMPARE(t.layerId(o), m_ids.at(i));
        QCOMPARE(t.visibility(o), Visibility::Visible);
        QCOMPARE(t.coveringMount(o), -1);
        QCOMPARE(t.resolvePath(merged(i) + QLatin1String("/hello")), o);
        const OverlayOptions opts = parseOverlayOptions(t.mounts().at(o).superOptions);
        QCOMPARE(opts.upperDir, m_base + QStringLiteral("/store/%1/upper").arg(i));
        // The file system agrees: the lower layer's file is there through the merged view.
        QFile hello(merged(i) + QLatin1String("/hello"));
        QVERIFY(hello.open(QIODevice::ReadOnly));
        QCOMPARE(hello.readAll(), "layer " + QByteArray::number(i));
    }
}

void TestMountReal::overlaysVisible()
{
    checkOverlaysVisible();
    compareRebuiltDfWithDf();
}

void TestMountReal::hostileMountPointRoundTrip()
{
    const QString point = m_base + QStringLiteral("/a b$(touch /tmp/lw-pwned)'c\td\\e\nf");
    QVERIFY(QDir().mkpath(point));
    QString error;
    QVERIFY2(mountFs(QStringLiteral("odd source"), point, "tmpfs", "size=1m", &error), qPrintable(error));
    const MountTree t = readTree(m_docker);
    const int i = indexOfPoint(t, point);
    QVERIFY2(i >= 0, "mount point with space, quote, $(), tab, backslash and newline not found decoded");
    QCOMPARE(t.mounts().at(i).source, QStringLiteral("odd source"));
    QVERIFY(!t.mounts().at(i).rawLine.contains(u'\n'));
    QCOMPARE(t.resolvePath(point + QLatin1String("/x")), i);
    compareRebuiltDfWithDf();
    QCOMPARE(umount2(QFile::encodeName(point).constData(), 0), 0);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/lw-pwned")));
}

void TestMountReal::namesNotAsciiOrNotUtf8LikeDf()
{
    // A source and mount point in UTF-8 (wider in bytes than in characters) and one of each that is not
    // UTF-8 at all: df (C locale, to a pipe) writes their bytes as they are and pads by bytes; the rebuilt
    // rows must too, and statvfs must reach the mount point by its bytes.
    const QByteArray base = QFile::encodeName(m_base);
    const QByteArray cjk = base + "/cjk-\xe4\xb8\xad\xe6\x96\x87";
    const QByteArray bad = base + "/bad-\xff\xfe-name";
    for (const QByteArray &dir : {cjk, bad})
        QCOMPARE(::mkdir(dir.constData(), 0755), 0);
    QCOMPARE(mount("src-\xe4\xb8\xad\xe6\x96\x87", cjk.constData(), "tmpfs", 0, "size=1m"), 0);
    QCOMPARE(mount("src-\xfe", bad.constData(), "tmpfs", 0, "size=2m"), 0);
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const MountInfo info = parseMountInfo(file.readAll());
    bool sawBad = false;
    for (const MountEntry &m : info.mounts) {
        if (m.mountPointPath() == bad) {
            QCOMPARE(m.sourceBytes(), QByteArray("src-\xfe"));
            QVERIFY(!m.invalidUtf8MountPoint.isEmpty());
            sawBad = true;
        }
        if (m.mountPointPath() == cjk)
            QVERIFY(m.invalidUtf8MountPoint.isEmpty()); // valid UTF-8: the QString holds it all
    }
    QVERIFY(sawBad);
    compareRebuiltDfWithDf();
    for (const QByteArray &dir : {cjk, bad})
        QCOMPARE(umount2(dir.constData(), 0), 0);
}

void TestMountReal::coverHidesOverlays()
{
    const QString overlay2 = m_docker + QLatin1String("/overlay2");
    QString error;
    QVERIFY2(mountFs(QStringLiteral("cover"), overlay2, "tmpfs", "size=1m", &error), qPrintable(error));
    const MountTree t = readTree(m_docker);
    const int cover = indexOfPoint(t, overlay2);
    QVERIFY(cover >= 0);
    QCOMPARE(t.visibility(cover), Visibility::Visible);
    for (int i = 0; i < m_ids.size(); ++i) {
        const int o = indexOfPoint(t, merged(i));
        QVERIFY(o >= 0);
        QCOMPARE(t.parentIndex(o), t.parentIndex(cover)); // both in our base tmpfs: the seed's shape
        QCOMPARE(t.layerId(o), m_ids.at(i));
        QCOMPARE(t.visibility(o), Visibility::Shadowed);
        QCOMPARE(t.coveringMount(o), cover);
        QCOMPARE(t.coverChain(o), QList<int>{cover});
        QCOMPARE(t.resolvePath(merged(i)), cover);
        // And the kernel agrees: the merged directory is gone from view.
        QVERIFY(!QFileInfo::exists(merged(i) + QLatin1String("/hello")));
    }
    QCOMPARE(hiddenBelow(t, m_base).size(), m_ids.size());
    compareRebuiltDfWithDf(); // the covered overlays are gone from df's list too
}

void TestMountReal::nestedCover()
{
    QString error;
    QVERIFY2(mountFs(QStringLiteral("outer"), m_docker, "tmpfs", "size=1m", &error), qPrintable(error));
    const MountTree t = readTree(m_docker);
    const int inner = indexOfPoint(t, m_docker + QLatin1String("/overlay2"));
    const int outer = indexOfPoint(t, m_docker);
    QVERIFY(inner >= 0 && outer >= 0);
    QCOMPARE(t.visibility(inner), Visibility::Shadowed);
    QCOMPARE(t.coverChain(inner), QList<int>{outer});
    QCOMPARE(t.visibility(outer), Visibility::Visible);
    for (int i = 0; i < m_ids.size(); ++i) {
        const int o = indexOfPoint(t, merged(i));
        QCOMPARE(t.coveringMount(o), inner);
        QCOMPARE(t.coverChain(o), (QList<int>{inner, outer}));
        QCOMPARE(t.resolvePath(merged(i)), outer);
    }
    QCOMPARE(hiddenBelow(t, m_base).size(), m_ids.size() + 1);
    compareRebuiltDfWithDf();
}

void TestMountReal::unmountNestedCover()
{
    QCOMPARE(umount2(QFile::encodeName(m_docker).constData(), 0), 0);
    const MountTree t = readTree(m_docker);
    const int inner = indexOfPoint(t, m_docker + QLatin1String("/overlay2"));
    QCOMPARE(indexOfPoint(t, m_docker), -1);
    QCOMPARE(t.visibility(inner), Visibility::Visible);
    for (int i = 0; i < m_ids.size(); ++i)
        QCOMPARE(t.coverChain(indexOfPoint(t, merged(i))), QList<int>{inner});
}

void TestMountReal::unmountCoverRestores()
{
    QCOMPARE(umount2(QFile::encodeName(m_docker + QLatin1String("/overlay2")).constData(), 0), 0);
    checkOverlaysVisible();
    QCOMPARE(hiddenBelow(readTree(m_docker), m_base), QList<int>());
}

void TestMountReal::bindAndOvermountLikeDf()
{
    // A bind mount of our base (same device, nearer its root), a bind of a subdirectory of it, a tmpfs
    // mounted twice on one point under the same source name and once under another: df keeps one row per
    // device by its own rules, and the rebuilt rows must keep the same ones.
    const QString bind = m_base + QLatin1String("/bind");
    const QString sub = m_base + QLatin1String("/bind-sub");
    const QString twice = m_base + QLatin1String("/twice");
    for (const QString &dir : {bind, sub, twice})
        QVERIFY(QDir().mkpath(dir));
    QVERIFY(QDir().mkpath(m_base + QLatin1String("/store/0/lower/deeper")));
    auto bindMount = [](const QString &from, const QString &to) {
        return mount(QFile::encodeName(from).constData(), QFile::encodeName(to).constData(), nullptr, MS_BIND,
                     nullptr) == 0;
    };
    QVERIFY(bindMount(m_base + QLatin1String("/store/0/lower/deeper"), sub));
    QVERIFY(bindMount(m_base, bind));
    QString error;
    QVERIFY2(mountFs(QStringLiteral("same"), twice, "tmpfs", "size=2m", &error), qPrintable(error));
    QVERIFY2(mountFs(QStringLiteral("same"), twice, "tmpfs", "size=3m", &error), qPrintable(error));
    compareRebuiltDfWithDf();
    QVERIFY2(mountFs(QStringLiteral("other"), twice, "tmpfs", "size=4m", &error), qPrintable(error));
    compareRebuiltDfWithDf();
    for (const QString &dir : {twice, twice, twice, bind, sub})
        QCOMPARE(umount2(QFile::encodeName(dir).constData(), 0), 0);
}

void TestMountReal::cleanupTestCase()
{
    if (m_base.isEmpty() || !g_namespaceProblem.isEmpty())
        return;
    // Lazy detach of our tmpfs takes everything below it; the namespace dies with the process anyway.
    umount2(QFile::encodeName(m_base).constData(), MNT_DETACH);
}

int main(int argc, char **argv)
{
    enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestMountReal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mountreal.moc"
