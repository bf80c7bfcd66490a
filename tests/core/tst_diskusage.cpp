#include "diskusage.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lw;

class tst_DiskUsage : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QFINDTESTDATA(u"data/diskusage/"_s + QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }

private slots:
    // df -PT -B1 (coreutils 9.1) with a tmpfs on "/mnt/with space" and a visible overlay mount.
    void plainCapture()
    {
        const DiskUsageTable table = parseDf(fixture("df-PT-B1.txt"));
        QVERIFY(table.errors.isEmpty());
        QCOMPARE(table.rows.size(), 7);

        const DiskUsage &root = table.rows.at(0);
        QCOMPARE(root.filesystem, u"/dev/vda"_s);
        QCOMPARE(root.type, u"ext4"_s);
        QCOMPARE(root.size, Q_INT64_C(270553174016));
        QCOMPARE(root.used, Q_INT64_C(18051936256));
        QCOMPARE(root.available, Q_INT64_C(84693344256));
        QCOMPARE(root.mountPoint, u"/"_s);
        QCOMPARE(root.line, 2);

        const DiskUsage &spaced = table.rows.at(4);
        QCOMPARE(spaced.filesystem, u"tmpfs"_s);
        QCOMPARE(spaced.type, u"tmpfs"_s);
        QCOMPARE(spaced.size, Q_INT64_C(67108864));
        QCOMPARE(spaced.used, Q_INT64_C(3145728));
        QCOMPARE(spaced.available, Q_INT64_C(63963136));
        QCOMPARE(spaced.mountPoint, u"/mnt/with space"_s);
        QCOMPARE(spaced.line, 6);
        QCOMPARE(spaced.usedRatio(), 3145728.0 / 67108864.0);

        const DiskUsage &overlay = table.rows.at(6);
        QCOMPARE(overlay.filesystem, u"overlay"_s);
        QCOMPARE(overlay.type, u"overlay"_s);
        QCOMPARE(overlay.size, Q_INT64_C(33554432));
        QCOMPARE(overlay.mountPoint, u"/tmp/lwdocker/overlay2/abc/merged"_s);
        QCOMPARE(overlay.line, 8);
    }

    // df -PT -B1 -a in a namespace where /tmp/lwdocker/overlay2 covers a container's overlay (the seed's
    // failure scenario) and /tmp/lwdup is mounted twice: df prints "-" for what it cannot stat.
    void coveredCapture()
    {
        const DiskUsageTable table = parseDf(fixture("df-PT-B1-a-covered.txt"));
        QVERIFY(table.errors.isEmpty());
        QCOMPARE(table.rows.size(), 25);

        const DiskUsage &proc = table.rows.at(1);
        QCOMPARE(proc.type, u"proc"_s);
        QCOMPARE(proc.size, qint64(0));
        QCOMPARE(proc.usedRatio(), 0.0);

        const DiskUsage &covered = table.rows.at(21);
        QCOMPARE(covered.filesystem, u"overlay"_s);
        QCOMPARE(covered.type, u"-"_s);
        QCOMPARE(covered.size, qint64(0));
        QCOMPARE(covered.used, qint64(0));
        QCOMPARE(covered.available, qint64(0));
        QCOMPARE(covered.mountPoint, u"/tmp/lwdocker/overlay2/abc/merged"_s);
        QCOMPARE(covered.line, 23);

        const DiskUsage &spacedSource = table.rows.at(22);
        QCOMPARE(spacedSource.filesystem, u"my src"_s);
        QCOMPARE(spacedSource.type, u"tmpfs"_s);
        QCOMPARE(spacedSource.size, Q_INT64_C(16777216));
        QCOMPARE(spacedSource.mountPoint, u"/tmp/lwdocker/overlay2"_s);
    }

    void filesystemOf()
    {
        const DiskUsageTable table = parseDf(fixture("df-PT-B1-a-covered.txt"));
        const auto mountOf = [&](const QString &path) {
            const DiskUsage *row = table.filesystemOf(path);
            return row ? row->mountPoint + u'#' + QString::number(row->line) : u"<none>"_s;
        };
        QCOMPARE(mountOf(u"/var/lib/docker"_s), u"/#2"_s);
        QCOMPARE(mountOf(u"/"_s), u"/#2"_s);
        QCOMPARE(mountOf(u"/mnt/with space/f"_s), u"/mnt/with space#21"_s);
        QCOMPARE(mountOf(u"/mnt/with"_s), u"/#2"_s); // a string prefix is not a path prefix
        QCOMPARE(mountOf(u"/mnt/with spaces"_s), u"/#2"_s);
        QCOMPARE(mountOf(u"/tmp/lwdocker/overlay2/abc/merged/etc"_s),
                 u"/tmp/lwdocker/overlay2/abc/merged#23"_s);
        QCOMPARE(mountOf(u"/tmp/lwdocker/overlay2/abc"_s), u"/tmp/lwdocker/overlay2#24"_s);
        QCOMPARE(mountOf(u"/tmp/lwdocker//overlay2/"_s), u"/tmp/lwdocker/overlay2#24"_s);
        QCOMPARE(mountOf(u"/tmp/lwdocker/overlay"_s), u"/tmp/lwdocker#22"_s);
        QCOMPARE(mountOf(u"/tmp/lwdup/x"_s), u"/tmp/lwdup#26"_s); // the visible (last) of two mounts
        QCOMPARE(mountOf(u"/dev/shm"_s), u"/dev/shm#18"_s);
        QCOMPARE(mountOf(u"relative/path"_s), u"<none>"_s);
        QCOMPARE(DiskUsageTable().filesystemOf(u"/"_s), nullptr);
    }

    void malformedRowsAreReportedAndTheRestKept()
    {
        const DiskUsageTable table = parseDf("Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
                                             "/dev/sda1 ext4 1000 250 750 25% /\n"
                                             "/dev/sdb1 xfs 1000 oops 750 25% /data\n"
                                             "\n"
                                             "/dev/sdc1 xfs 2000 500 1500 25% /srv\r\n"
                                             "truncated row\n"
                                             "/dev/sdd1 ext4 1000 250 750 25%\n"
                                             "/dev/sde1 ext4 99999999999999999999 1 1 1% /huge\n");
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(0).mountPoint, u"/"_s);
        QCOMPARE(table.rows.at(0).usedRatio(), 0.25);
        QCOMPARE(table.rows.at(1).mountPoint, u"/srv"_s); // CR stripped
        QCOMPARE(table.rows.at(1).line, 5);
        QCOMPARE(table.errors.size(), 4);
        QCOMPARE(table.errors.at(0).line, 3);
        QVERIFY(table.errors.at(0).message.contains(u"/dev/sdb1 xfs 1000 oops"_s));
        QCOMPARE(table.errors.at(1).line, 6);
        QCOMPARE(table.errors.at(2).line, 7); // no mount point
        QCOMPARE(table.errors.at(3).line, 8); // does not fit in 64 bits
    }

    void headerHandling()
    {
        // A localized header is skipped like the English one: only the first line may fail silently.
        const DiskUsageTable localized = parseDf("文件系统 类型 1-块 已用 可用 已用% 挂载点\n"
                                                 "/dev/vda1 ext4 100 50 50 50% /\n");
        QVERIFY(localized.errors.isEmpty());
        QCOMPARE(localized.rows.size(), 1);
        // Without a header the first line is data.
        const DiskUsageTable headerless = parseDf("/dev/vda1 ext4 100 50 50 50% /\n");
        QCOMPARE(headerless.rows.size(), 1);
        QVERIFY(parseDf("").rows.isEmpty());
        QVERIFY(parseDf("").errors.isEmpty());
    }

    void numericLookingNames()
    {
        // Anchoring on the numeric columns: a mount point that itself contains numbers is kept whole.
        const DiskUsageTable table = parseDf("Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
                                             "server:/export 2 nfs4 4096 1024 3072 25% /mnt/a 1 2 3 4% b\n");
        QVERIFY(table.errors.isEmpty());
        QCOMPARE(table.rows.size(), 1);
        QCOMPARE(table.rows.first().filesystem, u"server:/export 2"_s);
        QCOMPARE(table.rows.first().type, u"nfs4"_s);
        QCOMPARE(table.rows.first().mountPoint, u"/mnt/a 1 2 3 4% b"_s);
    }

    void rebuiltRowsFormatLikeDf()
    {
        // formatDfRows: df's header and layout, capacity rounded up, no row for a filesystem without blocks
        // or one that is gone (df skips those silently), an error line and exit 1 for any other failure.
        const MountInfo info = parseMountInfo("20 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                                              "21 20 0:5 / /proc rw - proc proc rw\n"
                                              "22 20 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n"
                                              "23 20 0:31 / /mnt/a\\040b\\012c rw - tmpfs odd\\011src rw\n"
                                              "24 20 0:32 / /gone rw - tmpfs gone rw\n"
                                              "25 20 0:33 / /broken rw - tmpfs broken rw\n"
                                              "26 20 0:34 / relative rw - tmpfs rel rw\n");
        QVERIFY(info.errors.isEmpty());
        const QList<MountEntry> candidates = dfCandidates(info);
        QStringList points;
        for (const MountEntry &m : candidates)
            points << m.mountPoint;
        // proc is a dummy type and a relative mount point is never listed; cgroup2 goes when it has no blocks
        QCOMPARE(points,
                 (QStringList{u"/"_s, u"/sys/fs/cgroup"_s, u"/mnt/a b\nc"_s, u"/gone"_s, u"/broken"_s}));
        auto ok = [](quint64 unit, quint64 blocks, quint64 free, quint64 avail) {
            FilesystemStat st;
            st.result = FilesystemStat::Result::Ok;
            st.unit = unit;
            st.blocks = blocks;
            st.blocksFree = free;
            st.blocksAvailable = avail;
            return st;
        };
        FilesystemStat gone;
        gone.result = FilesystemStat::Result::Gone;
        FilesystemStat broken;
        broken.error = u"Input/output error"_s;
        const DfOutput df = formatDfRows(
            candidates, {ok(4096, 1000, 400, 300), ok(4096, 0, 0, 0), ok(1024, 3, 2, 2), gone, broken});
        QCOMPARE(df.output, QByteArray("Filesystem Type  1-blocks    Used Available Capacity Mounted on\n"
                                       "/dev/sda1  ext4   4096000 2457600   1228800      67% /\n"
                                       "odd?src    tmpfs     3072    1024      2048      34% /mnt/a b?c\n"));
        QCOMPARE(df.errorOutput, QByteArray("df: /broken: Input/output error\n"));
        QCOMPARE(df.exitCode, 1);
        // and parseDf reads it back
        const DiskUsageTable table = parseDf(df.output);
        QVERIFY(table.errors.isEmpty());
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(0).used, 2457600);
        QCOMPARE(table.rows.at(1).mountPoint, u"/mnt/a b?c"_s);
    }

    void rebuiltRowsKeepNamesBytes()
    {
        // A UTF-8 source (9 bytes, 5 characters) and a source and mount point that are not UTF-8 (raw in the
        // table, as the kernel writes them, or as octal escapes): their bytes as they are, columns padded by
        // bytes (df in the C locale), and the two mount points that differ only in such bytes both listed.
        const MountInfo info = parseMountInfo("20 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                                              "21 20 0:31 / /cjk rw - tmpfs src\xe4\xb8\xad\xe6\x96\x87 rw\n"
                                              "22 20 0:32 / /bad-\xff rw - tmpfs s\xfe rw\n"
                                              "23 20 0:33 / /bad-\\376 rw - tmpfs t rw\n");
        QVERIFY(info.errors.isEmpty());
        QCOMPARE(info.mounts.at(2).mountPointPath(), QByteArray("/bad-\xff"));
        QCOMPARE(info.mounts.at(2).sourceBytes(), QByteArray("s\xfe"));
        QCOMPARE(info.mounts.at(3).mountPointPath(), QByteArray("/bad-\xfe"));
        QVERIFY(info.mounts.at(1).invalidUtf8Source.isEmpty()); // valid UTF-8: the QString holds it
        const QList<MountEntry> candidates = dfCandidates(info);
        QCOMPARE(candidates.size(), 4);
        FilesystemStat st;
        st.result = FilesystemStat::Result::Ok;
        st.unit = 1024;
        st.blocks = 4;
        st.blocksFree = 2;
        st.blocksAvailable = 2;
        const DfOutput df = formatDfRows(candidates, {st, st, st, st});
        QCOMPARE(df.output,
                 QByteArray("Filesystem Type  1-blocks Used Available Capacity Mounted on\n"
                            "/dev/sda1  ext4      4096 2048      2048      50% /\n"
                            "src\xe4\xb8\xad\xe6\x96\x87  tmpfs     4096 2048      2048      50% /cjk\n"
                            "s\xfe         tmpfs     4096 2048      2048      50% /bad-\xff\n"
                            "t          tmpfs     4096 2048      2048      50% /bad-\xfe\n"));
    }

    void blockingFilesystems()
    {
        QVERIFY(!hasBlockingFilesystems(parseMountInfo("20 1 8:1 / / rw - ext4 /dev/sda1 rw\n")));
        // systemd's automount point and fusectl: df never statfs them
        QVERIFY(!hasBlockingFilesystems(
            parseMountInfo("20 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                           "30 20 0:40 / /proc/sys/fs/binfmt_misc rw - autofs systemd-1 rw,fd=29\n"
                           "31 20 0:41 / /sys/fs/fuse/connections rw - fusectl fusectl rw\n")));
        for (const char *type :
             {"nfs4", "cifs", "fuse.sshfs", "fuse", "fuseblk", "ceph", "9p", "glusterfs"}) {
            const QByteArray table = "20 1 8:1 / / rw - ext4 /dev/sda1 rw\n21 20 0:40 / /mnt rw - " +
                                     QByteArray(type) + " srv:/x rw\n";
            QVERIFY2(hasBlockingFilesystems(parseMountInfo(table)), type);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DiskUsage)
#include "tst_diskusage.moc"
