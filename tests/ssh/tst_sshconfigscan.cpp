// The ssh_config scan without a server: which files libssh reads, and whether they set HostKeyAlgorithms.
#include "sshconfigscan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lw::ssh;

class tst_SshConfigScan : public QObject
{
    Q_OBJECT
private slots:
    void safeHostTokens();
    void filesLibsshReads();
    void setsHostKeyAlgorithms();
    void followsIncludes();
    void inDoubtSaysYes();
    void includeLoopEnds();
    void algorithmOrder();
    void everyIdentityFileInOrder();

private:
    QString write(const QString &name, const QByteArray &content);
    SshConfigFile config(const QString &name) { return {m_dir.filePath(name), m_dir.path()}; }
    QTemporaryDir m_dir;
};

QString tst_SshConfigScan::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write fixture");
    return path;
}

void tst_SshConfigScan::safeHostTokens()
{
    for (const char *ok : {"host", "host.example.org", "10.0.0.1", "fe80::1%eth0", "user_name", "a-b"})
        QVERIFY2(isSafeHostToken(QString::fromLatin1(ok)), ok);
    for (const char *bad : {"", "-oProxyCommand=x", "a b", "a;b", "$(x)", "`x`", "a'b", "a/b", "a\nb"})
        QVERIFY2(!isSafeHostToken(QString::fromLatin1(bad)), bad);
}

void tst_SshConfigScan::filesLibsshReads()
{
    QVERIFY(sshConfigFilesLibsshReads(QStringLiteral("none"), {QStringLiteral("/h")}).isEmpty());
    const QList<SshConfigFile> named = sshConfigFilesLibsshReads(
        QStringLiteral("/etc/x.conf"), {QStringLiteral("/h"), QStringLiteral("/a")});
    QCOMPARE(named.size(), 1);
    QCOMPARE(named[0].path, QStringLiteral("/etc/x.conf"));
    QCOMPARE(named[0].includeBase, QStringLiteral("/h/.ssh"));
    const QList<SshConfigFile> all =
        sshConfigFilesLibsshReads(QString(), {QStringLiteral("/h"), QStringLiteral("/a")});
    QStringList paths;
    for (const SshConfigFile &f : all)
        paths << f.path;
    QCOMPARE(paths, (QStringList{QStringLiteral("/h/.ssh/config"), QStringLiteral("/a/.ssh/config"),
                                 QStringLiteral("/etc/ssh/ssh_config"),
                                 QStringLiteral("/etc/libssh/libssh_client.config")}));
}

void tst_SshConfigScan::setsHostKeyAlgorithms()
{
    write(QStringLiteral("plain"), "Host *\n  User me\n");
    write(QStringLiteral("sets"), "Host *\n  HostKeyAlgorithms ssh-ed25519\n");
    write(QStringLiteral("sets-lower"), "host x\n\thostkeyalgorithms=ssh-rsa\n");
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("plain"))}));
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("sets"))}));
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("sets-lower"))}));
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("missing"))}));
    QVERIFY(
        sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("plain")), config(QStringLiteral("sets"))}));
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({}));
}

void tst_SshConfigScan::followsIncludes()
{
    write(QStringLiteral("conf.d/10-plain.conf"), "User me\n");
    write(QStringLiteral("conf.d/20-sets.conf"), "HostKeyAlgorithms ssh-ed25519\n");
    write(QStringLiteral("conf.d/other"), "HostKeyAlgorithms ssh-ed25519\n");
    write(QStringLiteral("glob"), "Include conf.d/*.conf\n");
    write(QStringLiteral("relative-plain"), "Include conf.d/10-plain.conf\n");
    write(QStringLiteral("absolute"),
          "Include=" + m_dir.filePath(QStringLiteral("conf.d/other")).toUtf8() + '\n');
    write(QStringLiteral("tab"), "Include\tconf.d/10-plain.conf conf.d/20-sets.conf\n");
    write(QStringLiteral("includes-word"), "IncludeSomething conf.d/20-sets.conf\n"); // not an Include
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("glob"))}));
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("relative-plain"))}));
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("absolute"))}));
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("tab"))}));
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("includes-word"))}));
}

