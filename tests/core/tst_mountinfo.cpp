#include "mountinfo.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace lw;

namespace {

QByteArray readFixture(const QString &name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("data/mountinfo/") + name);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        qFatal("fixture %s not found", qPrintable(name));
    return f.readAll();
}

QStringList readLines(const QString &name)
{
    QStringList lines = QString::fromUtf8(readFixture(name)).split(u'\n');
    lines.removeAll(QString());
    return lines;
}

const MountEntry *byPoint(const MountInfo &info, const QString &point)
{
    for (const MountEntry &e : info.mounts) {
        if (e.mountPoint == point)
            return &e;
    }
    return nullptr;
}

// One mount as findmnt (util-linux's libmount) reads it: `findmnt --tab-file F -J --list -v -o ...`.
struct FindmntRow
{
    qint64 id = 0;
    qint64 parent = -1; // null in findmnt's output: -1
    QByteArray device, root, target, fsType, source, vfsOptions, fsOptions, optFields;
};

// A JSON string value as bytes: findmnt writes a path's bytes as they are (not always UTF-8), with JSON's
// escapes for quotes, backslashes and control characters.
QByteArray jsonStringBytes(QByteArrayView v)
{
    QByteArray out;
    for (qsizetype i = 1; i + 1 < v.size(); ++i) {
        if (v[i] != '\\' || i + 2 >= v.size()) {
            out += v[i];
            continue;
        }
        const char e = v[++i];
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'u':
            out += QString(QChar(char16_t(v.sliced(i + 1, 4).toByteArray().toUShort(nullptr, 16)))).toUtf8();
            i += 4;
            break;
        default:
            out += e;
        }
    }
    return out;
}

// findmnt's rows for a file, in file order; empty (and *skip set) when findmnt is not installed.
QList<FindmntRow> findmntRows(const QString &path, QString *skip)
{
    const QString findmnt = QStandardPaths::findExecutable(QStringLiteral("findmnt"));
    if (findmnt.isEmpty()) {
        *skip = QStringLiteral("findmnt (util-linux) is not installed");
        return {};
    }
    QProcess p;
    p.start(findmnt, {QStringLiteral("--tab-file"), path, QStringLiteral("-J"), QStringLiteral("--list"),
                      QStringLiteral("-v"), QStringLiteral("-o"),
                      QStringLiteral("ID,PARENT,MAJ:MIN,FSROOT,TARGET,FSTYPE,SOURCE,VFS-OPTIONS,FS-OPTIONS,"
                                     "OPT-FIELDS")});
    if (!p.waitForFinished(30000))
        qFatal("findmnt did not finish");
    QList<FindmntRow> rows;
    for (QByteArrayView line : p.readAllStandardOutput().split('\n')) {
        line = line.trimmed();
        if (line.endsWith(','))
            line.chop(1);
        const qsizetype colon = line.indexOf("\": ");
        if (!line.startsWith('"') || colon < 0)
            continue;
        const QByteArrayView key = line.sliced(1, colon - 1);
        const QByteArrayView value = line.sliced(colon + 3);
        const QByteArray text = value.startsWith('"') ? jsonStringBytes(value) : QByteArray();
        if (key == "id") {
            rows.append(FindmntRow());
            rows.last().id = value.toLongLong();
            continue;
        }
        if (rows.isEmpty())
            continue;
        FindmntRow &r = rows.last();
        if (key == "parent")
            r.parent = value == "null" ? -1 : value.toLongLong();
        else if (key == "maj:min")
            r.device = text;
        else if (key == "fsroot")
            r.root = text;
        else if (key == "target")
            r.target = text;
        else if (key == "fstype")
            r.fsType = text;
        else if (key == "source")
            r.source = text;
        else if (key == "vfs-options")
            r.vfsOptions = text;
        else if (key == "fs-options")
            r.fsOptions = text;
        else if (key == "opt-fields")
            r.optFields = text;
    }
    return rows;
}

bool looksLikeMountOptions(const QByteArray &field)
{
    return (field.startsWith("rw") || field.startsWith("ro")) && (field.size() == 2 || field.at(2) == ',');
}

} // namespace

