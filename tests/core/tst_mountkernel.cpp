// MountTree against the kernel's own answer. Each scenario runs in a child process (this executable with
// --scenario) in a private mount namespace: it makes real mounts, keeps an O_PATH descriptor on each new
// mount's root, then opens every mount point and reads back which mount the kernel reached there (mnt_id in
// /proc/self/fdinfo) and what it shows (st_dev, st_ino). The expected verdicts come from those answers, not
// from a rule: a mount is hidden when the kernel reaches another mount at its mount point that does not
// show its directory. The documented rules that knowingly differ from that (MountTree: a kernel view under
// a new instance of itself) are named where they apply. Needs root (CAP_SYS_ADMIN); skips otherwise.
#include "mounttree.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lw;

namespace {

// ---- the child: one scenario in its own mount namespace ---------------------------------------------

struct Pinned
{
    int mountId;
    dev_t dev;
    ino_t ino;
};

QList<Pinned> g_pinned;
QByteArray g_failure;

int mountIdOf(int fd)
{
    QFile info(QStringLiteral("/proc/self/fdinfo/%1").arg(fd));
    if (!info.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : info.readAll().split('\n')) {
        if (line.startsWith("mnt_id:"))
            return line.mid(7).trimmed().toInt();
    }
    return -1;
}

bool fail(const QByteArray &what)
{
    if (g_failure.isEmpty())
        g_failure = what + ": " + strerror(errno);
    return false;
}

// Keeps the new mount at path open (its root) and notes its ID and inode.
bool pin(const QByteArray &path)
{
    const int fd = open(path.constData(), O_PATH | O_CLOEXEC);
    struct stat st = {};
    if (fd < 0 || fstat(fd, &st) != 0)
        return fail("pin " + path);
    g_pinned.append({mountIdOf(fd), st.st_dev, st.st_ino});
    return true;
}

bool makeDir(const QByteArray &path)
{
    QByteArray sofar;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        sofar += '/' + part;
        if (mkdir(sofar.constData(), 0755) != 0 && errno != EEXIST)
            return fail("mkdir " + sofar);
    }
    return true;
}

bool tmpfs(const QByteArray &path, const char *source = "lwtest")
{
    if (!makeDir(path))
        return false;
    if (mount(source, path.constData(), "tmpfs", 0, "size=1m") != 0)
        return fail("mount tmpfs " + path);
    return pin(path);
}

bool bind(const QByteArray &from, const QByteArray &to)
{
    if (!makeDir(to) || mount(from.constData(), to.constData(), nullptr, MS_BIND, nullptr) != 0)
        return fail("bind " + from + " " + to);
    return pin(to);
}

bool devpts(const QByteArray &path)
{
    if (!makeDir(path) || mount("devpts", path.constData(), "devpts", 0, "newinstance,ptmxmode=0666") != 0)
        return fail("mount devpts " + path);
    return pin(path);
}

bool moveMount(const QByteArray &from, const QByteArray &to)
{
    if (mount(from.constData(), to.constData(), nullptr, MS_MOVE, nullptr) != 0)
        return fail("move " + from + " " + to);
    return true;
}

// Siblings whose names differ only in bytes that are not UTF-8, a real U+FFFD name, and one overmount and
// one shadowing made of such names: the kernel compares bytes.
bool scenarioNonUtf8(const QByteArray &b)
{
    return tmpfs(b + "/e/\xff") && tmpfs(b + "/e/\xfe") && tmpfs(b + "/f/\xfe/deep") &&
           tmpfs(b + "/f/\xff") && tmpfs(b + "/g/\xef\xbf\xbd") && tmpfs(b + "/g/\xff") &&
           tmpfs(b + "/h/\xff") && tmpfs(b + "/h/\xff") && tmpfs(b + "/i/\xfe/x") && tmpfs(b + "/i/\xfe");
}

// A file system made first and moved later onto a parent path of a newer mount: it is listed before the
// mount it hides (kernels list by creation), and it hides it.
bool scenarioMoved(const QByteArray &b)
{
    return tmpfs(b + "/stage", "early") && tmpfs(b + "/p/q", "later") && tmpfs(b + "/p/r/s", "later2") &&
           moveMount(b + "/stage", b + "/p");
}

// A tmpfs moved onto / of the namespace, then a mount made after it: this process's root is still the old
// one, and the kernel does not cross a mount stacked on a process's root.
bool scenarioOnRoot(const QByteArray &b)
{
    return tmpfs(b + "/before") && tmpfs(b + "/stage", "onroot") && moveMount(b + "/stage", "/") &&
           tmpfs(b + "/after");
}

