#include "knownhosts.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using lw::ssh::HostKeyInfo;
using lw::ssh::KnownHosts;
using Match = KnownHosts::Match;

namespace {

struct PubKey
{
    QByteArray type;
    QByteArray base64;
    QByteArray blob() const { return QByteArray::fromBase64(base64); }
};

} // namespace

class tst_KnownHosts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plainHost();
    void portAndCommaList();
    void hashedByOpenSsh();
    void wildcardsAndNegation();
    void revokedWins();
    void otherKeyTypeIsChanged();
    void certAuthorityAndGarbageIgnored();
    void approveRemoveRoundTrip();
    void approveRejectsMalformed();
    void concurrentApprove();
    void reloadsWhatChanged();
    void knownFingerprintsAndRemoveCommand();

private:
    QString write(const QByteArray &content);
    PubKey keygen(const QString &name, const QString &type);

    QTemporaryDir m_dir;
    PubKey m_ed1, m_ed2, m_ecdsa;
    int m_files = 0;
};

PubKey tst_KnownHosts::keygen(const QString &name, const QString &type)
{
    const QString path = m_dir.filePath(name);
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), type,
                                           QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        qFatal("ssh-keygen failed");
    QFile pub(path + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        qFatal("no public key");
    const QList<QByteArray> f = pub.readAll().trimmed().split(' ');
    return {f.value(0), f.value(1)};
}

QString tst_KnownHosts::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("known_hosts_%1").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write fixture");
    return path;
}

void tst_KnownHosts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ed1 = keygen(QStringLiteral("ed1"), QStringLiteral("ed25519"));
    m_ed2 = keygen(QStringLiteral("ed2"), QStringLiteral("ed25519"));
    m_ecdsa = keygen(QStringLiteral("ec"), QStringLiteral("ecdsa"));
    QCOMPARE(m_ed1.type, QByteArray("ssh-ed25519"));
    QCOMPARE(m_ecdsa.type, QByteArray("ecdsa-sha2-nistp256"));
    QVERIFY(m_ed1.base64 != m_ed2.base64);
}

