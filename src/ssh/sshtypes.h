#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include "canceltoken.h"

#include <functional>

namespace lw::ssh {

// How long a pump waits in poll() at most before it looks at its deadline and its caller's checks again
// (KeptExecRequest::overdueChild); a cancel wakes it at once.
inline constexpr int kCancelSliceMs = 200;

// One host as the user named it. Empty/zero fields are filled from ~/.ssh/config, then defaults.
struct HostTarget
{
    QString name;     // as written in the inventory / ssh config alias
    QString hostName; // empty: from ~/.ssh/config or name
    int port = 0;     // 0: from config, else 22
    QString user;
    // The name looked up in the ssh config (Host blocks) when `name` is only a label that tells two entries
    // for one host apart ("root@web1:2222", "web1#2", "[::1]:2299"); empty: name.
    QString configAlias = QString();
};

enum class SshStatus {
    Ok,
    Unreachable,
    AuthFailed,
    HostKeyUnknown,
    HostKeyChanged,
    HostKeyRevoked,
    Timeout,
    Error
};

// "ok", "unreachable", "auth-failed", "host-key-unknown", "host-key-changed", "host-key-revoked", "timeout",
// "error"
QString sshStatusName(SshStatus status);

// A server's host key as presented, for display and for KnownHosts::approve().
struct HostKeyInfo
{
    QString keyType;           // "ssh-ed25519"
    QString fingerprintSha256; // "SHA256:base64-no-padding", like `ssh-keygen -lf`
    QByteArray publicKeyBase64;
    QString knownHostsHost; // "host" or "[host]:port"
    // For a changed key: what known_hosts holds for the host instead ("ssh-ed25519 SHA256:..."), the
    // fingerprints an admin compares the new one with.
    QStringList knownFingerprints;
};

// ~/.ssh/known_hosts: the user's file where none is given.
QString defaultKnownHostsFile();

struct SshOptions
{
    QString knownHostsFile; // empty: ~/.ssh/known_hosts
    QString globalKnownHostsFile = QStringLiteral("/etc/ssh/ssh_known_hosts");
    QString sshConfigFile; // empty: ~/.ssh/config; "none" to skip
    QStringList identityFiles;
    bool useAgent = true;
    QString defaultUser;
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 60000;
    int hostDeadlineMs = 180000;
    qint64 maxOutputBytes = 4 << 20;
    int keepAliveIntervalSec = 30;
    int maxConcurrent = 32;
    int connectRetries = 2;

    // The user's known_hosts file these options mean: knownHostsFile, or ~/.ssh/known_hosts.
    QString userKnownHostsFile() const;
};

struct ConnectResult
{
    SshStatus status = SshStatus::Error;
    QString message;     // translated
    HostKeyInfo hostKey; // set for HostKeyUnknown/Changed
};

enum class OutputStream { Stdout, Stderr };

struct ExecRequest
{
    QByteArray command;
    QByteArray stdinData;      // written, then EOF
    int timeoutMs = 0;         // 0: options
    qint64 maxOutputBytes = 0; // 0: options (per stream)
    // Called in the worker thread as data arrives (also past the cap, where the data is not kept).
    std::function<void(OutputStream, QByteArrayView)> onOutput;
    CancelToken cancel; // cancel() ends the exec at once (status Error, "Cancelled")
};

struct ExecResult
{
    SshStatus status =
        SshStatus::Error; // Ok = channel ran to completion; Timeout; Error (e.g. connection dropped)
    bool exitKnown = false;
    int exitStatus = -1;
    QString exitSignal; // "KILL", "TERM", ... (without "SIG")
    QByteArray stdoutData, stderrData;
    bool truncated = false;
    qint64 durationMs = 0;
    QString message; // translated
};

// How execKept starts a kept command (KeptExecRequest::launch). A command that is not plain words (letters,
// digits, blanks and - _ . / =) falls back from PlainCommand and StdinShell to ShellCommand.
enum class KeptLaunch {
    // sh evaluates the command text (keptCommandLine): any shell syntax.
    ShellCommand,
    // The command is one simple command of plain words (e.g. "sh -s -- - 0 serve"): sh execs it instead of
    // evaluating it (keptCommandLine): no second shell.
    PlainCommand,
    // The command is a POSIX sh of plain words reading its script from stdin (e.g. "sh -s -- - 0 serve"): the
    // login shell execs it directly and the pid line is the first line of openInput's script
    // (keptStdinShellCommandLine): one process less than keptCommandLine's `sh -c`.
    StdinShell,
    // The command is the name of an SSH subsystem (e.g. "sftp"), started with a subsystem request instead of
    // a command: no shell and no pid line; a timeout or cancel only closes the channel.
    Subsystem,
};

// One request on a kept channel (SshConnection::execKept): a long-lived remote command (e.g. a shell
// reading requests from stdin) that answers request after request on the same channel.
struct KeptExecRequest
{
    QByteArray key; // names the kept channel on this connection (e.g. "probe-shell"); one per key
    // Run when the channel has to be opened (first use, or the old one is gone), as `launch` says: by default
    // by sh (keptCommandLine: the same under any login shell) behind one line of execKept's own on stdout
    // (the pid that a timeout or cancel kills), which the caller never sees.
    QByteArray command;
    QByteArray openInput; // written to stdin once, right after opening (e.g. a script); never EOF
    QByteArray input;     // written to stdin for this request (after openInput when just opened)
    // The command gives its first reply by itself once it has openInput (the probe bundle runs a full probe
    // at start): `input` is then written only to a reused channel, never right behind openInput (where a
    // shell still reading its script could take it for script text).
    bool answersOnOpen = false;
    KeptLaunch launch = KeptLaunch::ShellCommand;
    // Called with everything read for this request so far, after each read; true = the reply is
    // complete. Each call's data extends the last call's, except when the request starts over on a new
    // channel (the kept one was closed before the request reached it): then it is first called with
    // nothing, its answer unused. Bytes that arrive after it said true (between requests) are prepended
    // to the next request's data: the protocol is strictly request/reply, so they mean the caller's
    // reply format and its complete() disagree.
    std::function<bool(QByteArrayView stdoutSoFar, QByteArrayView stderrSoFar)> complete;
    int timeoutMs = 0;         // 0: options.commandTimeoutMs
    qint64 maxOutputBytes = 0; // 0: options (per stream, per request); over it the channel is closed
    qint64 maxStderrBytes = 0; // 0: as maxOutputBytes; stderr's own limit (same effect)
    std::function<void(OutputStream, QByteArrayView)> onOutput; // optional, as ExecRequest
    // Optional, asked at least every ~200 ms while the reply is read: the pid (digits) of a child of the
    // kept command to kill now (e.g. a probe past its time), or empty. It is killed (SIGKILL) from a second
    // channel only if its parent is still the kept command; the request goes on reading.
    std::function<QByteArray()> overdueChild;
    CancelToken cancel; // cancel() ends the request at once and closes the channel, as a timeout does
};

struct KeptExecResult : ExecResult
{
    bool reused = false; // true: the channel already existed and had completed an earlier request
    // Names the remote command that answered (unique in this process, never 0): equal serials, the same
    // remote process; see SshConnection::keptSerial().
    quint64 serial = 0;
};

} // namespace lw::ssh
