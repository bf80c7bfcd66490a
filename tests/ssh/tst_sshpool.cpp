#include "credentials.h"
#include "labfixture.h"
#include "sshpool.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace lw::ssh;

namespace {

constexpr int kHosts = 10;

qint64 processCpuMicros(int who = RUSAGE_SELF)
{
    rusage u{};
    getrusage(who, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000 + u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

struct Outcome
{
    SshStatus status = SshStatus::Error;
    QByteArray out;
    int handshakes = 0;
    std::thread::id thread;
    QString message;
    qint64 threadCpuMicros = 0; // the job's own CPU time in its worker
};

} // namespace

class tst_SshPool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void manyHostsWithinTheLimit();
    void secondJobReusesTheSession();
    void deadKeptSessionReconnects();
    void dropConnection();
    void cancelAllStopsRunningAndQueued();
    void lowerLimit();

private:
    SshOptions options() const;
    HostTarget target(int i) const { return {m_lab.address(i), QString(), 0, QString()}; }
    // Runs `command` once on each of `hosts` through `pool`; returns the outcomes by host index.
    QHash<int, Outcome> runOnAll(SshPool &pool, const QList<int> &hosts, const QByteArray &command,
                                 int *maxRunning = nullptr);

    LabFixture m_lab;
    NonInteractiveCredentials m_credentials;
    QHash<int, Outcome> m_firstRound;
};

void tst_SshPool::initTestCase()
{
    LW_SKIP_UNLESS_LAB_CAN_RUN();
    const QString script = QFINDTESTDATA("../lab/lab.sh");
    QVERIFY2(!script.isEmpty(), "tests/lab/lab.sh not found");
    QVERIFY2(m_lab.start(script, QStringLiteral("127.0.51.1"), QStringLiteral("healthy"), kHosts),
             qPrintable(m_lab.error()));
}

void tst_SshPool::cleanupTestCase()
{
    m_lab.stop();
}

SshOptions tst_SshPool::options() const
{
    SshOptions o = m_lab.sshOptions();
    o.connectTimeoutMs = 10000;
    o.commandTimeoutMs = 60000;
    o.maxConcurrent = 4;
    return o;
}

QHash<int, Outcome> tst_SshPool::runOnAll(SshPool &pool, const QList<int> &hosts, const QByteArray &command,
                                          int *maxRunning)
{
    std::mutex mutex;
    QHash<int, Outcome> outcomes;
    std::atomic<int> running{0}, peak{0};
    for (int i : hosts) {
        pool.submit(target(i), [&, i](SshConnection &c) {
            const qint64 cpu0 = processCpuMicros(RUSAGE_THREAD);
            const int now = ++running;
            int seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {
            }
            ExecRequest req;
            req.command = command;
            const ExecResult r = c.exec(req);
            --running;
            std::lock_guard lock(mutex);
            outcomes.insert(i, {r.status, r.stdoutData, c.handshakeCount(), std::this_thread::get_id(),
                                r.message, processCpuMicros(RUSAGE_THREAD) - cpu0});
        });
    }
    if (!pool.waitForIdle(180000))
        qWarning("pool did not become idle");
    if (maxRunning)
        *maxRunning = peak.load();
    return outcomes;
}

void tst_SshPool::manyHostsWithinTheLimit()
{
    SshPool pool(options(), &m_credentials);
    QSignalSpy finished(&pool, &SshPool::jobFinished);
    QSignalSpy idle(&pool, &SshPool::idle);
    QList<int> hosts;
    for (int i = 0; i < kHosts; ++i)
        hosts << i;
    QElapsedTimer t;
    t.start();
    const qint64 cpuBefore = processCpuMicros();
    int peak = 0;
    const QHash<int, Outcome> r = runOnAll(pool, hosts, "echo $PPID; sleep 1", &peak);
    const double cpuMsPerHost = double(processCpuMicros() - cpuBefore) / 1000.0 / kHosts;
    qint64 jobCpu = 0;
    for (const Outcome &o : r)
        jobCpu += o.threadCpuMicros;
    qInfo("%d hosts, 4 at a time: %lld ms, peak concurrency %d; client CPU per host: %.2f ms in all, %.2f ms "
          "in "
          "the job (connect, auth, exec)",
          kHosts, t.elapsed(), peak, cpuMsPerHost, double(jobCpu) / 1000.0 / kHosts);
    // the target is < 5 ms; the bound here leaves room for a loaded test machine
    QVERIFY2(cpuMsPerHost < 25, qPrintable(QString::number(cpuMsPerHost)));
    QCOMPARE(r.size(), kHosts);
    for (auto it = r.cbegin(); it != r.cend(); ++it) {
        QVERIFY2(it->status == SshStatus::Ok, qPrintable(it->message));
        QVERIFY(!it->out.trimmed().isEmpty());
        QCOMPARE(it->handshakes, 1);
    }
    QCOMPARE(peak, 4); // the limit is used, and never exceeded
    QCOMPARE(pool.pending(), 0);
    QTRY_COMPARE(finished.size(), kHosts);
    QTRY_VERIFY(idle.size() >= 1);
    QSet<QString> names;
    for (const QList<QVariant> &args : std::as_const(finished))
        names.insert(args.value(0).toString());
    QCOMPARE(names.size(), kHosts);
}

void tst_SshPool::secondJobReusesTheSession()
{
    SshPool pool(options(), &m_credentials);
    const QList<int> hosts{0, 1, 2, 3, 4, 5};
    const QHash<int, Outcome> first = runOnAll(pool, hosts, "echo $PPID");
    const QHash<int, Outcome> second = runOnAll(pool, hosts, "echo $PPID");
    for (int i : hosts) {
        QVERIFY2(first[i].status == SshStatus::Ok && second[i].status == SshStatus::Ok,
                 qPrintable(first[i].message + second[i].message));
        // same sshd process (same connection), no second handshake, same worker thread
        QCOMPARE(second[i].out, first[i].out);
        QCOMPARE(second[i].handshakes, 1);
        QVERIFY(second[i].thread == first[i].thread);
    }
}

void tst_SshPool::deadKeptSessionReconnects()
{
    SshOptions o = options();
    o.keepAliveIntervalSec = 1;
    SshPool pool(o, &m_credentials);
    const QHash<int, Outcome> first = runOnAll(pool, {7}, "echo $PPID");
    QCOMPARE(first[7].status, SshStatus::Ok);
    // the server side of the kept session dies shortly after this job ends
    const QHash<int, Outcome> killer = runOnAll(pool, {7}, "(sleep 0.3; kill -9 $PPID) >/dev/null 2>&1 &");
    QCOMPARE(killer[7].status, SshStatus::Ok);
    QTest::qWait(1500);
    const QHash<int, Outcome> after = runOnAll(pool, {7}, "echo $PPID");
    QVERIFY2(after[7].status == SshStatus::Ok, qPrintable(after[7].message));
    QVERIFY(after[7].out != first[7].out); // a new connection, transparently
    QCOMPARE(after[7].handshakes, 2);
}

void tst_SshPool::dropConnection()
{
    SshPool pool(options(), &m_credentials);
    const QHash<int, Outcome> first = runOnAll(pool, {8}, "echo $PPID");
    QCOMPARE(first[8].status, SshStatus::Ok);
    pool.dropConnection(m_lab.address(8));
    const QHash<int, Outcome> second = runOnAll(pool, {8}, "echo $PPID");
    QCOMPARE(second[8].status, SshStatus::Ok);
    QVERIFY(second[8].out != first[8].out);
    QCOMPARE(second[8].handshakes, 1); // a new SshConnection
}

void tst_SshPool::cancelAllStopsRunningAndQueued()
{
    SshOptions o = options();
    o.maxConcurrent = 2;
    SshPool pool(o, &m_credentials);
    std::atomic<int> started{0};
    std::mutex mutex;
    QList<ExecResult> results;
    for (int i = 0; i < kHosts; ++i) {
        pool.submit(target(i), [&](SshConnection &c) {
            ++started;
            ExecRequest req;
            req.command = "sleep 30";
            const ExecResult r = c.exec(req);
            std::lock_guard lock(mutex);
            results << r;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(started.load(), 2, 10000);
    QTest::qWait(2500); // the commands are running (past the remote shell's start-up)
    QElapsedTimer t;
    t.start();
    pool.cancelAll();
    QVERIFY(pool.waitForIdle(5000));
    QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(started.load(), 2); // the queued jobs never ran
    QCOMPARE(results.size(), 2);
    for (const ExecResult &r : std::as_const(results)) {
        QCOMPARE(r.status, SshStatus::Error);
        QVERIFY(!r.exitKnown);
    }
    // later submissions run normally
    const QHash<int, Outcome> after = runOnAll(pool, {0}, "echo ok");
    QCOMPARE(after[0].status, SshStatus::Ok);
    QCOMPARE(after[0].out, QByteArray("ok\n"));
}

void tst_SshPool::lowerLimit()
{
    SshPool pool(options(), &m_credentials);
    pool.setMaxConcurrent(2);
    int peak = 0;
    const QHash<int, Outcome> r = runOnAll(pool, {0, 1, 2, 3, 4, 5}, "sleep 0.5", &peak);
    QCOMPARE(r.size(), 6);
    QCOMPARE(peak, 2);
}

QTEST_GUILESS_MAIN(tst_SshPool)
#include "tst_sshpool.moc"