class TestMountInfo : public QObject
{
    Q_OBJECT
private slots:
    void procManExample();
    void dockerHost();
    void seedCoveredCase();
    void bindMounts();
    void escapes();
    void decodeEscapes_data();
    void decodeEscapes();
    void malformedLines();
    void emptyAndBlankInput();
    void crlfLineEndings();
    void separatorIsFoundNotCounted();
    void emptySourceField();
    void linesLibmountAccepts();
    void sameFieldsAsFindmnt_data();
    void sameFieldsAsFindmnt();
    void overlayOptions_data();
    void overlayOptions();
    void overlayOptionsFromFixture();
};

void TestMountInfo::procManExample()
{
    const MountInfo info =
        parseMountInfo("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue\n");
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 1);
    const MountEntry &e = info.mounts.first();
    QCOMPARE(e.id, 36);
    QCOMPARE(e.parentId, 35);
    QCOMPARE(e.major, 98u);
    QCOMPARE(e.minor, 0u);
    QCOMPARE(e.root, QStringLiteral("/mnt1"));
    QCOMPARE(e.mountPoint, QStringLiteral("/mnt2"));
    QCOMPARE(e.mountOptions, QStringLiteral("rw,noatime"));
    QCOMPARE(e.optionalFields, QStringList{QStringLiteral("master:1")});
    QCOMPARE(e.fsType, QStringLiteral("ext3"));
    QCOMPARE(e.source, QStringLiteral("/dev/root"));
    QCOMPARE(e.superOptions, QStringLiteral("rw,errors=continue"));
    QCOMPARE(e.line, 1);
    QCOMPARE(
        e.rawLine,
        QStringLiteral("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"));
    QVERIFY(!e.isOverlay());
}

void TestMountInfo::dockerHost()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("docker-host.mountinfo")));
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 85);
    const QStringList layers = readLines(QStringLiteral("docker-host.layers"));
    QCOMPARE(layers.size(), 36);
    int overlays = 0;
    int shared = 0;
    int master = 0;
    int noPropagation = 0;
    for (const MountEntry &e : info.mounts) {
        QCOMPARE(e.line, int(&e - info.mounts.constData()) + 1);
        if (!e.isOverlay())
            continue;
        QCOMPARE(e.mountPoint, QStringLiteral("/var/lib/docker/overlay2/%1/merged").arg(layers.at(overlays)));
        QCOMPARE(e.parentId, 62);
        QCOMPARE(e.source, QStringLiteral("overlay"));
        QVERIFY(e.superOptions.startsWith(QLatin1String("rw,lowerdir=/var/lib/docker/overlay2/l/")));
        ++overlays;
        if (e.optionalFields.isEmpty())
            ++noPropagation;
        else if (e.optionalFields.first().startsWith(QLatin1String("shared:")))
            ++shared;
        else if (e.optionalFields.first().startsWith(QLatin1String("master:")))
            ++master;
    }
    QCOMPARE(overlays, 36);
    QCOMPARE(shared, 24);
    QCOMPARE(master, 6);
    QCOMPARE(noPropagation, 6);
    const MountEntry *netns = nullptr;
    for (const MountEntry &e : info.mounts) {
        if (e.fsType == QLatin1String("nsfs")) {
            netns = &e;
            break;
        }
    }
    QVERIFY(netns);
    QVERIFY(netns->root.startsWith(QLatin1String("net:[")));
    QVERIFY(netns->mountPoint.startsWith(QLatin1String("/run/docker/netns/")));
}

void TestMountInfo::seedCoveredCase()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("seed-covered.mountinfo")));
    QCOMPARE(info.errors.size(), 0);
    const MountEntry *cover = byPoint(info, QStringLiteral("/var/lib/docker/overlay2"));
    QVERIFY(cover);
    QCOMPARE(cover->source, QStringLiteral("/dev/mapper/dm-root"));
    QCOMPARE(cover->fsType, QStringLiteral("ext4"));
    QCOMPARE(cover->parentId, 22);
    QCOMPARE(cover->major, 253u);
    QCOMPARE(cover->optionalFields, QStringList{QStringLiteral("shared:450")});
    // Every overlay mounted before the cover has the root file system (22) as parent, like the cover.
    int before = 0;
    for (const MountEntry &e : info.mounts) {
        if (e.isOverlay() && e.line < cover->line) {
            QCOMPARE(e.parentId, 22);
            ++before;
        }
    }
    QCOMPARE(before, 5);
}

