#include "knownhosts.h"

#include "sshtr.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lw::ssh {

namespace {

// fnmatch-like glob of OpenSSH's match_pattern(): '*' any run, '?' one character, no escapes.
bool globMatches(const char *pattern, const char *text)
{
    for (;;) {
        if (*pattern == '\0')
            return *text == '\0';
        if (*pattern == '*') {
            while (*pattern == '*')
                ++pattern;
            if (*pattern == '\0')
                return true;
            for (; *text != '\0'; ++text) {
                if (globMatches(pattern, text))
                    return true;
            }
            return false;
        }
        if (*text == '\0')
            return false;
        if (*pattern != '?' && *pattern != *text)
            return false;
        ++pattern;
        ++text;
    }
}

bool isBase64(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    for (char c : data) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '+' || c == '/' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

bool isPrintableToken(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    for (char c : data) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f)
            return false;
    }
    return true;
}

// Splits a known_hosts line into whitespace-separated fields (at most `max`; the last keeps the rest).
QList<QByteArray> splitFields(const QByteArray &line, int max)
{
    QList<QByteArray> fields;
    int i = 0;
    const int n = line.size();
    while (i < n && fields.size() < max) {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= n)
            break;
        int j = i;
        while (j < n && line[j] != ' ' && line[j] != '\t')
            ++j;
        fields.append(line.mid(i, j - i));
        i = j;
    }
    return fields;
}

