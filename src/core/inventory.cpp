#include "inventory.h"

#include "coretr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace lw {

namespace {

QList<QString> splitLines(QByteArrayView text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'));
}

QStringList words(const QString &line)
{
    static const QRegularExpression blanks(QStringLiteral("\\s+")); // compiled once, not for every line
    return line.split(blanks, Qt::SkipEmptyParts);
}

bool isValidHostName(const QString &host)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9._-]*[A-Za-z0-9_])?\\.?$"));
    return name.match(host).hasMatch();
}

bool isValidIpv6(const QString &host)
{
    static const QRegularExpression v6(QStringLiteral("^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$"));
    return host.count(QLatin1Char(':')) >= 2 && v6.match(host).hasMatch();
}

bool isValidUser(const QString &user)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*\\$?$"));
    return re.match(user).hasMatch();
}

bool parsePort(const QString &text, int *port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return false;
    *port = value;
    return true;
}

QString unquote(QString value)
{
    if (value.size() >= 2 && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) ||
                              (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))))) {
        value = value.mid(1, value.size() - 2);
    }
    return value;
}

void addError(Inventory *inventory, int line, const QString &message)
{
    inventory->errors.append(ParseError{line, 0, message});
}

// Merges hosts with the same user, address and port; keeps the first one's position and name.
void mergeDuplicates(Inventory *inventory)
{
    QList<InventoryHost> merged;
    QHash<QString, qsizetype> index;
    for (InventoryHost &host : inventory->hosts) {
        const QString key = host.user + QLatin1Char('@') + host.address().toLower() + QLatin1Char('#') +
                            QString::number(host.port);
        const auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, merged.size());
            merged.append(host);
        } else {
            merged[*it].tags += host.tags;
            inventory->notes.append(
                ParseError{host.line, 0,
                           CoreTr::tr("%1 is the same host as line %2 (same user, address and port): merged.")
                               .arg(host.address())
                               .arg(merged.at(*it).line)});
        }
    }
    for (InventoryHost &host : merged) {
        host.tags.removeDuplicates();
        host.tags.sort();
    }
    inventory->hosts = merged;
}

Inventory parseSimple(QByteArrayView text)
{
    Inventory inventory;
    const QList<QString> lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        const QStringList parts = words(line);
        if (parts.isEmpty())
            continue;
        InventoryHost host;
        QString error;
        if (!parseHostSpec(parts.first(), &host, &error)) {
            addError(&inventory, i + 1, error);
            continue;
        }
        host.tags = parts.mid(1);
        host.line = i + 1;
        inventory.hosts.append(host);
    }
    return inventory;
}

struct AnsibleGroup
{
    QStringList hosts;    // inventory names
    QStringList children; // group names
    QMap<QString, QString> vars;
};

