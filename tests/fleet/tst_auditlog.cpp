// AuditLog: whole records on disk after every append, torn last lines tolerated, concurrent appends stay
// whole lines, export filters.
#include "auditlog.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/wait.h>
#include <unistd.h>

using lw::AuditLog;

class TestAuditLog : public QObject
{
    Q_OBJECT
private slots:
    void localUserIsTheEffectiveUser();
    void appendWritesWholeLinesAtOnce();
    void recordIsOnDiskBeforeAppendReturns();
    void tornLastLineIsReportedAndTheRestKept();
    void appendAfterTornLineStartsAFreshLine();
    void concurrentAppendsFromThreadsStayWholeLines();
    void appendsFromAnotherProcessInterleaveAsWholeLines();
    void exportFilters();
    void unwritableLogIsAnError();
};

void TestAuditLog::appendWritesWholeLinesAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/audit.jsonl"));
    AuditLog log(path);
    QVERIFY(log.append({{QStringLiteral("event"), QStringLiteral("started")},
                        {QStringLiteral("host"), QStringLiteral("h1 $(touch x)\n'\"")}}));
    QVERIFY(log.append({{QStringLiteral("event"), QStringLiteral("finished")}}));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes.count('\n'), 2);
    QVERIFY(bytes.endsWith('\n'));
    QCOMPARE(int(f.permissions() & (QFile::ReadOther | QFile::WriteOther)), 0);
    const AuditLog::ReadResult read = AuditLog::read(path);
    QVERIFY(read.ok);
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.records.at(0).value(QLatin1String("host")).toString(),
             QStringLiteral("h1 $(touch x)\n'\""));
    QVERIFY(read.records.at(0).value(QLatin1String("time")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(read.records.at(1).value(QLatin1String("v")).toInt(), 1);
}

void TestAuditLog::recordIsOnDiskBeforeAppendReturns()
{
    // A child appends one record and dies at once (_exit, no destructors): the record must be there.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    const pid_t pid = fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        auto *log = new AuditLog(path); // never deleted: no close, no flush at exit
        const bool ok = log->append({{QStringLiteral("event"), QStringLiteral("started")}});
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    const AuditLog::ReadResult read = AuditLog::read(path);
    QCOMPARE(read.records.size(), 1);
    QCOMPARE(read.records.at(0).value(QLatin1String("event")).toString(), QStringLiteral("started"));
}

void TestAuditLog::tornLastLineIsReportedAndTheRestKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "{\"event\":\"started\",\"host\":\"a\"}\n{\"event\":\"finished\",\"host\":\"a\"}\n{\"event\":\"sta");
    f.close();
    const AuditLog::ReadResult read = AuditLog::read(path);
    QVERIFY(read.ok);
    QVERIFY(read.tornLastLine);
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.problems.size(), 1);
    QVERIFY(read.problems.first().contains(QLatin1String("3")));

    // A bad line in the middle is not a torn last line.
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"a\":1}\nnot json\n{\"b\":2}\n");
    f.close();
    const AuditLog::ReadResult middle = AuditLog::read(path);
    QVERIFY(!middle.tornLastLine);
    QCOMPARE(middle.records.size(), 2);
    QCOMPARE(middle.problems.size(), 1);
}

void TestAuditLog::appendAfterTornLineStartsAFreshLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"event\":\"started\"}\n{\"event\":\"fini");
    f.close();
    AuditLog log(path);
    QVERIFY(log.append({{QStringLiteral("event"), QStringLiteral("verified")}}));
    const AuditLog::ReadResult read = AuditLog::read(path);
    QCOMPARE(read.records.size(), 2);
    QCOMPARE(read.records.at(1).value(QLatin1String("event")).toString(), QStringLiteral("verified"));
    QCOMPARE(read.problems.size(), 1); // the torn line, now in the middle
    QVERIFY(!read.tornLastLine);
}

void TestAuditLog::concurrentAppendsFromThreadsStayWholeLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditLog log(path);
    constexpr int kThreads = 8, kRecords = 200;
    const QString big(3000, QLatin1Char('x')); // several KiB per line: larger than any stdio buffer
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.append(QThread::create([&log, &failures, &big, t] {
            for (int i = 0; i < kRecords; ++i) {
                if (!log.append({{QStringLiteral("thread"), t},
                                 {QStringLiteral("i"), i},
                                 {QStringLiteral("pad"), big}}))
                    ++failures;
            }
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    const AuditLog::ReadResult read = AuditLog::read(path);
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.records.size(), kThreads * kRecords);
    QList<int> next(kThreads, 0);
    for (const QJsonObject &r : read.records) {
        const int t = r.value(QLatin1String("thread")).toInt();
        QCOMPARE(r.value(QLatin1String("i")).toInt(), next[t]++); // each thread's records in its order
        QCOMPARE(r.value(QLatin1String("pad")).toString().size(), big.size());
    }
}

void TestAuditLog::appendsFromAnotherProcessInterleaveAsWholeLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    const pid_t pid = fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        AuditLog child(path);
        for (int i = 0; i < 300; ++i)
            (void)child.append({{QStringLiteral("who"), QStringLiteral("child")}, {QStringLiteral("i"), i}});
        _exit(0);
    }
    AuditLog parent(path);
    for (int i = 0; i < 300; ++i)
        QVERIFY(parent.append({{QStringLiteral("who"), QStringLiteral("parent")}, {QStringLiteral("i"), i}}));
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    const AuditLog::ReadResult read = AuditLog::read(path);
    QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
    QCOMPARE(read.records.size(), 600);
}

void TestAuditLog::exportFilters()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditLog log(path);
    for (int i = 0; i < 10; ++i)
        QVERIFY(log.append({{QStringLiteral("host"), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")},
                            {QStringLiteral("i"), i}}));
    QString error;
    const QString target = dir.filePath(QStringLiteral("odd.jsonl"));
    QCOMPARE(AuditLog::exportRecords(
                 path, target,
                 [](const QJsonObject &r) {
                     return r.value(QLatin1String("host")).toString() == QLatin1String("odd");
                 },
                 &error),
             5);
    const AuditLog::ReadResult read = AuditLog::read(target);
    QCOMPARE(read.records.size(), 5);
    for (const QJsonObject &r : read.records)
        QCOMPARE(r.value(QLatin1String("i")).toInt() % 2, 1);
    QCOMPARE(AuditLog::exportRecords(dir.filePath(QStringLiteral("missing")), target, {}, &error), -1);
    QVERIFY(!error.isEmpty());
}

void TestAuditLog::unwritableLogIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AuditLog log(dir.filePath(QStringLiteral("file/audit.jsonl"))); // a file where a directory must be
    QString error;
    QVERIFY(!log.append({{QStringLiteral("event"), QStringLiteral("started")}}, &error));
    QVERIFY(!error.isEmpty());
}

void TestAuditLog::localUserIsTheEffectiveUser()
{
    // the name the audit log records for `user` and `approvedBy`, from one place: as `id -un` says
    QProcess id;
    id.start(QStringLiteral("id"), {QStringLiteral("-un")});
    QVERIFY(id.waitForFinished(10000));
    QCOMPARE(lw::localUserName(), QString::fromLocal8Bit(id.readAllStandardOutput().trimmed()));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