void TestMountInfo::bindMounts()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("bind-mounts.mountinfo")));
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 7);
    const MountEntry *docker = byPoint(info, QStringLiteral("/var/lib/docker"));
    QVERIFY(docker);
    QCOMPARE(docker->root, QStringLiteral("/docker"));
    QCOMPARE(docker->source, QStringLiteral("/dev/mapper/vg0-data"));
    const MountEntry *file = byPoint(info, QStringLiteral("/srv/chroot/etc/resolv.conf"));
    QVERIFY(file);
    QCOMPARE(file->root, QStringLiteral("/etc/resolv.conf"));
    QCOMPARE(file->mountOptions, QStringLiteral("ro,relatime"));
}

void TestMountInfo::escapes()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("escapes.mountinfo")));
    QCOMPARE(info.errors, QList<ParseError>());
    QCOMPARE(info.mounts.size(), 10);
    QStringList points;
    for (const MountEntry &e : info.mounts)
        points << e.mountPoint;
    const QStringList expected = {
        QStringLiteral("/"),
        QStringLiteral("/mnt/with space"),
        QStringLiteral("/mnt/tab\there"),
        QStringLiteral("/mnt/new\nline"),
        QStringLiteral("/mnt/back\\slash"),
        QStringLiteral("/mnt/a b$(touch /tmp/x)'c"),
        QString::fromUtf8("/mnt/caf\xc3\xa9-\"q\";|&`id`*?<>{}"),
        QStringLiteral("/mnt/bad\\9esc\\08x\\400y\\0z\\"),
        QStringLiteral("/var/lib/docker/overlay2/evil id$(reboot)'\nx/merged"),
        QStringLiteral("/mnt/cifs"),
    };
    QCOMPARE(points, expected);
    // Each record is exactly one physical line; the raw line keeps the escapes.
    QCOMPARE(info.mounts.at(3).line, 4);
    QVERIFY(info.mounts.at(3).rawLine.contains(QLatin1String("/mnt/new\\012line")));
    QCOMPARE(info.mounts.at(6).source, QStringLiteral("my tmp"));
    QCOMPARE(info.mounts.at(9).root, QStringLiteral("/srv/share dir"));
    QCOMPARE(info.mounts.at(9).source, QStringLiteral("//fileserver/share name"));
    QCOMPARE(info.mounts.at(8).superOptions.count(QLatin1String("evil id$(reboot)'\nx")), 2);
}

void TestMountInfo::decodeEscapes_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QByteArray("/a/b") << QStringLiteral("/a/b");
    QTest::newRow("space") << QByteArray("a\\040b") << QStringLiteral("a b");
    QTest::newRow("tab") << QByteArray("a\\011b") << QStringLiteral("a\tb");
    QTest::newRow("newline") << QByteArray("a\\012b") << QStringLiteral("a\nb");
    QTest::newRow("backslash") << QByteArray("a\\134b") << QStringLiteral("a\\b");
    QTest::newRow("escaped-backslash-then-digits") << QByteArray("\\134040") << QStringLiteral("\\040");
    QTest::newRow("other-octal") << QByteArray("\\101\\102") << QStringLiteral("AB");
    QTest::newRow("utf8-bytes") << QByteArray("caf\\303\\251") << QString::fromUtf8("caf\xc3\xa9");
    QTest::newRow("at-end") << QByteArray("x\\040") << QStringLiteral("x ");
    QTest::newRow("too-short") << QByteArray("x\\04") << QStringLiteral("x\\04");
    QTest::newRow("non-octal") << QByteArray("\\09x") << QStringLiteral("\\09x");
    QTest::newRow("over-0377") << QByteArray("\\400") << QStringLiteral("\\400");
    QTest::newRow("letter") << QByteArray("\\n") << QStringLiteral("\\n");
    QTest::newRow("trailing") << QByteArray("a\\") << QStringLiteral("a\\");
    QTest::newRow("double") << QByteArray("\\\\040") << QStringLiteral("\\ ");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestMountInfo::decodeEscapes()
{
    QFETCH(QByteArray, in);
    QFETCH(QString, out);
    QCOMPARE(decodeMountEscapes(in), out);
}