Inventory parseAnsible(QByteArrayView text)
{
    Inventory inventory;
    QMap<QString, AnsibleGroup> groups;
    QMap<QString, InventoryHost> hosts; // by inventory name
    QStringList hostOrder;
    QMap<QString, QMap<QString, QString>> hostVars;

    enum class Section { Hosts, Vars, Children };
    Section section = Section::Hosts;
    QString group = QStringLiteral("ungrouped");
    static const QRegularExpression header(QStringLiteral("^\\[([A-Za-z0-9_.-]+)(?::(vars|children))?\\]$"));

    const QList<QString> lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const QRegularExpressionMatch match = header.match(line);
            if (!match.hasMatch()) {
                addError(&inventory, i + 1, CoreTr::tr("Bad group header: %1").arg(line));
                section = Section::Vars; // skip its lines without adding hosts to the wrong group
                group.clear();
                continue;
            }
            group = match.captured(1);
            const QString kind = match.captured(2);
            section = kind == QLatin1String("vars")       ? Section::Vars
                      : kind == QLatin1String("children") ? Section::Children
                                                          : Section::Hosts;
            groups[group];
            continue;
        }
        if (group.isEmpty())
            continue;
        if (section == Section::Children) {
            const QStringList parts = words(line);
            groups[group].children.append(parts.first());
            continue;
        }
        if (section == Section::Vars) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                addError(&inventory, i + 1, CoreTr::tr("Expected key=value: %1").arg(line));
                continue;
            }
            groups[group].vars.insert(line.left(eq).trimmed(), unquote(line.mid(eq + 1).trimmed()));
            continue;
        }
        // A host line: name [key=value ...]
        const QStringList parts = words(line);
        const QString name = parts.first();
        if (name.contains(QLatin1Char('[')) && !name.startsWith(QLatin1Char('['))) {
            addError(&inventory, i + 1, CoreTr::tr("Host ranges are not supported: %1").arg(name));
            continue;
        }
        InventoryHost host;
        QString error;
        if (!parseHostSpec(name, &host, &error)) {
            addError(&inventory, i + 1, error);
            continue;
        }
        // "host:2222" (Ansible's own way to give a port) is host "host" on port 2222: the name stays the
        // parsed address, which is what ssh and the known_hosts lookup need.
        bool bad = false;
        QMap<QString, QString> vars;
        for (const QString &part : parts.mid(1)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                addError(&inventory, i + 1, CoreTr::tr("Expected key=value: %1").arg(part));
                bad = true;
                break;
            }
            vars.insert(part.left(eq), unquote(part.mid(eq + 1)));
        }
        if (bad)
            continue;
        if (!hosts.contains(name)) {
            host.line = i + 1;
            hosts.insert(name, host);
            hostOrder.append(name);
        }
        for (auto it = vars.cbegin(); it != vars.cend(); ++it)
            hostVars[name].insert(it.key(), it.value());
        groups[group].hosts.append(name);
    }

    // Groups of each host, through :children (a child group's hosts are members of the parent too).
    QMap<QString, QStringList> hostGroups;
    QMap<QString, QStringList> groupVarsChain; // host -> groups (nearest first) for variable lookup
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QStringList stack{it.key()};
        QSet<QString> seen;
        // Collect all hosts reachable from this group.
        while (!stack.isEmpty()) {
            const QString g = stack.takeLast();
            if (seen.contains(g))
                continue;
            seen.insert(g);
            for (const QString &h : groups.value(g).hosts) {
                if (it.key() != QLatin1String("ungrouped") && it.key() != QLatin1String("all"))
                    hostGroups[h].append(it.key());
                if (g == it.key())
                    groupVarsChain[h].prepend(it.key()); // direct membership: its vars win
                else
                    groupVarsChain[h].append(it.key());
            }
            stack += groups.value(g).children;
        }
    }

    auto varFor = [&](const QString &hostName, const QStringList &keys) -> QString {
        for (const QString &key : keys) {
            const QString value = hostVars.value(hostName).value(key);
            if (!value.isEmpty())
                return value;
        }
        // Group vars: the nearest group that sets it (a child's value beats its parent's), then "all".
        QStringList chain = groupVarsChain.value(hostName);
        chain.removeDuplicates();
        chain.removeAll(QStringLiteral("all"));
        chain.append(QStringLiteral("all"));
        for (const QString &g : chain) {
            for (const QString &key : keys) {
                const QString value = groups.value(g).vars.value(key);
                if (!value.isEmpty())
                    return value;
            }
        }
        return QString();
    };

    for (const QString &name : hostOrder) {
        InventoryHost host = hosts.value(name);
        const QString address =
            varFor(name, {QStringLiteral("ansible_host"), QStringLiteral("ansible_ssh_host")});
        if (!address.isEmpty()) {
            if (isValidHostName(address) || isValidIpv6(address)) {
                host.hostName = address;
            } else {
                addError(&inventory, host.line, CoreTr::tr("Bad ansible_host for %1: %2").arg(name, address));
                continue;
            }
        }
        const QString port =
            varFor(name, {QStringLiteral("ansible_port"), QStringLiteral("ansible_ssh_port")});
        if (!port.isEmpty() && !parsePort(port, &host.port)) {
            addError(&inventory, host.line, CoreTr::tr("Bad ansible_port for %1: %2").arg(name, port));
            continue;
        }
        const QString user =
            varFor(name, {QStringLiteral("ansible_user"), QStringLiteral("ansible_ssh_user")});
        if (!user.isEmpty()) {
            if (!isValidUser(user)) {
                addError(&inventory, host.line, CoreTr::tr("Bad ansible_user for %1: %2").arg(name, user));
                continue;
            }
            host.user = user;
        }
        host.tags = hostGroups.value(name);
        inventory.hosts.append(host);
    }
    return inventory;
}