// The same directory mounted on itself, a bind of a parent directory of the same file system over a bind of
// its subdirectory, a bind of a tmpfs on itself over a mount inside it, a tmpfs over another tmpfs, a
// devpts over another devpts.
bool scenarioDuplicates(const QByteArray &b)
{
    return tmpfs(b + "/same") && bind(b + "/same", b + "/same") && tmpfs(b + "/y") && makeDir(b + "/y/d") &&
           bind(b + "/y/d", b + "/w/d") && bind(b + "/y", b + "/w") && tmpfs(b + "/a") &&
           tmpfs(b + "/a/inner") && bind(b + "/a", b + "/a") && tmpfs(b + "/shm", "lower") &&
           tmpfs(b + "/shm", "upper") && devpts(b + "/pts") && devpts(b + "/pts");
}

int runScenario(const QByteArray &name, const QByteArray &base, const QByteArray &outDir)
{
    if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        fprintf(stderr, "private mount namespace: %s\n", strerror(errno));
        return 2;
    }
    bool ok = tmpfs(base, "lwbase");
    if (ok && name == "non-utf8")
        ok = scenarioNonUtf8(base);
    else if (ok && name == "moved")
        ok = scenarioMoved(base);
    else if (ok && name == "on-root")
        ok = scenarioOnRoot(base);
    else if (ok && name == "duplicates")
        ok = scenarioDuplicates(base);
    if (!ok) {
        fprintf(stderr, "%s\n", g_failure.constData());
        return 1;
    }
    QFile self(QStringLiteral("/proc/self/mountinfo"));
    if (!self.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray table = self.readAll();
    QByteArray answers;
    for (const Pinned &p : std::as_const(g_pinned)) {
        answers += "own " + QByteArray::number(p.mountId) + ' ' + QByteArray::number(quint64(p.dev)) + ' ' +
                   QByteArray::number(quint64(p.ino)) + '\n';
    }
    for (const MountEntry &m : parseMountInfo(table).mounts) {
        const int fd = open(m.mountPointPath().constData(), O_PATH | O_CLOEXEC);
        struct stat st = {};
        const bool reached = fd >= 0 && fstat(fd, &st) == 0;
        answers += "at " + QByteArray::number(m.id) + ' ' + QByteArray::number(reached ? mountIdOf(fd) : -1) +
                   ' ' + QByteArray::number(quint64(st.st_dev)) + ' ' +
                   QByteArray::number(quint64(st.st_ino)) + '\n';
        if (fd >= 0)
            close(fd);
    }
    QFile tableOut(QString::fromLocal8Bit(outDir + "/mountinfo"));
    QFile answersOut(QString::fromLocal8Bit(outDir + "/kernel"));
    if (!tableOut.open(QIODevice::WriteOnly) || !answersOut.open(QIODevice::WriteOnly))
        return 1;
    tableOut.write(table);
    answersOut.write(answers);
    return 0;
}

// ---- the test: the child's table analysed, its answers compared ----------------------------------------

struct KernelAnswers
{
    QHash<int, QPair<quint64, quint64>> own; // mount ID -> (st_dev, st_ino) of its root
    struct At
    {
        int reached = -1; // the mount the kernel reached at the mount point, -1 when it could not open it
        quint64 dev = 0;
        quint64 ino = 0;
    };
    QHash<int, At> at; // mount ID -> what opening its mount point gave
};

struct Outcome
{
    QString error;
    QByteArray table;
    KernelAnswers kernel;
};

Outcome runChild(const QString &scenario)
{
    Outcome out;
    QTemporaryDir base;
    QTemporaryDir results;
    if (!base.isValid() || !results.isValid()) {
        out.error = QStringLiteral("no temporary directory");
        return out;
    }
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--scenario"), scenario, base.path(), results.path()});
    if (!child.waitForFinished(60000) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        out.error = QStringLiteral("scenario %1 failed: %2")
                        .arg(scenario, QString::fromLocal8Bit(child.readAllStandardError()));
        return out;
    }
    QFile table(results.filePath(QStringLiteral("mountinfo")));
    QFile answers(results.filePath(QStringLiteral("kernel")));
    if (!table.open(QIODevice::ReadOnly) || !answers.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("scenario %1 wrote no answers").arg(scenario);
        return out;
    }
    out.table = table.readAll();
    for (const QByteArray &line : answers.readAll().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() == 4 && f.at(0) == "own")
            out.kernel.own.insert(f.at(1).toInt(), {f.at(2).toULongLong(), f.at(3).toULongLong()});
        else if (f.size() == 5 && f.at(0) == "at")
            out.kernel.at.insert(f.at(1).toInt(),
                                 {f.at(2).toInt(), f.at(3).toULongLong(), f.at(4).toULongLong()});
    }
    return out;
}