void TestMountInfo::malformedLines()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("malformed.mountinfo")));
    QList<int> errorLines;
    for (const ParseError &e : info.errors) {
        errorLines << e.line;
        QVERIFY2(e.message.contains(QString::number(e.line)), qPrintable(e.message));
    }
    // Line 12 has a field after the super options: libmount and moby/sys read it, and so do we.
    QCOMPARE(errorLines, (QList<int>{2, 4, 5, 6, 7, 8, 10, 11, 14, 15}));
    QCOMPARE(info.mounts.size(), 4);
    QCOMPARE(info.mounts.at(0).line, 1);
    QCOMPARE(info.mounts.at(1).mountPoint, QStringLiteral("/good"));
    QCOMPARE(info.mounts.at(1).line, 9);
    QCOMPARE(info.mounts.at(2).mountPoint, QStringLiteral("/extra"));
    QCOMPARE(info.mounts.at(2).superOptions, QStringLiteral("rw extra"));
    QCOMPARE(info.mounts.at(3).mountPoint, QStringLiteral("/good2"));
    QCOMPARE(info.mounts.at(3).line, 16);
    // The message says what is wrong.
    QVERIFY(info.errors.at(0).message.contains(QLatin1String("mount ID")));
    QVERIFY(info.errors.at(1).message.contains(QLatin1String("separator")));
    QVERIFY(info.errors.at(2).message.contains(QLatin1String("major:minor")));
    QVERIFY(info.errors.at(3).message.contains(QLatin1String("after the separator")));
    QVERIFY(info.errors.at(4).message.contains(QLatin1String("parent ID")));
    QVERIFY(info.errors.at(5).message.contains(QLatin1String("too few fields")));
}

void TestMountInfo::emptyAndBlankInput()
{
    QCOMPARE(parseMountInfo(QByteArrayView()).mounts.size(), 0);
    const MountInfo blank = parseMountInfo("\n\n   \n\t\n");
    QCOMPARE(blank.mounts.size(), 0);
    QCOMPARE(blank.errors.size(), 0);
    const MountInfo noFinalNewline = parseMountInfo("\n1 0 0:1 / / rw - ext4 /dev/sda rw");
    QCOMPARE(noFinalNewline.mounts.size(), 1);
    QCOMPARE(noFinalNewline.mounts.first().line, 2);
}

void TestMountInfo::crlfLineEndings()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("crlf.mountinfo")));
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 2);
    QCOMPARE(info.mounts.at(1).superOptions, QStringLiteral("rw"));
}

void TestMountInfo::separatorIsFoundNotCounted()
{
    // Zero, one and three optional fields.
    const MountInfo info = parseMountInfo("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
                                          "2 1 0:2 / /a rw shared:2 - tmpfs t rw\n"
                                          "3 1 0:3 / /b rw shared:3 master:1 propagate_from:1 - tmpfs t rw\n"
                                          "4 1 0:4 / /c rw unbindable - tmpfs - rw\n");
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 4);
    QCOMPARE(info.mounts.at(0).optionalFields.size(), 0);
    QCOMPARE(info.mounts.at(2).optionalFields,
             (QStringList{QStringLiteral("shared:3"), QStringLiteral("master:1"),
                          QStringLiteral("propagate_from:1")}));
    QCOMPARE(info.mounts.at(2).fsType, QStringLiteral("tmpfs"));
    // A source that is literally "-" comes after the separator and is not mistaken for it.
    QCOMPARE(info.mounts.at(3).optionalFields, QStringList{QStringLiteral("unbindable")});
    QCOMPARE(info.mounts.at(3).source, QStringLiteral("-"));
}