Inventory parseSshConfig(QByteArrayView text)
{
    Inventory inventory;
    QList<qsizetype> block; // indexes into inventory.hosts of the current Host block
    QHash<QString, qsizetype> byName;
    bool inMatch = false;
    const QList<QString> lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        // "Keyword value" or "Keyword=value"
        static const QRegularExpression kv(QStringLiteral("^(\\S+?)\\s*(?:=|\\s)\\s*(.*)$"));
        const QRegularExpressionMatch match = kv.match(line);
        if (!match.hasMatch())
            continue;
        const QString key = match.captured(1).toLower();
        const QString value = match.captured(2).trimmed();
        if (key == QLatin1String("host")) {
            block.clear();
            inMatch = false;
            for (const QString &pattern : words(value)) {
                const QString name = unquote(pattern);
                if (name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?')) ||
                    name.startsWith(QLatin1Char('!')))
                    continue; // patterns are not hosts
                // A name in several Host blocks collects settings from each of them, like ssh does.
                const auto known = byName.constFind(name);
                if (known != byName.constEnd()) {
                    block.append(*known);
                    continue;
                }
                InventoryHost host;
                QString error;
                if (!parseHostSpec(name, &host, &error) || host.port != 0 || !host.user.isEmpty()) {
                    addError(&inventory, i + 1,
                             error.isEmpty() ? CoreTr::tr("Bad host alias: %1").arg(name) : error);
                    continue;
                }
                host.name = name;
                host.line = i + 1;
                byName.insert(name, inventory.hosts.size());
                block.append(inventory.hosts.size());
                inventory.hosts.append(host);
            }
        } else if (key == QLatin1String("match")) {
            block.clear();
            inMatch = true;
        } else if (!inMatch && !block.isEmpty()) {
            for (qsizetype index : block) {
                InventoryHost &host = inventory.hosts[index];
                // ssh uses the first value obtained for each keyword.
                if (key == QLatin1String("hostname") && host.hostName.isEmpty()) {
                    if (isValidHostName(value) || isValidIpv6(value))
                        host.hostName = value;
                    else
                        addError(&inventory, i + 1, CoreTr::tr("Bad HostName: %1").arg(value));
                } else if (key == QLatin1String("port") && host.port == 0) {
                    if (!parsePort(value, &host.port))
                        addError(&inventory, i + 1, CoreTr::tr("Bad port: %1").arg(value));
                } else if (key == QLatin1String("user") && host.user.isEmpty()) {
                    if (isValidUser(value))
                        host.user = value;
                    else
                        addError(&inventory, i + 1, CoreTr::tr("Bad user name: %1").arg(value));
                }
            }
        }
    }
    return inventory;
}

} // namespace

bool parseHostSpec(const QString &spec, InventoryHost *host, QString *error)
{
    QString rest = spec;
    host->user.clear();
    host->port = 0;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        host->user = rest.left(at);
        rest = rest.mid(at + 1);
        if (!isValidUser(host->user)) {
            *error = CoreTr::tr("Bad user name in \"%1\".").arg(spec);
            return false;
        }
    }
    QString address;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = CoreTr::tr("Missing \"]\" in \"%1\".").arg(spec);
            return false;
        }
        address = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')) || !parsePort(after.mid(1), &host->port)) {
                *error = CoreTr::tr("Bad port in \"%1\".").arg(spec);
                return false;
            }
        }
        if (!isValidIpv6(address) && !isValidHostName(address)) {
            *error = CoreTr::tr("Bad address in \"%1\".").arg(spec);
            return false;
        }
    } else if (rest.count(QLatin1Char(':')) >= 2) {
        address = rest; // a bare IPv6 address; no port possible
        if (!isValidIpv6(address)) {
            *error = CoreTr::tr("Bad address in \"%1\".").arg(spec);
            return false;
        }
    } else {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        address = colon >= 0 ? rest.left(colon) : rest;
        if (colon >= 0 && !parsePort(rest.mid(colon + 1), &host->port)) {
            *error = CoreTr::tr("Bad port in \"%1\".").arg(spec);
            return false;
        }
        if (!isValidHostName(address)) {
            *error = CoreTr::tr("Bad host name in \"%1\".").arg(spec);
            return false;
        }
    }
    host->name = address;
    host->hostName.clear();
    return true;
}

