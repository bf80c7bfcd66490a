#pragma once

// Starts tests/lab/lab.sh for one test executable and stops it again. Each executable uses its own
// loopback range (LW_SSH_TEST_LAB_BASE overrides it) so that tests can run in parallel.

#include "sshtypes.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// Skips the whole test case (in initTestCase) where the lab cannot run: it starts sshd hosts in their own
// network, mount and PID namespaces, which takes root.
#define LW_SKIP_UNLESS_LAB_CAN_RUN()                                                                         \
    do {                                                                                                     \
        if (::geteuid() != 0)                                                                                \
            QSKIP("not root: the lab (tests/lab/lab.sh) starts sshd hosts in their own namespaces");         \
    } while (false)

class LabFixture
{
public:
    LabFixture() = default;
    ~LabFixture() { stop(); }

    // scenarios: lab.sh --scenarios (host i gets scenario i % n); returns false with the log in error()
    bool start(const QString &labScript, const QString &defaultBase, const QString &scenarios, int hosts = 0)
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary directory"));
        m_script = labScript;
        m_base = qEnvironmentVariable("LW_SSH_TEST_LAB_BASE", defaultBase);
        QStringList args{QStringLiteral("start"),
                         QStringLiteral("--dir"),
                         m_dir.path(),
                         QStringLiteral("--scenarios"),
                         scenarios,
                         QStringLiteral("--base"),
                         m_base};
        if (hosts > 0)
            args << QStringLiteral("--hosts") << QString::number(hosts);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_script, args);
        m_started = true; // stop() even after a failed start: it kills whatever was started
        if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return fail(QStringLiteral("lab.sh start failed (exit %1): %2")
                            .arg(p.exitCode())
                            .arg(QString::fromLocal8Bit(p.readAll())));
        m_started = true;
        return true;
    }

    void stop()
    {
        if (!m_started)
            return;
        m_started = false;
        waitForShellStartups();
        QProcess p;
        p.start(m_script, {QStringLiteral("stop"), QStringLiteral("--dir"), m_dir.path()});
        p.waitForFinished(60000);
    }

    QString dir() const { return m_dir.path(); }
    // Connecting to the lab as root with its key and known_hosts only: no agent, no ssh config, no global
    // file.
    lw::ssh::SshOptions sshOptions() const
    {
        lw::ssh::SshOptions o;
        o.knownHostsFile = file(QStringLiteral("known_hosts"));
        o.globalKnownHostsFile.clear();
        o.sshConfigFile = QStringLiteral("none");
        o.identityFiles = {file(QStringLiteral("id_ed25519"))};
        o.useAgent = false;
        o.defaultUser = QStringLiteral("root");
        return o;
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QString error() const { return m_error; }
    // The i-th address of the lab (base + i), as lab.sh assigns them.
    QString address(int i) const
    {
        const QStringList parts = m_base.split(QLatin1Char('.'));
        quint32 v = (parts.value(0).toUInt() << 24) | (parts.value(1).toUInt() << 16) |
                    (parts.value(2).toUInt() << 8) | parts.value(3).toUInt();
        v += quint32(i);
        return QStringLiteral("%1.%2.%3.%4")
            .arg(v >> 24)
            .arg((v >> 16) & 255)
            .arg((v >> 8) & 255)
            .arg(v & 255);
    }

private:
    // Stopping the lab SIGKILLs its PID namespaces. A remote shell killed while its ~/.bashrc runs
    // `pyenv rehash` leaves pyenv's lock file behind, and every later shell on this machine then waits 60 s
    // for it. So give running rehashes a few seconds to finish first.
    static void waitForShellStartups()
    {
        for (int i = 0; i < 50; ++i) {
            QProcess p;
            p.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("pyenv-rehash")});
            if (!p.waitForFinished(5000) || p.exitCode() != 0)
                return;
            QTest::qWait(200);
        }
    }

    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }
    QTemporaryDir m_dir{QStringLiteral("/tmp/lw-ssh-test-XXXXXX")};
    QString m_script, m_base, m_error;
    bool m_started = false;
};