void TestMountInfo::emptySourceField()
{
    // The kernel writes an empty source as nothing between two spaces.
    const MountInfo info = parseMountInfo("5 1 0:5 / /e rw - tmpfs  rw,size=1k\n");
    QCOMPARE(info.errors.size(), 0);
    QCOMPARE(info.mounts.size(), 1);
    QCOMPARE(info.mounts.first().source, QString());
    QCOMPARE(info.mounts.first().superOptions, QStringLiteral("rw,size=1k"));
}

void TestMountInfo::linesLibmountAccepts()
{
    // Lines that util-linux's libmount and moby/sys read (their own tests have such lines): a cifs mount of
    // Linux <= 3.9 whose unc= option has unescaped spaces, a mount point with unescaped spaces and extra
    // words after the super options. None may be lost: a lost mount makes the covering checks unknown.
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("libmount-accepts.mountinfo")));
    QCOMPARE(info.errors, QList<ParseError>());
    QCOMPARE(info.mounts.size(), 5);
    const MountEntry &cifs = info.mounts.at(1);
    QCOMPARE(cifs.mountPoint, QStringLiteral("/srv/team"));
    QCOMPARE(cifs.fsType, QStringLiteral("cifs"));
    QCOMPARE(cifs.source, QStringLiteral("//nas/Team Share/"));
    QVERIFY(
        cifs.superOptions.startsWith(QLatin1String("rw,vers=1.0,cache=strict,unc=\\\\nas\\Team Share,user")));
    QVERIFY(cifs.superOptions.endsWith(QLatin1String(",actimeo=1")));
    const MountEntry &spaced = info.mounts.at(2);
    QCOMPARE(spaced.mountPoint, QStringLiteral("/media/usb stick"));
    QCOMPARE(spaced.mountOptions, QStringLiteral("rw,nosuid,nodev,relatime"));
    QCOMPARE(spaced.optionalFields, QStringList{QStringLiteral("shared:40")});
    QCOMPARE(spaced.fsType, QStringLiteral("vfat"));
    QCOMPARE(spaced.source, QStringLiteral("/dev/sdb1"));
    QCOMPARE(spaced.superOptions, QStringLiteral("rw,fmask=0022"));
    QCOMPARE(info.mounts.at(3).superOptions, QStringLiteral("rw,size=1024k some extra words"));
    QCOMPARE(info.mounts.at(3).optionalFields, QStringList{QStringLiteral("shared:41")});
    QCOMPARE(info.mounts.at(4).mountPoint, QStringLiteral("/media/usb stick/inner"));
    QCOMPARE(info.mounts.at(4).mountOptions, QStringLiteral("rw"));
    // Truly malformed stays malformed: no separator, nothing after it, no super options.
    const MountInfo bad = parseMountInfo("40 1 0:1 / /a b rw,relatime tmpfs tmpfs rw\n"
                                         "41 1 0:1 / /b rw -\n"
                                         "42 1 0:1 / /c rw - tmpfs tmpfs\n"
                                         "43 1 0:1 / /d rw - tmpfs\n");
    QCOMPARE(bad.mounts.size(), 0);
    QCOMPARE(bad.errors.size(), 4);
    QVERIFY(bad.errors.at(0).message.contains(QLatin1String("separator")));
    for (int i = 1; i < 4; ++i)
        QVERIFY(bad.errors.at(i).message.contains(QLatin1String("after the separator")));
}

void TestMountInfo::sameFieldsAsFindmnt_data()
{
    // Our fixtures, the host tables, and the other projects' tables (data/upstream: their sources in its
    // README.md; LAYERWATCH_UPSTREAM_MOUNTINFO names another set).
    QTest::addColumn<QString>("path");
    QStringList dirs = {QFINDTESTDATA(QStringLiteral("data/mountinfo")),
                        QFINDTESTDATA(QStringLiteral("data/hosts"))};
    const QString upstream = qEnvironmentVariable("LAYERWATCH_UPSTREAM_MOUNTINFO");
    dirs << (upstream.isEmpty() ? QFINDTESTDATA(QStringLiteral("data/upstream")) : upstream);
    for (const QString &dir : std::as_const(dirs)) {
        if (dir.isEmpty())
            continue;
        for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.mountinfo")}, QDir::Files)) {
            // Deliberately broken tables: what is malformed there has its own tests (malformedLines).
            if (f.fileName() == QLatin1String("malformed.mountinfo"))
                continue;
            QTest::newRow(qPrintable(f.fileName())) << f.absoluteFilePath();
        }
    }
}

