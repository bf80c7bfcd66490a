#include "sshconfigscan.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <pwd.h>
#include <unistd.h>

#include <deque>
#include <mutex>

namespace lw::ssh {

bool isSafeHostToken(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('-')))
        return false;
    for (QChar c : s) {
        const bool ok = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ||
                        c == QLatin1Char('_') || c == QLatin1Char(':') || c == QLatin1Char('%');
        if (!ok)
            return false;
    }
    return true;
}

QString expandHome(QString path)
{
    path.replace(QStringLiteral("%d"), QDir::homePath());
    if (path.startsWith(QStringLiteral("~/")))
        path = QDir::homePath() + path.mid(1);
    return path;
}

const QString &accountHomeDir()
{
    static const QString home = [] {
        passwd account{};
        passwd *found = nullptr;
        char buffer[4096];
        if (::getpwuid_r(::getuid(), &account, buffer, sizeof buffer, &found) == 0 && found && found->pw_dir)
            return QFile::decodeName(found->pw_dir);
        return QString();
    }();
    return home;
}

QList<SshConfigFile> sshConfigFilesLibsshReads(const QString &sshConfigFile, const QStringList &homes)
{
    if (sshConfigFile == QLatin1String("none") || homes.isEmpty())
        return {};
    if (!sshConfigFile.isEmpty())
        return {{expandHome(sshConfigFile), homes.first() + QStringLiteral("/.ssh")}};
    QList<SshConfigFile> files;
    for (const QString &home : homes)
        files.append({home + QStringLiteral("/.ssh/config"), home + QStringLiteral("/.ssh")});
    files.append({QStringLiteral("/etc/ssh/ssh_config"), QStringLiteral("/etc/ssh")});
    files.append({QStringLiteral("/etc/libssh/libssh_client.config"), QStringLiteral("/etc/libssh")});
    return files;
}

namespace {

// The files one Include line names, queued behind the others; false when in doubt (not followed here).
bool queueIncludes(const QByteArray &raw, const QString &base, std::deque<SshConfigFile> &pending)
{
    for (const QByteArray &word : raw.trimmed().mid(8).simplified().split(' ')) {
        QString pattern = expandHome(QString::fromUtf8(word));
        if (!pattern.startsWith(u'/'))
            pattern = base + u'/' + pattern;
        const QFileInfo info(pattern);
        const QString dir = info.path();
        if (word.contains('"') || dir.contains(u'*') || dir.contains(u'?') || dir.contains(u'['))
            return false; // quotes, or wildcards above the file name
        const QStringList matches =
            QDir(dir).entryList({info.fileName()}, QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
        for (const QString &match : matches)
            pending.push_back({dir + u'/' + match, base});
    }
    return true;
}

// Whether the file sets HostKeyAlgorithms (or is in doubt); its Includes queued behind the others.
bool fileSetsHostKeyAlgorithms(const SshConfigFile &config, std::deque<SshConfigFile> &pending)
{
    QFile file(config.path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = file.read(1 << 20).split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed().toLower();
        if (line.startsWith("hostkeyalgorithms"))
            return true;
        if (!line.startsWith("include") || line.size() < 8 ||
            !(line[7] == ' ' || line[7] == '\t' || line[7] == '='))
            continue;
        if (!queueIncludes(raw, config.includeBase, pending))
            return true;
    }
    return false;
}

} // namespace

namespace {

bool hostPatternMatches(const QString &pattern, const QString &alias)
{
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(alias).hasMatch();
}

// "Host p1 !p2 ...": applies if a positive pattern matches and no negated one does.
bool hostLineApplies(const QStringList &patterns, const QString &alias)
{
    bool matched = false;
    for (const QString &p : patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (hostPatternMatches(p.mid(1), alias))
                return false;
        } else if (hostPatternMatches(p, alias)) {
            matched = true;
        }
    }
    return matched;
}

QString expandIdentityTokens(QString path, const SshConfigHost &host)
{
    if (path.startsWith(QStringLiteral("~/")))
        path = QDir::homePath() + path.mid(1);
    QString out;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i) != QLatin1Char('%') || i + 1 >= path.size()) {
            out += path.at(i);
            continue;
        }
        const QChar token = path.at(++i);
        switch (token.unicode()) {
        case '%':
            out += QLatin1Char('%');
            break;
        case 'd':
            out += QDir::homePath();
            break;
        case 'h':
            out += host.hostName;
            break;
        case 'r':
            out += host.user;
            break;
        case 'n':
            out += host.alias;
            break;
        case 'p':
            out += QString::number(host.port);
            break;
        case 'i':
            out += QString::number(::getuid());
            break;
        case 'u': {
            passwd account{};
            passwd *found = nullptr;
            char buffer[4096];
            if (::getpwuid_r(::getuid(), &account, buffer, sizeof buffer, &found) == 0 && found)
                out += QFile::decodeName(found->pw_name);
            break;
        }
        default:
            out += QLatin1Char('%') + token;
        }
    }
    return out;
}

