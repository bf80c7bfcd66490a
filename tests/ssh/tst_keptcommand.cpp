// The pure rules of a kept command and the shell programs src/ssh sends, without a server: the texts are run
// by the local shells.
#include "keptcommand.h"
#include "remoteprograms.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace lw::ssh;

class tst_KeptCommand : public QObject
{
    Q_OBJECT
private slots:
    void plainWords();
    void pidLine();
    void startPerLaunch();
    void openingInput();
    void keptCommandLineUnderEveryLoginShell();
    void killChildOnlyUnderItsParent();
};

void tst_KeptCommand::plainWords()
{
    QVERIFY(isPlainWords("sh -s -- - 0 serve"));
    QVERIFY(isPlainWords("/usr/bin/env A=b c_d.e"));
    QVERIFY(!isPlainWords(""));
    QVERIFY(!isPlainWords("   "));
    for (const char *special : {"a;b", "a|b", "$x", "a'b", "a\"b", "a\\b", "a\tb", "a\nb", "a*", "a&", "`a`"})
        QVERIFY2(!isPlainWords(special), special);
}

void tst_KeptCommand::pidLine()
{
    QCOMPARE(keptPid("lw-kept-pid 1234\n"), QByteArray("1234"));
    QCOMPARE(keptPid("lw-kept-pid 1234"), QByteArray());   // not a whole line yet
    QCOMPARE(keptPid("lw-kept-pid 1\n"), QByteArray());    // never init
    QCOMPARE(keptPid("lw-kept-pid 0012\n"), QByteArray()); // not as a shell prints it
    QCOMPARE(keptPid("lw-kept-pid 12 3\n"), QByteArray());
    QCOMPARE(keptPid("lw-kept-pid -5\n"), QByteArray());
    QCOMPARE(keptPid("other 1234\n"), QByteArray());
}

void tst_KeptCommand::startPerLaunch()
{
    const KeptStart shell = keptStart("echo $HOME", KeptLaunch::ShellCommand);
    QCOMPARE(shell.request, keptCommandLine("echo $HOME", false));
    QVERIFY(!shell.subsystem);
    QVERIFY(shell.expectPidLine);
    QVERIFY(shell.prologue.isEmpty());

    QCOMPARE(keptStart("sh -s", KeptLaunch::PlainCommand).request, keptCommandLine("sh -s", true));
    QCOMPARE(keptStart("sh -s", KeptLaunch::ShellCommand).request, keptCommandLine("sh -s", false));
    // not plain words: evaluated by sh, whatever was asked
    QCOMPARE(keptStart("a; b", KeptLaunch::PlainCommand).request, keptCommandLine("a; b", false));
    const KeptStart notPlainStdin = keptStart("a; b", KeptLaunch::StdinShell);
    QCOMPARE(notPlainStdin.request, keptCommandLine("a; b", false));
    QVERIFY(notPlainStdin.prologue.isEmpty());

    const KeptStart stdinShell = keptStart("sh -s -- x", KeptLaunch::StdinShell);
    QCOMPARE(stdinShell.request, QByteArray("exec sh -s -- x"));
    QCOMPARE(stdinShell.prologue, keptStdinShellPrologue());
    QVERIFY(stdinShell.expectPidLine);

    const KeptStart sftp = keptStart("sftp", KeptLaunch::Subsystem);
    QCOMPARE(sftp.request, QByteArray("sftp"));
    QVERIFY(sftp.subsystem);
    QVERIFY(!sftp.expectPidLine);
    QVERIFY(sftp.prologue.isEmpty());
}

void tst_KeptCommand::openingInput()
{
    KeptExecRequest request;
    request.openInput = "script\n";
    request.input = "ask\n";
    const KeptStart stdinShell = keptStart("sh -s", KeptLaunch::StdinShell);
    QCOMPARE(keptOpeningInput(stdinShell, request), keptStdinShellPrologue() + "script\nask\n");
    request.answersOnOpen = true; // the request never lands behind the script
    QCOMPARE(keptOpeningInput(stdinShell, request), keptStdinShellPrologue() + "script\n");
    QCOMPARE(keptOpeningInput(keptStart("sftp", KeptLaunch::Subsystem), request), QByteArray("script\n"));
}