void TestMountInfo::sameFieldsAsFindmnt()
{
    // Every mount util-linux's parser reads is read here with the same fields (byte for byte, after the
    // octal unescape); where findmnt split a mount point at an unescaped space (its mount options field is
    // then a word of the path), ours keeps the whole path. The super options here are the whole rest of
    // the line: findmnt's are their first word. The only lines findmnt reads and we reject have numbers
    // out of range (a negative ID or device number, an ID over 2^31 - 1).
    QFETCH(QString, path);
    QString skip;
    const QList<FindmntRow> theirs = findmntRows(path, &skip);
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const MountInfo ours = parseMountInfo(file.readAll());
    qsizetype j = 0;
    for (const FindmntRow &r : theirs) {
        if (j >= ours.mounts.size() || ours.mounts.at(j).id != r.id) {
            QVERIFY2(r.id < 0 || r.id > 0x7fffffff || r.device.contains('-') || r.parent < -1,
                     qPrintable(QStringLiteral("findmnt reads mount %1, we do not").arg(r.id)));
            continue;
        }
        const MountEntry &m = ours.mounts.at(j++);
        const QByteArray what = QByteArray::number(m.id) + " in " + QFile::encodeName(path);
        if (r.parent >= 0)
            QCOMPARE(m.parentId, r.parent);
        QCOMPARE(QByteArray::number(m.major) + ':' + QByteArray::number(m.minor), r.device);
        QCOMPARE(m.rootPath(), r.root);
        QCOMPARE(m.fsType.toUtf8(), r.fsType);
        QCOMPARE(m.sourceBytes(), r.source);
        QVERIFY2(m.superOptions.toUtf8().startsWith(r.fsOptions), what.constData());
        // libmount turns the escapes \400-\777 (never written by the kernel) into a byte modulo 256, which
        // ends its string at a zero; they are kept as they are here.
        static const QRegularExpression beyondByte(QStringLiteral("\\\\[4-7][0-7][0-7]"));
        if (m.rawLine.contains(beyondByte)) {
            QVERIFY2(m.mountPointPath().startsWith(r.target), what.constData());
        } else if (looksLikeMountOptions(r.vfsOptions)) {
            QCOMPARE(m.mountPointPath(), r.target);
            QCOMPARE(m.mountOptions.toUtf8(), r.vfsOptions);
            QCOMPARE(m.optionalFields.join(u' ').toUtf8(), r.optFields);
        } else {
            QVERIFY2(m.mountPointPath().startsWith(r.target + ' '), what.constData());
        }
    }
    QCOMPARE(j, ours.mounts.size()); // and nothing read here that findmnt does not read
}