bool isKernelViewRestack(const MountTree &t, int i)
{
    // MountTree's rule (documented there): a devpts under a new devpts hides nothing stored.
    const int top = t.stackedUnder(i);
    return top >= 0 && t.mounts().at(i).fsType == u"devpts" && t.mounts().at(top).fsType == u"devpts";
}

int idOf(const MountTree &t, int index)
{
    return index >= 0 ? t.mounts().at(index).id : -1;
}

} // namespace

class TestMountKernel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void modelMatchesKernel_data();
    void modelMatchesKernel();
};

void TestMountKernel::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("not root: real mount namespaces need CAP_SYS_ADMIN");
}

void TestMountKernel::modelMatchesKernel_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("hiddenCount"); // what the kernel's answers give, to see that the scenario bites
    QTest::newRow("non-utf8") << QStringLiteral("non-utf8") << 2;
    QTest::newRow("moved") << QStringLiteral("moved") << 2;
    QTest::newRow("on-root") << QStringLiteral("on-root") << 1;
    QTest::newRow("duplicates") << QStringLiteral("duplicates") << 2;
}

void TestMountKernel::modelMatchesKernel()
{
    QFETCH(QString, scenario);
    QFETCH(int, hiddenCount);
    const Outcome run = runChild(scenario);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    const MountInfo info = parseMountInfo(run.table);
    QCOMPARE(info.errors, QList<ParseError>());
    const MountTree t = MountTree::build(info.mounts);
    int checked = 0;
    int hidden = 0;
    for (int i = 0; i < t.size(); ++i) {
        const MountEntry &m = t.mounts().at(i);
        const bool readerRoot = t.parentIndex(i) < 0 && t.mountPointBytes(i) == "/";
        if (!run.kernel.own.contains(m.id) && !readerRoot)
            continue; // the host's own mounts: not ours to judge here
        const KernelAnswers::At at = run.kernel.at.value(m.id);
        const QByteArray what = scenario.toUtf8() + ": mount " + QByteArray::number(m.id) + " at " +
                                m.mountPointPath().toPercentEncoding("/");
        // Where the kernel lands from our root is where the tree resolves the path.
        if (at.reached >= 0)
            QVERIFY2(idOf(t, t.resolvePath(QByteArrayView(m.mountPointPath()))) == at.reached,
                     what.constData());
        const bool reachedItself = at.reached == m.id;
        const bool showsItsDirectory = run.kernel.own.contains(m.id) && at.reached >= 0 &&
                                       run.kernel.own.value(m.id) == QPair<quint64, quint64>(at.dev, at.ino);
        const bool kernelHidden = !reachedItself && !showsItsDirectory;
        if (kernelHidden && isKernelViewRestack(t, i)) {
            QCOMPARE(t.visibility(i), Visibility::Stacked); // the rule, not the kernel: see the header
            ++checked;
            continue;
        }
        hidden += kernelHidden ? 1 : 0;
        QVERIFY2(t.isHidden(i) == kernelHidden, what.constData());
        if (reachedItself)
            QVERIFY2(t.visibility(i) == Visibility::Visible, what.constData());
        else if (showsItsDirectory)
            QVERIFY2(t.visibility(i) == Visibility::Stacked, what.constData());
        if (kernelHidden)
            QVERIFY2(t.coveringMount(i) >= 0, what.constData());
        ++checked;
    }
    QVERIFY(checked >= 4);
    QCOMPARE(hidden, hiddenCount);

    if (scenario == QLatin1String("moved")) {
        // The kernel listed the moved file system before the mounts it hides.
        int early = -1;
        int later = -1;
        for (int i = 0; i < t.size(); ++i) {
            if (t.mounts().at(i).source == u"early")
                early = i;
            if (t.mounts().at(i).source == u"later")
                later = i;
        }
        QVERIFY(early >= 0 && later >= 0);
        QVERIFY2(early < later, "this kernel lists the moved mount after the one it hides");
        QCOMPARE(t.coveringMount(later), early);
    }
}

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--scenario") == 0)
        return runScenario(argv[2], QFile::encodeName(QString::fromLocal8Bit(argv[3])), argv[4]);
    QCoreApplication app(argc, argv);
    TestMountKernel test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mountkernel.moc"