namespace {

// The keywords of ssh_config(5) (OpenSSH 9): a file read as an ssh config has nothing else.
bool isSshConfigKeyword(const QString &word)
{
    static const QSet<QString> keywords = [] {
        QSet<QString> set;
        for (const char *k : {"host",
                              "match",
                              "include",
                              "hostname",
                              "port",
                              "user",
                              "identityfile",
                              "identitiesonly",
                              "identityagent",
                              "proxycommand",
                              "proxyjump",
                              "forwardagent",
                              "forwardx11",
                              "forwardx11trusted",
                              "localforward",
                              "remoteforward",
                              "dynamicforward",
                              "userknownhostsfile",
                              "globalknownhostsfile",
                              "stricthostkeychecking",
                              "hostkeyalgorithms",
                              "hostkeyalias",
                              "pubkeyauthentication",
                              "passwordauthentication",
                              "kbdinteractiveauthentication",
                              "challengeresponseauthentication",
                              "preferredauthentications",
                              "connecttimeout",
                              "connectionattempts",
                              "serveraliveinterval",
                              "serveralivecountmax",
                              "tcpkeepalive",
                              "compression",
                              "controlmaster",
                              "controlpath",
                              "controlpersist",
                              "loglevel",
                              "batchmode",
                              "addkeystoagent",
                              "ciphers",
                              "macs",
                              "kexalgorithms",
                              "pubkeyacceptedalgorithms",
                              "pubkeyacceptedkeytypes",
                              "certificatefile",
                              "sendenv",
                              "setenv",
                              "requesttty",
                              "remotecommand",
                              "localcommand",
                              "permitlocalcommand",
                              "addressfamily",
                              "bindaddress",
                              "bindinterface",
                              "canonicalizehostname",
                              "canonicaldomains",
                              "canonicalizefallbacklocal",
                              "canonicalizemaxdots",
                              "canonicalizepermittedcnames",
                              "checkhostip",
                              "clearallforwardings",
                              "escapechar",
                              "exitonforwardfailure",
                              "fingerprinthash",
                              "forkafterauthentication",
                              "gatewayports",
                              "gssapiauthentication",
                              "gssapidelegatecredentials",
                              "hashknownhosts",
                              "hostbasedauthentication",
                              "hostbasedacceptedalgorithms",
                              "ipqos",
                              "knownhostscommand",
                              "logverbose",
                              "nohostauthenticationforlocalhost",
                              "numberofpasswordprompts",
                              "pkcs11provider",
                              "rekeylimit",
                              "revokedhostkeys",
                              "securitykeyprovider",
                              "sessiontype",
                              "stdinnull",
                              "streamlocalbindmask",
                              "streamlocalbindunlink",
                              "tag",
                              "tunnel",
                              "tunneldevice",
                              "updatehostkeys",
                              "usekeychain",
                              "verifyhostkeydns",
                              "visualhostkey",
                              "xauthlocation",
                              "obscurekeystroketiming",
                              "enableescapecommandline",
                              "requiredrsasize",
                              "channeltimeout"})
            set.insert(QString::fromLatin1(k));
        return set;
    }();
    return keywords.contains(word.toLower());
}

// The format, and why an ssh-config look was not taken (a note for the caller).
InventoryFormat detectInventoryFormat(QByteArrayView text, QString *note)
{
    static const QRegularExpression groupHeader(
        QStringLiteral("^\\[[A-Za-z0-9_.-]+(:(vars|children))?\\]\\s*$"));
    static const QRegularExpression sshKeyword(QStringLiteral("^(host|match)(\\s|=)"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression firstWord(QStringLiteral("^([^\\s=]+)"));
    static const QRegularExpression ansibleVar(QStringLiteral("\\sansible_[a-z_]+="));
    const QList<QString> lines = splitLines(text);
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (sshKeyword.match(line).hasMatch()) {
            // An ssh config only if every line is one: "host web db" in a host list is host "host" with
            // two tags, and reading it as ssh_config would drop every other line without a word.
            for (int j = i + 1; j < lines.size(); ++j) {
                const QString other = lines.at(j).trimmed();
                if (other.isEmpty() || other.startsWith(QLatin1Char('#')))
                    continue;
                if (!isSshConfigKeyword(firstWord.match(other).captured(1))) {
                    if (note)
                        *note = CoreTr::tr("Line %1 looks like an ssh_config Host line, but line %2 is no "
                                           "ssh_config keyword: read as a host list (give the format to read "
                                           "it otherwise).")
                                    .arg(i + 1)
                                    .arg(j + 1);
                    return groupHeader.match(other).hasMatch() || ansibleVar.match(other).hasMatch()
                               ? InventoryFormat::Ansible
                               : InventoryFormat::Simple;
                }
            }
            return InventoryFormat::SshConfig;
        }
        if (groupHeader.match(line).hasMatch() || ansibleVar.match(line).hasMatch())
            return InventoryFormat::Ansible;
    }
    return InventoryFormat::Simple;
}

// An ssh config with its Include lines replaced by the files they name (globs; relative names in ~/.ssh, or
// /etc/ssh for a file there), as ssh reads them; what cannot be read is said in errors.
QByteArray expandSshConfigIncludes(const QByteArray &text, const QString &base, int depth, int *files,
                                   QList<ParseError> *errors)
{
    static const QRegularExpression include(QStringLiteral("^\\s*include(?:\\s*=\\s*|\\s+)(.*)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    QByteArray out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = include.match(QString::fromUtf8(lines.at(i)));
        if (!m.hasMatch()) {
            out += lines.at(i);
            if (i + 1 < lines.size())
                out += '\n';
            continue;
        }
        for (QString pattern : words(m.captured(1))) {
            pattern = unquote(pattern);
            if (pattern.startsWith(QStringLiteral("~/")))
                pattern = QDir::homePath() + pattern.mid(1);
            if (!pattern.startsWith(QLatin1Char('/')))
                pattern = base + QLatin1Char('/') + pattern;
            const QFileInfo info(pattern);
            const QStringList matches =
                QDir(info.path()).entryList({info.fileName()}, QDir::Files | QDir::Hidden, QDir::Name);
            if (matches.isEmpty() && !info.fileName().contains(QLatin1Char('*')) &&
                !info.fileName().contains(QLatin1Char('?')))
                errors->append({int(i + 1), 0, CoreTr::tr("Include %1: no such file").arg(pattern)});
            for (const QString &name : matches) {
                QFile file(info.path() + QLatin1Char('/') + name);
                if (depth >= 16 || ++*files > 64 || !file.open(QIODevice::ReadOnly)) {
                    errors->append(
                        {int(i + 1), 0, CoreTr::tr("Include %1: cannot be read").arg(file.fileName())});
                    continue;
                }
                out += expandSshConfigIncludes(file.read(1 << 20), base, depth + 1, files, errors) + '\n';
            }
        }
    }
    return out;
}

} // namespace

InventoryFormat detectInventoryFormat(QByteArrayView text)
{
    return detectInventoryFormat(text, nullptr);
}

Inventory readInventoryFile(const QString &path, InventoryFormat format, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    const QByteArray text = file.read(64 << 20);
    QString note;
    if (format == InventoryFormat::Auto)
        format = detectInventoryFormat(text, &note);
    if (format != InventoryFormat::SshConfig) {
        Inventory inventory = parseInventory(text, format);
        if (!note.isEmpty())
            inventory.notes.prepend({0, 0, note});
        return inventory;
    }
    // (the expanded text is parsed as it is: its Includes are in place)
    const QString base = QFileInfo(path).absoluteFilePath().startsWith(QLatin1String("/etc/ssh/"))
                             ? QStringLiteral("/etc/ssh")
                             : QDir::homePath() + QStringLiteral("/.ssh");
    QList<ParseError> includeErrors;
    int files = 0;
    const QByteArray expanded = expandSshConfigIncludes(text, base, 0, &files, &includeErrors);
    Inventory inventory = parseInventory(expanded, InventoryFormat::SshConfig);
    inventory.errors = includeErrors + inventory.errors;
    return inventory;
}

Inventory parseInventory(QByteArrayView text, InventoryFormat format)
{
    QString note;
    if (format == InventoryFormat::Auto)
        format = detectInventoryFormat(text, &note);
    Inventory inventory;
    switch (format) {
    case InventoryFormat::Ansible:
        inventory = parseAnsible(text);
        break;
    case InventoryFormat::SshConfig:
        inventory = parseSshConfig(text);
        break;
    case InventoryFormat::Auto:
    case InventoryFormat::Simple:
        inventory = parseSimple(text);
        break;
    }
    mergeDuplicates(&inventory);
    if (!note.isEmpty())
        inventory.notes.prepend({0, 0, note});
    return inventory;
}

} // namespace lw