void TestMountInfo::overlayOptions_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QStringList>("lower");
    QTest::addColumn<QString>("upper");
    QTest::addColumn<QString>("work");
    QTest::newRow("docker") << QStringLiteral("rw,lowerdir=/o/l/A:/o/l/B:/o/l/C,upperdir=/o/x/diff,"
                                              "workdir=/o/x/work,index=off,redirect_dir=on,xino=off")
                            << QStringList{QStringLiteral("/o/l/A"), QStringLiteral("/o/l/B"),
                                           QStringLiteral("/o/l/C")}
                            << QStringLiteral("/o/x/diff") << QStringLiteral("/o/x/work");
    QTest::newRow("escaped-colon") << QStringLiteral("rw,lowerdir=/a\\:b:/c,upperdir=/u,workdir=/w")
                                   << QStringList{QStringLiteral("/a:b"), QStringLiteral("/c")}
                                   << QStringLiteral("/u") << QStringLiteral("/w");
    QTest::newRow("escaped-comma") << QStringLiteral(
                                          "rw,lowerdir=/a\\,b:/c,upperdir=/u\\,1,workdir=/w\\,2,metacopy=on")
                                   << QStringList{QStringLiteral("/a,b"), QStringLiteral("/c")}
                                   << QStringLiteral("/u,1") << QStringLiteral("/w,2");
    // The kernel shows a comma in a path as \054; decoded, it is a bare comma followed by something that
    // is not an option name (options are [a-z0-9_]+[=value]).
    QTest::newRow("decoded-comma")
        << QStringLiteral("rw,lowerdir=/x,y/1:/z,upperdir=/u,v 2/d,workdir=/w,nouserxattr,future_opt=1")
        << QStringList{QStringLiteral("/x,y/1"), QStringLiteral("/z")} << QStringLiteral("/u,v 2/d")
        << QStringLiteral("/w");
    QTest::newRow("read-only-no-upper")
        << QStringLiteral("ro,lowerdir=/l1:/l2") << QStringList{QStringLiteral("/l1"), QStringLiteral("/l2")}
        << QString() << QString();
    QTest::newRow("data-only-layers") << QStringLiteral("ro,lowerdir=/l1::/d1,upperdir=/u,workdir=/w")
                                      << QStringList{QStringLiteral("/l1"), QStringLiteral("/d1")}
                                      << QStringLiteral("/u") << QStringLiteral("/w");
    QTest::newRow("backslash-kept") << QStringLiteral("lowerdir=/a\\b")
                                    << QStringList{QStringLiteral("/a\\b")} << QString() << QString();
    QTest::newRow("not-overlay") << QStringLiteral("rw,errors=remount-ro") << QStringList() << QString()
                                 << QString();
    QTest::newRow("empty") << QString() << QStringList() << QString() << QString();
}

void TestMountInfo::overlayOptions()
{
    QFETCH(QString, options);
    QFETCH(QStringList, lower);
    QFETCH(QString, upper);
    QFETCH(QString, work);
    const OverlayOptions o = parseOverlayOptions(options);
    QCOMPARE(o.lowerDirs, lower);
    QCOMPARE(o.upperDir, upper);
    QCOMPARE(o.workDir, work);
}

void TestMountInfo::overlayOptionsFromFixture()
{
    const MountInfo info = parseMountInfo(readFixture(QStringLiteral("escapes.mountinfo")));
    const MountEntry &evil = info.mounts.at(8);
    QVERIFY(evil.isOverlay());
    const OverlayOptions o = parseOverlayOptions(evil.superOptions);
    QCOMPARE(o.lowerDirs, (QStringList{QStringLiteral("/var/lib/docker/overlay2/l/AAA"),
                                       QStringLiteral("/var/lib/docker/overlay2/l/BBB")}));
    QCOMPARE(o.upperDir, QStringLiteral("/var/lib/docker/overlay2/evil id$(reboot)'\nx/diff"));
    QCOMPARE(o.workDir, QStringLiteral("/var/lib/docker/overlay2/evil id$(reboot)'\nx/work"));

    const MountInfo host = parseMountInfo(readFixture(QStringLiteral("docker-host.mountinfo")));
    int checked = 0;
    for (const MountEntry &e : host.mounts) {
        if (!e.isOverlay())
            continue;
        const OverlayOptions oo = parseOverlayOptions(e.superOptions);
        const QString dir = e.mountPoint.chopped(int(qstrlen("/merged")));
        QVERIFY(oo.lowerDirs.size() >= 2 && oo.lowerDirs.size() <= 6);
        for (const QString &l : oo.lowerDirs)
            QVERIFY(l.startsWith(QLatin1String("/var/lib/docker/overlay2/l/")));
        QCOMPARE(oo.upperDir, dir + QLatin1String("/diff"));
        QCOMPARE(oo.workDir, dir + QLatin1String("/work"));
        ++checked;
    }
    QCOMPARE(checked, 36);
}

QTEST_GUILESS_MAIN(TestMountInfo)
#include "tst_mountinfo.moc"