void tst_KnownHosts::plainHost()
{
    const QString file = write("# comment\n\nhost1 " + m_ed1.type + ' ' + m_ed1.base64 + " a comment\n");
    const KnownHosts kh = KnownHosts::load({file, m_dir.filePath(QStringLiteral("missing"))});
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("HOST1"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("host1"), 0, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed2.type, m_ed2.blob()), Match::Changed);
    QCOMPARE(kh.check(QStringLiteral("host2"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("host"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    // the same host on another port is another host
    QCOMPARE(kh.check(QStringLiteral("host1"), 2222, m_ed1.type, m_ed1.blob()), Match::Unknown);
}

void tst_KnownHosts::portAndCommaList()
{
    const QString file = write("[host1]:2222,10.0.0.1 " + m_ed1.type + ' ' + m_ed1.base64 + "\n" +
                               "a.example,b.example,c.example " + m_ed2.type + ' ' + m_ed2.base64 + "\n");
    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("host1"), 2222, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("10.0.0.1"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("b.example"), 22, m_ed2.type, m_ed2.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("b.example"), 22, m_ed1.type, m_ed1.blob()), Match::Changed);
    QCOMPARE(KnownHosts::hostPattern(QStringLiteral("h"), 22), QStringLiteral("h"));
    QCOMPARE(KnownHosts::hostPattern(QStringLiteral("h"), 2200), QStringLiteral("[h]:2200"));
}

void tst_KnownHosts::hashedByOpenSsh()
{
    const QString file = write("plainhost " + m_ed1.type + ' ' + m_ed1.base64 + "\n[porthost]:2022 " +
                               m_ed2.type + ' ' + m_ed2.base64 + "\n");
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), file});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY2(content.startsWith("|1|") && !content.contains("plainhost"), content.constData());

    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("plainhost"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("plainhost"), 22, m_ed2.type, m_ed2.blob()), Match::Changed);
    QCOMPARE(kh.check(QStringLiteral("porthost"), 2022, m_ed2.type, m_ed2.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("porthost"), 22, m_ed2.type, m_ed2.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("otherhost"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);

    // the key types to ask for first, and the same answers from the entries matched once for a host
    QCOMPARE(kh.keyTypes(QStringLiteral("plainhost"), 22), QList<QByteArray>{m_ed1.type});
    QCOMPARE(kh.keyTypes(QStringLiteral("porthost"), 22), QList<QByteArray>());
    const KnownHosts forPort = kh.forHost(QStringLiteral("porthost"), 2022);
    QCOMPARE(forPort.check(QStringLiteral("porthost"), 2022, m_ed2.type, m_ed2.blob()), Match::Known);
    QCOMPARE(forPort.check(QStringLiteral("porthost"), 2022, m_ed1.type, m_ed1.blob()), Match::Changed);
    QCOMPARE(forPort.keyTypes(QStringLiteral("porthost"), 2022), QList<QByteArray>{m_ed2.type});

    // remove() finds hashed entries too
    QString error;
    QVERIFY(KnownHosts::remove(file, QStringLiteral("plainhost"), 22, &error));
    const KnownHosts after = KnownHosts::load({file});
    QCOMPARE(after.check(QStringLiteral("plainhost"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(after.check(QStringLiteral("porthost"), 2022, m_ed2.type, m_ed2.blob()), Match::Known);
}

void tst_KnownHosts::wildcardsAndNegation()
{
    const QString file = write("*.example.com,!bad.example.com " + m_ed1.type + ' ' + m_ed1.base64 + "\n" +
                               "node? " + m_ed2.type + ' ' + m_ed2.base64 + "\n");
    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("good.example.com"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("a.b.example.com"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("bad.example.com"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("example.com"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("node1"), 22, m_ed2.type, m_ed2.blob()), Match::Known);
    QCOMPARE(kh.check(QStringLiteral("node12"), 22, m_ed2.type, m_ed2.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("node"), 22, m_ed2.type, m_ed2.blob()), Match::Unknown);
}

void tst_KnownHosts::revokedWins()
{
    const QString file = write("host1 " + m_ed1.type + ' ' + m_ed1.base64 + "\n@revoked * " + m_ed1.type +
                               ' ' + m_ed1.base64 + "\n");
    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed1.type, m_ed1.blob()), Match::Revoked);
    QCOMPARE(kh.check(QStringLiteral("anyhost"), 22, m_ed1.type, m_ed1.blob()), Match::Revoked);
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed2.type, m_ed2.blob()), Match::Changed);
    // a revoked entry is no key type to ask for; the host's own entry is, once, in file order
    const QString two = write("host3 " + m_ecdsa.type + ' ' + m_ecdsa.base64 + "\n@revoked host3 " +
                              m_ed2.type + ' ' + m_ed2.base64 + "\nhost3 " + m_ed1.type + ' ' + m_ed1.base64 +
                              "\nhost3 " + m_ecdsa.type + ' ' + m_ecdsa.base64 + "\n");
    QCOMPARE(KnownHosts::load({two}).keyTypes(QStringLiteral("host3"), 22),
             (QList<QByteArray>{m_ecdsa.type, m_ed1.type}));
    QCOMPARE(KnownHosts::load({two})
                 .forHost(QStringLiteral("host3"), 22)
                 .check(QStringLiteral("host3"), 22, m_ed2.type, m_ed2.blob()),
             Match::Revoked);

    // a revocation in the global file counts as well, and remove() leaves revocations alone
    const QString global = write("@revoked host2 " + m_ed2.type + ' ' + m_ed2.base64 + "\n");
    const QString user = write("host2 " + m_ed2.type + ' ' + m_ed2.base64 + "\n");
    QCOMPARE(KnownHosts::load({user, global}).check(QStringLiteral("host2"), 22, m_ed2.type, m_ed2.blob()),
             Match::Revoked);
    QString error;
    QVERIFY(KnownHosts::remove(global, QStringLiteral("host2"), 22, &error));
    QCOMPARE(KnownHosts::load({global}).check(QStringLiteral("host2"), 22, m_ed2.type, m_ed2.blob()),
             Match::Revoked);
}

void tst_KnownHosts::otherKeyTypeIsChanged()
{
    const QString file = write("host1 " + m_ed1.type + ' ' + m_ed1.base64 + "\n");
    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ecdsa.type, m_ecdsa.blob()), Match::Changed);
    // a type string that lies about the blob does not make it known
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ecdsa.type, m_ed1.blob()), Match::Changed);
}

