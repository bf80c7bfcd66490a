#pragma once

#include "sshtypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw::ssh {

// OpenSSH known_hosts files, parsed by us (libssh ignores @revoked). Supports plain names, [host]:port,
// comma lists, hashed |1|salt|hash entries, negation !pattern, wildcards * and ?, @revoked;
// @cert-authority lines are ignored (we never accept certificates as host keys).
class KnownHosts
{
public:
    enum class Match { Known, Unknown, Changed, Revoked };

    // Missing files are not an error (an empty set); unparsable lines are skipped.
    static KnownHosts load(const QStringList &files);

    // keyType "ssh-ed25519", keyBlob the decoded (binary) public key blob. Revoked wins over Known;
    // Changed means the host has known keys, none of which is this one (any key type).
    Match check(const QString &host, int port, const QByteArray &keyType, const QByteArray &keyBlob) const;
    // The key types known for this host (revoked entries aside), in file order, each once: the host key
    // algorithms to ask for first, so that a server with several keys shows the one we know.
    QList<QByteArray> keyTypes(const QString &host, int port) const;
    // The keys known_hosts holds for this host (revoked entries aside), each once in file order, as
    // "ssh-ed25519 SHA256:..." like ssh-keygen -lf: what a changed key is compared with.
    QStringList knownFingerprints(const QString &host, int port) const;
    // The entries naming this host, matched once (a hashed entry costs an HMAC to match): check() and
    // keyTypes() of the result for the same host and port look at those alone.
    KnownHosts forHost(const QString &host, int port) const;

    // Appends "knownHostsHost keyType base64" atomically (exclusive lock file + temp file + rename), so
    // concurrent approvals from many threads and processes never lose or tear a line.
    static bool approve(const QString &file, const HostKeyInfo &key, QString *error);
    // Deletes every non-marker entry naming this host (plain or hashed), for an explicit "replace key".
    static bool remove(const QString &file, const QString &host, int port, QString *error);

    // "host" for port 22 (or 0), else "[host]:port"
    static QString hostPattern(const QString &host, int port);
    // The command that removes a host's entries from the known_hosts file in use, quoted for a POSIX
    // shell: ssh-keygen -R 'host' -f 'FILE'. The one spelling of this advice, for the CLI and the console.
    static QString removeCommand(const QString &knownHostsHost, const QString &knownHostsFile);
    // "SHA256:base64" of a key blob (decoded), as ssh-keygen -l prints it.
    static QString fingerprintSha256(const QByteArray &keyBlob);

private:
    struct Entry
    {
        enum class Marker { None, Revoked };
        Marker marker = Marker::None;
        QByteArray hostField; // patterns, comma separated, or |1|salt|hash
        QByteArray keyType;
        QByteArray keyBlob; // decoded
    };
    static KnownHosts parse(const QStringList &files);
    static bool hostFieldMatches(const QByteArray &field, const QByteArray &hostPort);
    bool matches(const Entry &entry, const QByteArray &hostPort) const;
    QList<Entry> m_entries;
    QByteArray m_matchedFor; // forHost: every entry names this host pattern
};

// The device, inode, size and change times of each file ("" for one that cannot be stat'd): a cache of
// what was read from them holds while the signature is the same. *settled is false when a file changed
// within the last two seconds (times are coarse: it could change again unseen), so nothing is cached.
QByteArray fileSignature(const QStringList &files, bool *settled);

} // namespace lw::ssh
