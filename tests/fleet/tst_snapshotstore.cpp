#include "snapshotstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include "storeservice.h"
#include <QtTest>

using namespace lw;

namespace {

RawCapture makeCapture(const QString &host, int overlays)
{
    RawCapture c;
    c.host = host;
    c.collectedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
    ProbeOutput uname;
    uname.status = ProbeStatus::Ok;
    uname.output = "5.10.0-21-amd64\n";
    uname.exitCode = 0;
    uname.durationMs = 3;
    c.probes.insert(QString::fromLatin1(ProbeId::KernelRelease), uname);
    ProbeOutput mi;
    mi.status = ProbeStatus::Ok;
    for (int i = 0; i < overlays; ++i)
        mi.output +=
            QByteArray("%1 25 0:%1 / /var/lib/docker/overlay2/abc%1/merged rw - overlay overlay rw\n")
                .replace("%1", QByteArray::number(100 + i));
    mi.output.append('\0'); // binary content survives
    mi.exitCode = 0;
    c.probes.insert(QString::fromLatin1(ProbeId::MountInfo), mi);
    ProbeOutput daemon;
    daemon.status = ProbeStatus::Absent;
    daemon.exitCode = 1;
    daemon.errorOutput = "cat: /etc/docker/daemon.json: No such file or directory\n";
    c.probes.insert(QString::fromLatin1(ProbeId::DaemonJson), daemon);
    return c;
}

StoredSnapshot makeSnapshot(const QString &host, const QDateTime &time, qint64 used, int overlays = 3)
{
    StoredSnapshot s;
    s.host = host;
    s.time = time;
    s.status = HostStatus::Ok;
    s.capture = makeCapture(host, overlays);
    s.worstSeverity = Severity::Critical;
    s.findingIds = {QStringLiteral("shadowed-overlay-mounts"), QStringLiteral("index-disabled")};
    s.unknownChecks = 2;
    s.dockerRootSize = 100'000'000'000LL;
    s.dockerRootUsed = used;
    s.dockerRootAvailable = s.dockerRootSize - used;
    return s;
}

} // namespace

class TestSnapshotStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void serviceOpensOnceAndAnswersOnTheOwnerThread();
    void captureBlobRejectsGarbage();
    void failedHostWithoutCapture();
    void corruptFileKeptAside();
    void foreignDatabaseKeptAside();
    void newerVersionRefused();
    void twoThousandHostsInOneTransaction();
    void pruneKeepsHistory();
};