// Holds an exclusive flock on "<file>.lock" for its lifetime. flock() locks belong to the open file
// description, so two threads of one process exclude each other as well as two processes do.
class FileLock
{
public:
    explicit FileLock(const QString &file)
    {
        const QByteArray path = QFile::encodeName(file + QStringLiteral(".lock"));
        m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    bool isLocked() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

bool ensureParentDir(const QString &file, QString *error)
{
    const QFileInfo info(file);
    QDir dir = info.absoluteDir();
    if (dir.exists())
        return true;
    if (!dir.mkpath(QStringLiteral("."))) {
        if (error)
            *error = SshTr::tr("Cannot create the directory %1").arg(dir.path());
        return false;
    }
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

bool readWhole(const QString &file, QByteArray *content, QString *error)
{
    QFile in(file);
    if (!in.exists()) {
        content->clear();
        return true;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = SshTr::tr("Cannot read %1: %2").arg(file, in.errorString());
        return false;
    }
    *content = in.readAll();
    return true;
}

bool writeWhole(const QString &file, const QByteArray &content, QString *error)
{
    QSaveFile out(file); // temp file + rename: readers never see a half-written file
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = SshTr::tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    if (out.write(content) != content.size() || !out.commit()) {
        if (error)
            *error = SshTr::tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace

QString KnownHosts::hostPattern(const QString &host, int port)
{
    if (port == 0 || port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

bool KnownHosts::hostFieldMatches(const QByteArray &field, const QByteArray &hostPort)
{
    if (field.startsWith("|1|")) {
        const QList<QByteArray> parts = field.mid(3).split('|');
        if (parts.size() != 2)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[0]);
        const QByteArray hash = QByteArray::fromBase64(parts[1]);
        if (salt.isEmpty() || hash.isEmpty())
            return false;
        return QMessageAuthenticationCode::hash(hostPort, salt, QCryptographicHash::Sha1) == hash;
    }
    // OpenSSH match_hostname(): any matching negated pattern vetoes the line.
    bool matched = false;
    for (const QByteArray &raw : field.split(',')) {
        const bool negated = raw.startsWith('!');
        const QByteArray pattern = (negated ? raw.mid(1) : raw).toLower();
        if (pattern.isEmpty())
            continue;
        if (globMatches(pattern.constData(), hostPort.constData())) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

// What a file looked like when it was parsed: any change (approve() renames a new file in place, an editor
// rewrites it) gives another signature.
QByteArray fileSignature(const QStringList &files, bool *settled)
{
    // File times are coarse (one clock tick): a file changed within the last two seconds could change again
    // with the same times and size, so such a parse is not kept ("racy" files, as git calls them).
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    *settled = true;
    QByteArray signature;
    for (const QString &file : files) {
        struct stat st;
        const QByteArray path = QFile::encodeName(file);
        signature += path;
        if (!file.isEmpty() && ::stat(path.constData(), &st) == 0) {
            signature += '|' + QByteArray::number(qulonglong(st.st_dev)) + ':' +
                         QByteArray::number(qulonglong(st.st_ino)) + ':' +
                         QByteArray::number(qlonglong(st.st_size)) + ':' +
                         QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.' +
                         QByteArray::number(qlonglong(st.st_mtim.tv_nsec)) + ':' +
                         QByteArray::number(qlonglong(st.st_ctim.tv_sec)) + '.' +
                         QByteArray::number(qlonglong(st.st_ctim.tv_nsec));
            if (now - qint64(std::max(st.st_mtim.tv_sec, st.st_ctim.tv_sec)) < 2)
                *settled = false;
        }
        signature += '\n';
    }
    return signature;
}

KnownHosts KnownHosts::load(const QStringList &files)
{
    // Every connection checks its host key: a sweep of N hosts would parse the same files N times. The last
    // parse is kept while the files' signatures are unchanged (a copy of the entry list is shared, not
    // copied).
    static QMutex cacheMutex;
    static QByteArray cachedSignature;
    static KnownHosts cached;
    bool settled = false;
    const QByteArray signature = fileSignature(files, &settled);
    {
        QMutexLocker lock(&cacheMutex);
        if (!cachedSignature.isEmpty() && signature == cachedSignature)
            return cached;
    }
    KnownHosts result = parse(files);
    QMutexLocker lock(&cacheMutex);
    cachedSignature = settled ? signature : QByteArray();
    cached = settled ? result : KnownHosts();
    return result;
}

KnownHosts KnownHosts::parse(const QStringList &files)
{
    KnownHosts result;
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = in.readAll().split('\n');
        for (QByteArray line : lines) {
            line = line.trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            Entry entry;
            if (line.startsWith('@')) {
                const QList<QByteArray> f = splitFields(line, 5);
                if (f.size() < 4 || f[0] != "@revoked")
                    continue; // @cert-authority (we never accept certificates) or an unknown marker
                entry.marker = Entry::Marker::Revoked;
                entry.hostField = f[1];
                entry.keyType = f[2];
                entry.keyBlob = QByteArray::fromBase64(f[3]);
                if (!isBase64(f[3]))
                    continue;
            } else {
                const QList<QByteArray> f = splitFields(line, 4);
                if (f.size() < 3 || !isBase64(f[2]))
                    continue;
                entry.hostField = f[0];
                entry.keyType = f[1];
                entry.keyBlob = QByteArray::fromBase64(f[2]);
            }
            if (entry.keyBlob.isEmpty())
                continue;
            result.m_entries.append(entry);
        }
    }
    return result;
}

KnownHosts::Match KnownHosts::check(const QString &host, int port, const QByteArray &keyType,
                                    const QByteArray &keyBlob) const
{
    const QByteArray hostPort = hostPattern(host.toLower(), port).toUtf8();
    bool known = false;
    bool other = false;
    for (const Entry &e : m_entries) {
        if (!matches(e, hostPort))
            continue;
        const bool same = e.keyType == keyType && e.keyBlob == keyBlob;
        if (e.marker == Entry::Marker::Revoked) {
            if (e.keyBlob == keyBlob)
                return Match::Revoked;
            continue;
        }
        if (same)
            known = true;
        else
            other = true;
    }
    if (known)
        return Match::Known;
    return other ? Match::Changed : Match::Unknown;
}

QList<QByteArray> KnownHosts::keyTypes(const QString &host, int port) const
{
    const QByteArray hostPort = hostPattern(host.toLower(), port).toUtf8();
    QList<QByteArray> types;
    for (const Entry &e : m_entries) {
        if (e.marker == Entry::Marker::None && !types.contains(e.keyType) && matches(e, hostPort))
            types << e.keyType;
    }
    return types;
}

QStringList KnownHosts::knownFingerprints(const QString &host, int port) const
{
    const QByteArray hostPort = hostPattern(host.toLower(), port).toUtf8();
    QStringList known;
    for (const Entry &e : m_entries) {
        if (e.marker != Entry::Marker::None || !matches(e, hostPort))
            continue;
        const QString line = QString::fromLatin1(e.keyType) + QLatin1Char(' ') + fingerprintSha256(e.keyBlob);
        if (!known.contains(line))
            known << line;
    }
    return known;
}

QString KnownHosts::fingerprintSha256(const QByteArray &keyBlob)
{
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::OmitTrailingEquals));
}

namespace {

// A word for a POSIX shell: as it is when it holds only safe characters, else in single quotes ("[::1]:2222"
// too: brackets are a glob).
QString shellWord(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString KnownHosts::removeCommand(const QString &knownHostsHost, const QString &knownHostsFile)
{
    return QStringLiteral("ssh-keygen -R %1 -f %2").arg(shellWord(knownHostsHost), shellWord(knownHostsFile));
}

KnownHosts KnownHosts::forHost(const QString &host, int port) const
{
    KnownHosts result;
    result.m_matchedFor = hostPattern(host.toLower(), port).toUtf8();
    for (const Entry &e : m_entries) {
        if (matches(e, result.m_matchedFor))
            result.m_entries << e;
    }
    return result;
}

bool KnownHosts::matches(const Entry &entry, const QByteArray &hostPort) const
{
    return (!m_matchedFor.isEmpty() && hostPort == m_matchedFor) ||
           hostFieldMatches(entry.hostField, hostPort);
}

bool KnownHosts::approve(const QString &file, const HostKeyInfo &key, QString *error)
{
    const QByteArray host = key.knownHostsHost.toUtf8();
    const QByteArray type = key.keyType.toUtf8();
    if (!isPrintableToken(host) || host.startsWith('@') || host.startsWith('#') || !isPrintableToken(type) ||
        !isBase64(key.publicKeyBase64)) {
        if (error)
            *error = SshTr::tr("Refusing to write a malformed host key entry for %1").arg(key.knownHostsHost);
        return false;
    }
    if (!ensureParentDir(file, error))
        return false;
    FileLock lock(file);
    if (!lock.isLocked()) {
        if (error)
            *error = SshTr::tr("Cannot lock %1").arg(file);
        return false;
    }
    QByteArray content;
    if (!readWhole(file, &content, error))
        return false;
    const QByteArray line = host + ' ' + type + ' ' + key.publicKeyBase64;
    for (const QByteArray &existing : content.split('\n')) {
        if (existing.trimmed() == line)
            return true; // already there
    }
    if (!content.isEmpty() && !content.endsWith('\n'))
        content += '\n';
    content += line + '\n';
    return writeWhole(file, content, error);
}

bool KnownHosts::remove(const QString &file, const QString &host, int port, QString *error)
{
    if (!QFile::exists(file))
        return true;
    FileLock lock(file);
    if (!lock.isLocked()) {
        if (error)
            *error = SshTr::tr("Cannot lock %1").arg(file);
        return false;
    }
    QByteArray content;
    if (!readWhole(file, &content, error))
        return false;
    const QByteArray hostPort = hostPattern(host.toLower(), port).toUtf8();
    QByteArray kept;
    bool changed = false;
    QList<QByteArray> lines = content.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QByteArray &line : lines) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#') && !trimmed.startsWith('@')) {
            const QList<QByteArray> f = splitFields(trimmed, 2);
            if (!f.isEmpty() && hostFieldMatches(f[0], hostPort)) {
                changed = true;
                continue;
            }
        }
        kept += line + '\n';
    }
    if (!changed)
        return true;
    return writeWhole(file, kept, error);
}

} // namespace lw::ssh