// The words of a config line after its keyword ("Keyword value", "Keyword=value"); quotes removed.
QStringList configArguments(const QString &rest)
{
    QStringList out;
    QString word;
    bool quoted = false, any = false;
    for (const QChar c : rest) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
        } else if (!quoted && (c == QLatin1Char(' ') || c == QLatin1Char('\t'))) {
            if (any || !word.isEmpty())
                out << word;
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        out << word;
    return out;
}

struct IdentityScan
{
    const SshConfigHost &host;
    QStringList found;
    int files = 0;

    // One file, Includes read in place. `active`: whether the lines before the first Host/Match apply.
    void read(const QString &path, const QString &includeBase, bool active, int depth)
    {
        if (depth > 16 || ++files > 64)
            return;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &rawLine : file.read(1 << 20).split('\n')) {
            const QString line = QString::fromUtf8(rawLine).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            static const QRegularExpression kv(QStringLiteral("^(\\S+?)\\s*(?:=|\\s)\\s*(.*)$"));
            const QRegularExpressionMatch m = kv.match(line);
            if (!m.hasMatch())
                continue;
            const QString keyword = m.captured(1).toLower();
            const QStringList args = configArguments(m.captured(2));
            if (keyword == QLatin1String("host")) {
                active = hostLineApplies(args, host.alias);
            } else if (keyword == QLatin1String("match")) {
                active =
                    args.size() == 1 && args.first().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
            } else if (keyword == QLatin1String("identityfile") && active && !args.isEmpty()) {
                if (args.first().compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
                    found << expandIdentityTokens(args.first(), host);
            } else if (keyword == QLatin1String("include") && active) {
                for (const QString &word : args) {
                    QString pattern = expandIdentityTokens(word, host);
                    if (!pattern.startsWith(QLatin1Char('/')))
                        pattern = includeBase + QLatin1Char('/') + pattern;
                    const QFileInfo info(pattern);
                    const QStringList matches =
                        QDir(info.path())
                            .entryList({info.fileName()}, QDir::Files | QDir::Hidden | QDir::System,
                                       QDir::Name);
                    for (const QString &match : matches)
                        read(info.path() + QLatin1Char('/') + match, includeBase, true, depth + 1);
                }
            }
        }
    }
};

} // namespace

QStringList sshConfigIdentityFiles(const QList<SshConfigFile> &files, const SshConfigHost &host)
{
    IdentityScan scan{host, {}, 0};
    for (const SshConfigFile &file : files)
        scan.read(file.path, file.includeBase, true, 0);
    scan.found.removeDuplicates();
    return scan.found;
}

bool sshConfigSetsHostKeyAlgorithms(const QList<SshConfigFile> &files)
{
    std::deque<SshConfigFile> pending(files.begin(), files.end());
    QSet<QString> seen;
    while (!pending.empty()) {
        const SshConfigFile config = pending.front();
        pending.pop_front();
        if (seen.contains(config.path))
            continue;
        seen.insert(config.path);
        if (seen.size() > 64)
            return true; // more than anyone writes: in doubt
        if (fileSetsHostKeyAlgorithms(config, pending))
            return true;
    }
    return false;
}

bool hostKeyAlgorithmsConfigured(const QString &sshConfigFile)
{
    if (sshConfigFile == QLatin1String("none"))
        return false;
    static std::mutex cacheMutex;
    static QString cachedFor;
    static QElapsedTimer cachedAt;
    static bool cached = false;
    {
        std::lock_guard lock(cacheMutex);
        if (cachedAt.isValid() && cachedFor == sshConfigFile && cachedAt.elapsed() < 10000)
            return cached;
    }
    QStringList homes{QDir::homePath()};
    if (!accountHomeDir().isEmpty() && !homes.contains(accountHomeDir()))
        homes << accountHomeDir();
    const bool configured = sshConfigSetsHostKeyAlgorithms(sshConfigFilesLibsshReads(sshConfigFile, homes));
    std::lock_guard lock(cacheMutex);
    cachedFor = sshConfigFile;
    cachedAt.start();
    cached = configured;
    return configured;
}

QByteArray hostKeyAlgorithmOrder(const QList<QByteArray> &knownTypes)
{
    static const QList<QByteArray> defaults{"ssh-ed25519",
                                            "ecdsa-sha2-nistp521",
                                            "ecdsa-sha2-nistp384",
                                            "ecdsa-sha2-nistp256",
                                            "sk-ssh-ed25519@openssh.com",
                                            "sk-ecdsa-sha2-nistp256@openssh.com",
                                            "rsa-sha2-512",
                                            "rsa-sha2-256"};
    QList<QByteArray> order;
    for (const QByteArray &type : knownTypes) {
        const QList<QByteArray> algorithms =
            type == "ssh-rsa" ? QList<QByteArray>{"rsa-sha2-512", "rsa-sha2-256"} : QList<QByteArray>{type};
        for (const QByteArray &a : algorithms) {
            if (defaults.contains(a) && !order.contains(a))
                order << a;
        }
    }
    for (const QByteArray &a : defaults) {
        if (!order.contains(a))
            order << a;
    }
    return order.join(',');
}

} // namespace lw::ssh