void TestSnapshotStore::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("snapshots.db"));
    const QDateTime t0(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    {
        SnapshotStore store;
        const StoreOpenResult opened = store.open(path);
        QCOMPARE(opened.outcome, StoreOpenResult::Outcome::Created);
        QVERIFY(store.writeSweep(
            {makeSnapshot(QStringLiteral("a"), t0, 10), makeSnapshot(QStringLiteral("b"), t0, 20)}));
        QVERIFY(store.writeSweep({makeSnapshot(QStringLiteral("a"), t0.addDays(1), 30, 5)}));
    }
    SnapshotStore store;
    QCOMPARE(store.open(path).outcome, StoreOpenResult::Outcome::Opened);
    QCOMPARE(store.snapshotCount(), 3);

    const QList<StoredSnapshot> last = store.lastSnapshots();
    QCOMPARE(last.size(), 2);
    QCOMPARE(last[0].host, QStringLiteral("a"));
    QCOMPARE(last[0].time, t0.addDays(1)); // the newest one of a
    QCOMPARE(last[0].dockerRootUsed, 30);
    QCOMPARE(last[0].worstSeverity, std::optional<Severity>(Severity::Critical));
    QCOMPARE(last[0].findingIds,
             QStringList({QStringLiteral("shadowed-overlay-mounts"), QStringLiteral("index-disabled")}));
    QCOMPARE(last[0].unknownChecks, 2);

    const RawCapture expected = makeCapture(QStringLiteral("a"), 5);
    const RawCapture &got = last[0].capture;
    QCOMPARE(got.host, expected.host);
    QCOMPARE(got.collectedAt, expected.collectedAt);
    QCOMPARE(got.probes.keys(), expected.probes.keys());
    for (const QString &id : expected.probes.keys()) {
        QCOMPARE(got.probes[id].status, expected.probes[id].status);
        QCOMPARE(got.probes[id].output, expected.probes[id].output);
        QCOMPARE(got.probes[id].errorOutput, expected.probes[id].errorOutput);
        QCOMPARE(got.probes[id].exitCode, expected.probes[id].exitCode);
        QCOMPARE(got.probes[id].durationMs, expected.probes[id].durationMs);
    }
    QCOMPARE(last[1].host, QStringLiteral("b"));
    QCOMPARE(last[1].dockerRootUsed, 20);

    const QList<DiskHistoryPoint> history = store.diskHistory(QStringLiteral("a"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].time, t0);
    QCOMPARE(history[0].used, 10);
    QCOMPARE(history[1].used, 30);
    QCOMPARE(history[1].available, 100'000'000'000LL - 30);
    QCOMPARE(store.diskHistory(QStringLiteral("nobody")).size(), 0);

    QVERIFY(store.removeHost(QStringLiteral("a")));
    QCOMPARE(store.lastSnapshots().size(), 1);
}

void TestSnapshotStore::captureBlobRejectsGarbage()
{
    QVERIFY(!SnapshotStore::decodeCapture(QByteArray()).has_value());
    QVERIFY(!SnapshotStore::decodeCapture(QByteArray("not a capture at all")).has_value());
    QByteArray blob = SnapshotStore::encodeCapture(makeCapture(QStringLiteral("x"), 2));
    QVERIFY(SnapshotStore::decodeCapture(blob).has_value());
    blob.truncate(blob.size() / 2);
    QVERIFY(!SnapshotStore::decodeCapture(blob).has_value());
}

void TestSnapshotStore::failedHostWithoutCapture()
{
    QTemporaryDir dir;
    SnapshotStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("s.db"))).ok());
    StoredSnapshot s;
    s.host = QStringLiteral("down.example");
    s.status = HostStatus::Unreachable;
    s.message = QStringLiteral("Connection refused");
    QVERIFY(store.writeSweep({s}));
    const QList<StoredSnapshot> last = store.lastSnapshots();
    QCOMPARE(last.size(), 1);
    QCOMPARE(last[0].status, HostStatus::Unreachable);
    QCOMPARE(last[0].message, QStringLiteral("Connection refused"));
    QVERIFY(!last[0].worstSeverity.has_value());
    QCOMPARE(last[0].dockerRootSize, -1);
    QVERIFY(last[0].capture.probes.isEmpty());
    QVERIFY(store.diskHistory(s.host).isEmpty()); // no usage known: no history point
}

void TestSnapshotStore::corruptFileKeptAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshots.db"));
    QByteArray garbage(8192, 'x');
    garbage.prepend("this is not sqlite\n");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    SnapshotStore store;
    const StoreOpenResult r = store.open(path);
    QCOMPARE(r.outcome, StoreOpenResult::Outcome::CorruptKeptAside);
    QVERIFY(!r.message.isEmpty());
    QVERIFY(r.keptAsidePath.startsWith(path + QStringLiteral(".corrupt-")));
    // The damaged file is kept byte for byte, and a working database is in its place.
    QFile kept(r.keptAsidePath);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    QVERIFY(store.isOpen());
    QVERIFY(store.writeSweep({makeSnapshot(QStringLiteral("a"), QDateTime::currentDateTimeUtc(), 1)}));
    QCOMPARE(store.lastSnapshots().size(), 1);
}

void TestSnapshotStore::foreignDatabaseKeptAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshots.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE precious (x TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO precious VALUES ('keep me')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    SnapshotStore store;
    const StoreOpenResult r = store.open(path);
    QCOMPARE(r.outcome, StoreOpenResult::Outcome::CorruptKeptAside);
    QVERIFY(QFile::exists(r.keptAsidePath));
    QVERIFY(store.isOpen());
}

void TestSnapshotStore::newerVersionRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshots.db"));
    {
        SnapshotStore store;
        QVERIFY(store.open(path).ok());
        QVERIFY(store.writeSweep({makeSnapshot(QStringLiteral("old"), QDateTime::currentDateTimeUtc(), 1)}));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(SnapshotStore::SchemaVersion + 1)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));

    SnapshotStore store;
    const StoreOpenResult r = store.open(path);
    QCOMPARE(r.outcome, StoreOpenResult::Outcome::NewerVersionKeptAside);
    QVERIFY2(r.message.contains(QString::number(SnapshotStore::SchemaVersion + 1)), qPrintable(r.message));
    QVERIFY(r.keptAsidePath.startsWith(path + QStringLiteral(".newer-")));
    // Nothing of the newer database was read or changed: the new one is empty, the old one still has its row.
    QCOMPARE(store.lastSnapshots().size(), 0);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("kept"));
    db.setDatabaseName(r.keptAsidePath);
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT host FROM snapshots")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("old"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), SnapshotStore::SchemaVersion + 1);
    }
    db.close();
}