void tst_KnownHosts::certAuthorityAndGarbageIgnored()
{
    const QString file =
        write("@cert-authority *.example.com " + m_ed1.type + ' ' + m_ed1.base64 + "\n" + "@bogus host1 " +
              m_ed1.type + ' ' + m_ed1.base64 + "\n" + "onlyhost\n" + "host3 ssh-ed25519 not*base64\n" +
              "host4 " + m_ed2.type + "\n" + "\t  host5   " + m_ed2.type + "   " + m_ed2.base64 + "  \r\n");
    const KnownHosts kh = KnownHosts::load({file});
    QCOMPARE(kh.check(QStringLiteral("a.example.com"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("host1"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("host3"), 22, m_ed1.type, m_ed1.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("host4"), 22, m_ed2.type, m_ed2.blob()), Match::Unknown);
    QCOMPARE(kh.check(QStringLiteral("host5"), 22, m_ed2.type, m_ed2.blob()), Match::Known);
}

void tst_KnownHosts::approveRemoveRoundTrip()
{
    const QString file = m_dir.filePath(QStringLiteral("new/sub/known_hosts")); // directories made on demand
    QString error;
    HostKeyInfo a{QString::fromLatin1(m_ed1.type), QString(), m_ed1.base64,
                  QStringLiteral("[10.1.1.1]:2222")};
    HostKeyInfo b{QString::fromLatin1(m_ed2.type), QString(), m_ed2.base64, QStringLiteral("hostb")};
    QVERIFY2(KnownHosts::approve(file, a, &error), qPrintable(error));
    QVERIFY2(KnownHosts::approve(file, b, &error), qPrintable(error));
    QVERIFY2(KnownHosts::approve(file, a, &error), qPrintable(error)); // idempotent

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    f.close();
    QCOMPARE(content, "[10.1.1.1]:2222 " + m_ed1.type + ' ' + m_ed1.base64 + "\nhostb " + m_ed2.type + ' ' +
                          m_ed2.base64 + "\n");
    QCOMPARE(KnownHosts::load({file}).check(QStringLiteral("10.1.1.1"), 2222, m_ed1.type, m_ed1.blob()),
             Match::Known);

    // replace the key: remove, then approve the new one
    QVERIFY2(KnownHosts::remove(file, QStringLiteral("10.1.1.1"), 2222, &error), qPrintable(error));
    QCOMPARE(KnownHosts::load({file}).check(QStringLiteral("10.1.1.1"), 2222, m_ed1.type, m_ed1.blob()),
             Match::Unknown);
    QCOMPARE(KnownHosts::load({file}).check(QStringLiteral("hostb"), 22, m_ed2.type, m_ed2.blob()),
             Match::Known);
    HostKeyInfo a2{QString::fromLatin1(m_ecdsa.type), QString(), m_ecdsa.base64,
                   QStringLiteral("[10.1.1.1]:2222")};
    QVERIFY2(KnownHosts::approve(file, a2, &error), qPrintable(error));
    QCOMPARE(KnownHosts::load({file}).check(QStringLiteral("10.1.1.1"), 2222, m_ecdsa.type, m_ecdsa.blob()),
             Match::Known);
    // removing an absent host or from an absent file is fine and changes nothing
    QVERIFY(KnownHosts::remove(file, QStringLiteral("nohost"), 22, &error));
    QVERIFY(KnownHosts::remove(m_dir.filePath(QStringLiteral("absent")), QStringLiteral("x"), 22, &error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent"))));

    // a file without a final newline gets one before our line
    const QString noNewline = write("hostc " + m_ed1.type + ' ' + m_ed1.base64);
    QVERIFY(KnownHosts::approve(noNewline, b, &error));
    const KnownHosts both = KnownHosts::load({noNewline});
    QCOMPARE(both.check(QStringLiteral("hostc"), 22, m_ed1.type, m_ed1.blob()), Match::Known);
    QCOMPARE(both.check(QStringLiteral("hostb"), 22, m_ed2.type, m_ed2.blob()), Match::Known);
}

void tst_KnownHosts::approveRejectsMalformed()
{
    const QString file = write("hostz " + m_ed1.type + ' ' + m_ed1.base64 + "\n");
    QString error;
    // a host name carrying a newline would inject a second, attacker-chosen entry
    HostKeyInfo evil{QString::fromLatin1(m_ed2.type), QString(), m_ed2.base64,
                     QStringLiteral("x\n* ssh-ed25519 ") + QString::fromLatin1(m_ed2.base64)};
    QVERIFY(!KnownHosts::approve(file, evil, &error));
    QVERIFY(!error.isEmpty());
    HostKeyInfo badKey{QString::fromLatin1(m_ed2.type), QString(), "abc def\n", QStringLiteral("h")};
    QVERIFY(!KnownHosts::approve(file, badKey, &error));
    HostKeyInfo marker{QString::fromLatin1(m_ed2.type), QString(), m_ed2.base64, QStringLiteral("@revoked")};
    QVERIFY(!KnownHosts::approve(file, marker, &error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), "hostz " + m_ed1.type + ' ' + m_ed1.base64 + "\n"); // nothing lost, nothing added
}

void tst_KnownHosts::concurrentApprove()
{
    const QString file = write("");
    constexpr int threads = 50;
    std::atomic<int> failures{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            while (!go.load())
                std::this_thread::yield();
            HostKeyInfo k{QString::fromLatin1(m_ed1.type), QString(), m_ed1.base64,
                          QStringLiteral("[host%1]:2200").arg(i)};
            QString error;
            if (!KnownHosts::approve(file, k, &error))
                ++failures;
        });
    }
    go = true;
    for (auto &t : pool)
        t.join();
    QCOMPARE(failures.load(), 0);

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // ends with a newline
    QCOMPARE(lines.size(), threads);
    QSet<QByteArray> hosts;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields[1], m_ed1.type);
        QCOMPARE(fields[2], m_ed1.base64);
        hosts.insert(fields[0]);
    }
    QCOMPARE(hosts.size(), threads);
    const KnownHosts kh = KnownHosts::load({file});
    for (int i = 0; i < threads; ++i)
        QCOMPARE(kh.check(QStringLiteral("host%1").arg(i), 2200, m_ed1.type, m_ed1.blob()), Match::Known);
}