void tst_SshConfigScan::inDoubtSaysYes()
{
    write(QStringLiteral("quoted"), "Include \"conf.d/10-plain.conf\"\n");
    write(QStringLiteral("wild-dir"), "Include */10-plain.conf\n");
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("quoted"))}));
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("wild-dir"))}));
    // more files than anyone writes
    for (int i = 0; i < 70; ++i)
        write(QStringLiteral("many/%1.conf").arg(i, 2, 10, QLatin1Char('0')), "User me\n");
    write(QStringLiteral("many-root"), "Include many/*.conf\n");
    QVERIFY(sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("many-root"))}));
}

void tst_SshConfigScan::includeLoopEnds()
{
    write(QStringLiteral("loop-a"), "Include loop-b\n");
    write(QStringLiteral("loop-b"), "Include loop-a\nUser me\n");
    QVERIFY(!sshConfigSetsHostKeyAlgorithms({config(QStringLiteral("loop-a"))}));
}

void tst_SshConfigScan::algorithmOrder()
{
    const QByteArray defaults = hostKeyAlgorithmOrder({});
    QVERIFY(defaults.startsWith("ssh-ed25519,"));
    QVERIFY(defaults.endsWith(",rsa-sha2-512,rsa-sha2-256"));
    // an RSA key: its SHA-2 signatures first; unknown types left out; no duplicates
    const QByteArray rsa = hostKeyAlgorithmOrder({"ssh-rsa", "ssh-dss", "ssh-ed25519"});
    QVERIFY(rsa.startsWith("rsa-sha2-512,rsa-sha2-256,ssh-ed25519,ecdsa-sha2-nistp521"));
    QVERIFY(!rsa.contains("ssh-dss"));
    QCOMPARE(rsa.split(',').size(), defaults.split(',').size());
    QVERIFY(hostKeyAlgorithmOrder({"ecdsa-sha2-nistp256"}).startsWith("ecdsa-sha2-nistp256,ssh-ed25519,"));
}

// Issue #16 item 7: only the last IdentityFile line was tried (libssh's getter answers one). Every line that
// applies, in OpenSSH's order, Includes in place, tokens expanded.
void tst_SshConfigScan::everyIdentityFileInOrder()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("conf.d"))));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("config"), "IdentityFile /keys/global\n"
                                    "Host web* !web9\n"
                                    "  IdentityFile ~/.ssh/k1\n"
                                    "  Include conf.d/*.conf\n"
                                    "Host other\n"
                                    "  IdentityFile /keys/other\n"
                                    "Match host foo\n"
                                    "  IdentityFile /keys/match\n"
                                    "Match all\n"
                                    "  IdentityFile=\"/keys/%h_%r_%p_%n_%%\"\n"
                                    "Host *\n"
                                    "  IdentityFile none\n"
                                    "  IdentityFile %d/.ssh/k2\n");
    write(QStringLiteral("conf.d/a.conf"),
          "IdentityFile /keys/included\nHost nothing\nIdentityFile /keys/no\n");
    const QList<SshConfigFile> files{{dir.filePath(QStringLiteral("config")), dir.path()}};
    QCOMPARE(sshConfigIdentityFiles(
                 files, {QStringLiteral("WEB1"), QStringLiteral("10.0.0.1"), QStringLiteral("bob"), 2222}),
             (QStringList{QStringLiteral("/keys/global"), QDir::homePath() + QStringLiteral("/.ssh/k1"),
                          QStringLiteral("/keys/included"), QStringLiteral("/keys/10.0.0.1_bob_2222_WEB1_%"),
                          QDir::homePath() + QStringLiteral("/.ssh/k2")}));
    // a negated pattern takes the block away
    QCOMPARE(
        sshConfigIdentityFiles(files, {QStringLiteral("web9"), QStringLiteral("h"), QStringLiteral("u"), 22}),
        (QStringList{QStringLiteral("/keys/global"), QStringLiteral("/keys/h_u_22_web9_%"),
                     QDir::homePath() + QStringLiteral("/.ssh/k2")}));
}

QTEST_GUILESS_MAIN(tst_SshConfigScan)
#include "tst_sshconfigscan.moc"