void TestSnapshotStore::twoThousandHostsInOneTransaction()
{
    QTemporaryDir dir;
    SnapshotStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("big.db"))).ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StoredSnapshot> sweep;
    for (int i = 0; i < 2000; ++i)
        sweep.append(
            makeSnapshot(QStringLiteral("host-%1.example").arg(i, 4, 10, QLatin1Char('0')), now, i, 40));

    // All or nothing: one bad row (a host without a name) makes the whole sweep roll back.
    QList<StoredSnapshot> broken = sweep;
    broken[1500].host = QString();
    QString error;
    QVERIFY(!store.writeSweep(broken, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.snapshotCount(), 0);

    QElapsedTimer timer;
    timer.start();
    QVERIFY2(store.writeSweep(sweep, &error), qPrintable(error));
    const qint64 writeMs = timer.elapsed();
    timer.restart();
    const QList<StoredSnapshot> last = store.lastSnapshots();
    const qint64 readMs = timer.elapsed();
    qInfo("2000 hosts (40 overlay mounts each): write %lld ms, lastSnapshots %lld ms", writeMs, readMs);
    QCOMPARE(last.size(), 2000);
    QCOMPARE(last[1234].host, QStringLiteral("host-1234.example"));
    QCOMPARE(last[1234].dockerRootUsed, 1234);
    QCOMPARE(last[1234].capture.probes.size(), 3);
    QVERIFY2(writeMs < 10000, "a sweep write should be one transaction, not one fsync per host");
}

void TestSnapshotStore::pruneKeepsHistory()
{
    QTemporaryDir dir;
    SnapshotStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("p.db"))).ok());
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-5);
    for (int d = 0; d < 5; ++d)
        QVERIFY(store.writeSweep({makeSnapshot(QStringLiteral("a"), t0.addDays(d), d)}));
    QVERIFY(store.pruneCaptures(2));
    QCOMPARE(store.diskHistory(QStringLiteral("a")).size(), 5);
    const QList<StoredSnapshot> last = store.lastSnapshots();
    QCOMPARE(last.size(), 1);
    QVERIFY(!last[0].capture.probes.isEmpty()); // the newest keeps its capture
}

void TestSnapshotStore::serviceOpensOnceAndAnswersOnTheOwnerThread()
{
    // The console's store: one SQLite connection on one thread of the service's, every answer on the owner's
    // thread, operations in the order given.
    QTemporaryDir dir;
    StoreService service(dir.filePath(QStringLiteral("s.db")));
    QStringList order;
    bool loaded = false;
    service.load([&](const StoreService::Loaded &l) {
        QCOMPARE(QThread::currentThread(), qApp->thread());
        QVERIFY(l.open.ok());
        QVERIFY(l.last.isEmpty());
        loaded = true;
        order << QStringLiteral("load");
    });
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    service.writeSweep({makeSnapshot(QStringLiteral("a"), t0, 10), makeSnapshot(QStringLiteral("b"), t0, 20)},
                       [&](const QString &error) {
                           QVERIFY2(error.isEmpty(), qPrintable(error));
                           order << QStringLiteral("write");
                       });
    service.writeSweep({makeSnapshot(QStringLiteral("a"), t0.addSecs(30), 30)});
    QList<DiskHistoryPoint> history;
    service.diskHistory(QStringLiteral("a"), [&](const QList<DiskHistoryPoint> &h) {
        QCOMPARE(QThread::currentThread(), qApp->thread());
        history = h;
        order << QStringLiteral("history");
    });
    service.removeHosts({QStringLiteral("b")}, [&](const QString &error) {
        QVERIFY(error.isEmpty());
        order << QStringLiteral("remove");
    });
    QTRY_COMPARE(order.size(), 4);
    QCOMPARE(order, (QStringList{QStringLiteral("load"), QStringLiteral("write"), QStringLiteral("history"),
                                 QStringLiteral("remove")}));
    QVERIFY(loaded && service.isUsable());
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().used, qint64(30));
    SnapshotStore check;
    service.waitForDone();
    QVERIFY(check.open(dir.filePath(QStringLiteral("s.db"))).ok());
    QCOMPARE(check.snapshotCount(QStringLiteral("b")), 0);
    QCOMPARE(check.snapshotCount(QStringLiteral("a")), 2);
}

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