void tst_KnownHosts::reloadsWhatChanged()
{
    // load() keeps the last parse while the files are unchanged; every change must be seen: a rewrite in
    // place with a key of the same length (same inode, same size), a deleted file, a file that appears.
    const QString file = m_dir.filePath(QStringLiteral("reload_known_hosts"));
    const QString extra = m_dir.filePath(QStringLiteral("reload_extra"));
    auto put = [](const QString &path, const QByteArray &text) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(text), text.size());
    };
    QCOMPARE(m_ed1.base64.size(), m_ed2.base64.size());
    put(file, "hostr " + m_ed1.type + ' ' + m_ed1.base64 + '\n');
    // Files changed in the last two seconds are parsed each time; older ones once. Wait, so that the
    // cached path is the one checked.
    QTest::qSleep(2100);
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed1.type, m_ed1.blob()),
             Match::Known);
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed1.type, m_ed1.blob()),
             Match::Known);
    put(file, "hostr " + m_ed2.type + ' ' + m_ed2.base64 + '\n');
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed1.type, m_ed1.blob()),
             Match::Changed);
    put(extra, "@revoked hostr " + m_ed2.type + ' ' + m_ed2.base64 + '\n');
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed2.type, m_ed2.blob()),
             Match::Revoked);
    QVERIFY(QFile::remove(extra));
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed2.type, m_ed2.blob()),
             Match::Known);
    QVERIFY(QFile::remove(file));
    QCOMPARE(KnownHosts::load({file, extra}).check(QStringLiteral("hostr"), 22, m_ed2.type, m_ed2.blob()),
             Match::Unknown);
    // Another file list is another set.
    put(file, "hostr " + m_ed1.type + ' ' + m_ed1.base64 + '\n');
    QCOMPARE(KnownHosts::load({extra}).check(QStringLiteral("hostr"), 22, m_ed1.type, m_ed1.blob()),
             Match::Unknown);
    QCOMPARE(KnownHosts::load({file}).check(QStringLiteral("hostr"), 22, m_ed1.type, m_ed1.blob()),
             Match::Known);
}

