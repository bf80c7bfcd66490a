#pragma once

// What we need to know of the user's ssh_config before libssh reads it: whether it sets HostKeyAlgorithms
// (then libssh keeps that list; else we offer the known host's key types first), and the names that may
// reach its ProxyCommand expansions. No libssh: tested without a server (tst_sshconfigscan).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw::ssh {

// Host names and users end up in ProxyCommand %h/%r expansions, which libssh runs through /bin/sh:
// accept only what a host name or user can be, never shell syntax.
bool isSafeHostToken(const QString &s);

// "%d" and a leading "~/" replaced by the home directory ($HOME).
QString expandHome(QString path);

// The account's home directory from the passwd database (getpwuid_r: NSS, /etc/passwd), looked up once per
// process; empty without an entry.
const QString &accountHomeDir();

// A config file to scan and the directory its relative Includes are in.
struct SshConfigFile
{
    QString path;
    QString includeBase;
};

// The files libssh reads for SshOptions::sshConfigFile, in its order: the named file (includes relative to
// the first home's .ssh) or, for an empty name, the user's file under each home (e.g. $HOME and the
// account's home, should they differ), then the system's (Debian's libssh reads /etc/ssh/ssh_config; other
// builds /etc/libssh/libssh_client.config). None for "none".
QList<SshConfigFile> sshConfigFilesLibsshReads(const QString &sshConfigFile, const QStringList &homes);

// Whether one of files, with the files their Include lines name (globs in the file name followed), sets
// HostKeyAlgorithms. Looked at by name only, and "yes" whenever in doubt (an Include we cannot follow:
// quotes, wildcards above the file name; more than 64 files): a "yes" merely leaves the order to libssh, a
// wrong "no" would replace the user's list with ours.
bool sshConfigSetsHostKeyAlgorithms(const QList<SshConfigFile> &files);

// sshConfigSetsHostKeyAlgorithms for the files libssh reads in this process (homes: $HOME, then the
// account's). Cached for a few seconds (a sweep asks once per host); any thread.
bool hostKeyAlgorithmsConfigured(const QString &sshConfigFile);

// What IdentityFile needs to expand its tokens and to pick its Host blocks.
struct SshConfigHost
{
    QString alias;    // as given (Host patterns are matched against it, case-insensitively)
    QString hostName; // %h
    QString user;     // %r
    int port = 22;    // %p
};

// Every IdentityFile line that applies to host, in the order OpenSSH reads them (the files in order,
// each Include in place, its globs expanded; a Host block applies if one of its patterns matches and no
// negated one does; "Match all" applies, other Match blocks are not evaluated and count as not applying),
// with ~, %d, %h, %r, %u, %p, %n, %i and %% expanded. OpenSSH offers them all; libssh's own
// SSH_OPTIONS_IDENTITY getter answers only the last one.
QStringList sshConfigIdentityFiles(const QList<SshConfigFile> &files, const SshConfigHost &host);

// The host key algorithms to offer: those of the keys known for the host first (an RSA key: its SHA-2
// signatures), then libssh 0.10's default list; comma-separated.
QByteArray hostKeyAlgorithmOrder(const QList<QByteArray> &knownTypes);

} // namespace lw::ssh