void tst_KeptCommand::keptCommandLineUnderEveryLoginShell()
{
    // sshd hands the command line to the user's login shell: it must mean the same to sh, bash, zsh,
    // tcsh and fish (which refuses a bare $$), print the pid line first, and run the command as that pid.
    const QByteArray plain = lw::ssh::keptCommandLine("sh -s", true);
    const QByteArray quoted =
        lw::ssh::keptCommandLine("read -r l; printf '%s %s\\n' \"got $l\" \"it's $$\"", false);
    int shells = 0;
    for (const char *shell : {"sh", "dash", "bash", "zsh", "tcsh", "fish", "busybox"}) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(shell));
        if (path.isEmpty())
            continue;
        ++shells;
        for (const bool isPlain : {true, false}) {
            QProcess p;
            QStringList args{QStringLiteral("-c"), QString::fromUtf8(isPlain ? plain : quoted)};
            if (QByteArray(shell) == "busybox")
                args.prepend(QStringLiteral("sh"));
            p.start(path, args);
            QVERIFY(p.waitForStarted());
            p.write(isPlain ? "echo \"me $$\"\n" : "line\n");
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(10000));
            const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
            const QByteArray context =
                QByteArray(shell) + (isPlain ? " plain: " : " quoted: ") + p.readAllStandardError();
            QVERIFY2(lines.size() >= 2 && lines[0].startsWith("lw-kept-pid "), context.constData());
            const QByteArray pid = lines[0].mid(12);
            QVERIFY2(!pid.isEmpty(), context.constData());
            QCOMPARE(lines[1], isPlain ? "me " + pid : "got line it's " + pid);
        }
        // KeptLaunch::StdinShell: the login shell becomes `sh -s` (same pid, no wrapper process), and
        // the script's first line prints the pid line.
        QProcess p;
        QStringList args{QStringLiteral("-c"),
                         QString::fromUtf8(lw::ssh::keptStdinShellCommandLine("sh -s -- word 1"))};
        if (QByteArray(shell) == "busybox")
            args.prepend(QStringLiteral("sh"));
        p.start(path, args);
        QVERIFY(p.waitForStarted());
        const QByteArray shellPid = QByteArray::number(p.processId());
        p.write(lw::ssh::keptStdinShellPrologue() + "echo \"me $$ $1 $2\"\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        const QByteArray context = QByteArray(shell) + " stdin shell: " + p.readAllStandardError();
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        QVERIFY2(lines.size() >= 2, context.constData());
        QCOMPARE(lines[0], "lw-kept-pid " + shellPid);
        QCOMPARE(lines[1], "me " + shellPid + " word 1");
    }
    QVERIFY(shells >= 3);
}

void tst_KeptCommand::killChildOnlyUnderItsParent()
{
    // A parent shell with a child that has a grandchild; the kill program named with the wrong parent leaves
    // the child alone, named with its parent it takes the child and the grandchild.
    QProcess parent;
    parent.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("sh -c 'sleep 30 & echo $$ $!; wait' & wait")});
    QVERIFY(parent.waitForStarted());
    QVERIFY(parent.waitForReadyRead(5000));
    const QList<QByteArray> pids = parent.readLine().trimmed().split(' ');
    QCOMPARE(pids.size(), 2);
    const QByteArray child = pids[0], grandchild = pids[1];
    const QByteArray parentPid = QByteArray::number(parent.processId());
    const auto alive = [](const QByteArray &pid) { // a zombie is dead too (reaped whenever its reaper likes)
        QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        return !line.mid(line.lastIndexOf(')') + 2).startsWith('Z');
    };
    const auto run = [](const QByteArray &program) {
        QProcess p;
        p.start(QStringLiteral("sh"), {QStringLiteral("-c"), QString::fromUtf8(program)});
        return p.waitForFinished(10000) && p.exitCode() == 0;
    };
    QVERIFY(run(killChildCommand(child, grandchild))); // not its parent: nothing happens
    QVERIFY(alive(child) && alive(grandchild));
    QVERIFY(run(killChildCommand(child, parentPid)));
    QVERIFY(parent.waitForFinished(5000)); // its only child gone, the parent's wait ends
    QElapsedTimer t;
    t.start();
    while (alive(grandchild) && t.elapsed() < 5000)
        QTest::qWait(20);
    QVERIFY(!alive(grandchild));
}

QTEST_GUILESS_MAIN(tst_KeptCommand)
#include "tst_keptcommand.moc"