// #16 item 12: a changed key is shown beside the fingerprints known_hosts holds (as ssh-keygen -l prints
// them), and the advice to remove the old entry is a command that works on the file in use, whatever its
// name.
void tst_KnownHosts::knownFingerprintsAndRemoveCommand()
{
    const QString file =
        write("[porthost]:2222 " + m_ed1.type + ' ' + m_ed1.base64 + "\n" + "[porthost]:2222 " +
              m_ecdsa.type + ' ' + m_ecdsa.base64 + "\nother " + m_ed2.type + ' ' + m_ed2.base64 +
              "\n@revoked [porthost]:2222 " + m_ed2.type + ' ' + m_ed2.base64 + "\n");
    const KnownHosts kh = KnownHosts::load({file});
    QProcess lf;
    lf.start(QStringLiteral("ssh-keygen"),
             {QStringLiteral("-lf"), m_dir.filePath(QStringLiteral("ed1.pub"))});
    QVERIFY(lf.waitForFinished(20000));
    const QString ed1 = QString::fromLatin1(lf.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
    QCOMPARE(KnownHosts::fingerprintSha256(m_ed1.blob()), ed1);
    const QStringList known = kh.knownFingerprints(QStringLiteral("porthost"), 2222);
    QCOMPARE(known.size(), 2); // the revoked key is no expectation
    QCOMPARE(known.value(0), QStringLiteral("ssh-ed25519 ") + ed1);
    QVERIFY(known.value(1).startsWith(QLatin1String("ecdsa-sha2-nistp256 SHA256:")));
    QVERIFY(kh.knownFingerprints(QStringLiteral("porthost"), 22).isEmpty());

    // The command, run by a shell on a file whose name has a space and a quote, removes exactly that host.
    const QString odd = m_dir.filePath(QStringLiteral("it's known hosts"));
    QVERIFY(QFile::copy(file, odd));
    const QString command = KnownHosts::removeCommand(QStringLiteral("[porthost]:2222"), odd);
    QVERIFY2(command.startsWith(QLatin1String("ssh-keygen -R '[porthost]:2222' -f '")), qPrintable(command));
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    QVERIFY(sh.waitForFinished(20000));
    QCOMPARE(sh.exitCode(), 0);
    const KnownHosts after = KnownHosts::load({odd});
    QVERIFY(after.knownFingerprints(QStringLiteral("porthost"), 2222).isEmpty());
    QCOMPARE(after.check(QStringLiteral("other"), 22, m_ed2.type, m_ed2.blob()), Match::Known);
    QCOMPARE(KnownHosts::removeCommand(QStringLiteral("web1"), QStringLiteral("/home/a/.ssh/known_hosts")),
             QStringLiteral("ssh-keygen -R web1 -f /home/a/.ssh/known_hosts"));
}

QTEST_GUILESS_MAIN(tst_KnownHosts)
#include "tst_knownhosts.moc"
