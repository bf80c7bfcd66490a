#include "remediation.h"

#include "coretr.h"
#include "dockerconfig.h"
#include "layeranalysis.h"
#include "rules.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lw {

namespace {

bool uiIsChinese()
{
    return QLocale().language() == QLocale::Chinese;
}

QString localized(const QJsonValue &value, QString *zh)
{
    const QJsonObject object = value.toObject();
    *zh = object.value(QLatin1String("zh_CN")).toString();
    return object.value(QLatin1String("en")).toString();
}

bool readFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *bytes = file.readAll();
    return true;
}

// The mount point as the kernel writes it in mountinfo (space, tab, newline and backslash as \ooo, every
// other byte as it is): what the script compares on the host, byte for byte, also where it is not UTF-8.
QByteArray encodedMountPoint(const MountEntry &entry)
{
    QByteArray out;
    for (const char c : entry.mountPointPath()) {
        switch (c) {
        case ' ':
            out += "\\040";
            break;
        case '\t':
            out += "\\011";
            break;
        case '\n':
            out += "\\012";
            break;
        case '\\':
            out += "\\134";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString describeMount(const MountEntry &m)
{
    return CoreTr::tr("mount %1 (%2 from %3) at %4").arg(m.id).arg(m.fsType, m.source, m.mountPoint);
}

// Fields of a mountinfo line as the kernel wrote them (escaped): split on single spaces.
QList<QByteArray> rawFields(const MountEntry &m)
{
    return m.rawLine.toUtf8().split(' ');
}

// "MAJ:MIN ROOT MOUNTPOINT MOUNT-OPTIONS FSTYPE SOURCE SUPER-OPTIONS" of one line, escaped as in mountinfo;
// empty if malformed.
QByteArray lineIdentity(const MountEntry &m)
{
    const QList<QByteArray> f = rawFields(m);
    const qsizetype sep = f.indexOf("-", 6);
    if (f.size() < 7 || sep < 0 || sep + 3 >= f.size())
        return {};
    return f.at(2) + ' ' + f.at(3) + ' ' + f.at(4) + ' ' + f.at(5) + ' ' + f.at(sep + 1) + ' ' +
           f.at(sep + 2) + ' ' + f.at(sep + 3);
}

} // namespace

QByteArray mountIdentity(const MountTree &tree, int index)
{
    QByteArray identity = lineIdentity(tree.mounts().at(index));
    QList<int> seen{index};
    for (int p = tree.parentIndex(index); p >= 0 && !seen.contains(p); p = tree.parentIndex(p)) {
        identity += " | " + lineIdentity(tree.mounts().at(p));
        seen.append(p);
    }
    return identity;
}

namespace {} // namespace

QString RemediationScript::title() const
{
    return uiIsChinese() && !titleZh.isEmpty() ? titleZh : titleEn;
}

QString RemediationScript::description() const
{
    return uiIsChinese() && !descriptionZh.isEmpty() ? descriptionZh : descriptionEn;
}

QString RemediationScript::risk() const
{
    return uiIsChinese() && !riskZh.isEmpty() ? riskZh : riskEn;
}

const RemediationParameter *RemediationScript::parameter(const QString &name) const
{
    for (const RemediationParameter &p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

RemediationScript::OperatorValues RemediationScript::operatorValues(const QStringList &assignments) const
{
    OperatorValues result;
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(eq);
        const RemediationParameter *param = eq > 0 ? parameter(name) : nullptr;
        if (!param || (!param->from.isEmpty() && param->from != QLatin1String("operator"))) {
            result.rejected = assignment;
            return result;
        }
        result.values.insert(name, assignment.mid(eq + 1));
    }
    return result;
}

const RemediationScript *RemediationCatalog::script(const QString &id) const
{
    for (const RemediationScript &s : scripts) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QList<const RemediationScript *> RemediationCatalog::scriptsFor(const QString &findingId) const
{
    QList<const RemediationScript *> result;
    for (const RemediationScript &s : scripts) {
        if (s.repairs.contains(findingId))
            result.append(&s);
    }
    return result;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString catalogTrustName(CatalogTrust trust)
{
    switch (trust) {
    case CatalogTrust::BuiltIn:
        return QStringLiteral("built-in");
    case CatalogTrust::SameAsBuiltIn:
        return QStringLiteral("same-as-built-in");
    case CatalogTrust::TrustedList:
        return QStringLiteral("trusted-list");
    case CatalogTrust::Untrusted:
        return QStringLiteral("untrusted");
    }
    return QString();
}

QString defaultTrustedCatalogsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("Layerwatch/trusted-catalogs.json"));
}

TrustedCatalogList loadTrustedCatalogs(const QString &path)
{
    TrustedCatalogList list;
    list.path = path;
    const QByteArray native = QFile::encodeName(path);
    // Opened without following a symlink, and judged by what was opened: the file cannot be swapped
    // between the check and the read.
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT)
            list.error = CoreTr::tr("The trusted-catalogs list %1 cannot be opened (%2): it trusts nothing.")
                             .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return list;
    }
    struct stat st = {};
    QByteArray bytes;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        list.error =
            CoreTr::tr("The trusted-catalogs list %1 is not a regular file: it trusts nothing.").arg(path);
    } else if ((st.st_uid != ::geteuid() && st.st_uid != 0) || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        list.error = CoreTr::tr("The trusted-catalogs list %1 may be changed by others (owner or mode): it "
                                "trusts nothing. It must belong to you or root and not be writable by group "
                                "or others.")
                         .arg(path);
    } else if (st.st_size > 1 << 20) {
        list.error = CoreTr::tr("The trusted-catalogs list %1 is too large: it trusts nothing.").arg(path);
    } else {
        QFile file;
        if (file.open(fd, QIODevice::ReadOnly))
            bytes = file.readAll();
    }
    ::close(fd);
    if (!list.error.isEmpty())
        return list;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("format")).toInt() != 1 ||
        !root.value(QLatin1String("catalogs")).isArray()) {
        list.error =
            CoreTr::tr("The trusted-catalogs list %1 is not {\"format\": 1, \"catalogs\": [...]}: it "
                       "trusts nothing.")
                .arg(path);
        return list;
    }
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QJsonValue &v : root.value(QLatin1String("catalogs")).toArray()) {
        const QJsonObject o = v.toObject();
        TrustedCatalog c;
        c.manifestSha256 = o.value(QLatin1String("manifestSha256")).toString();
        c.approvedBy = o.value(QLatin1String("approvedBy")).toString();
        c.note = o.value(QLatin1String("note")).toString();
        if (!hex.match(c.manifestSha256).hasMatch() || c.approvedBy.trimmed().isEmpty()) {
            list.catalogs.clear();
            list.error = CoreTr::tr("The trusted-catalogs list %1 has an entry without a manifestSha256 (64 "
                                    "lower-case hex digits) or approvedBy: it trusts nothing.")
                             .arg(path);
            return list;
        }
        list.catalogs.append(c);
    }
    return list;
}

namespace {

// The built-in manifest: its hash, and each script's reviewed hash by ID.
struct BuiltInManifest
{
    QString sha256;
    QHash<QString, QString> scriptSha256;
};

const BuiltInManifest &builtInManifest()
{
    static const BuiltInManifest manifest = [] {
        BuiltInManifest m;
        QByteArray bytes;
        if (!readFile(QLatin1String(BuiltInRemediationCatalog) + QLatin1String("/manifest.json"), &bytes))
            return m;
        m.sha256 = sha256Hex(bytes);
        for (const QJsonValue &v :
             QJsonDocument::fromJson(bytes).object().value(QLatin1String("scripts")).toArray())
            m.scriptSha256.insert(v.toObject().value(QLatin1String("id")).toString(),
                                  v.toObject().value(QLatin1String("sha256")).toString());
        return m;
    }();
    return manifest;
}

RemediationOrigin catalogOrigin(const QString &dir, const QByteArray &manifestBytes,
                                const TrustedCatalogList &trusted)
{
    RemediationOrigin origin;
    origin.directory = dir;
    origin.manifestSha256 = sha256Hex(manifestBytes);
    if (dir == QLatin1String(BuiltInRemediationCatalog)) {
        origin.trust = CatalogTrust::BuiltIn;
    } else if (!builtInManifest().sha256.isEmpty() && origin.manifestSha256 == builtInManifest().sha256) {
        origin.trust = CatalogTrust::SameAsBuiltIn;
    } else {
        for (const TrustedCatalog &c : trusted.catalogs) {
            if (c.manifestSha256 == origin.manifestSha256) {
                origin.trust = CatalogTrust::TrustedList;
                origin.trustedBy =
                    c.note.isEmpty() ? c.approvedBy : c.approvedBy + QLatin1String(": ") + c.note;
                break;
            }
        }
    }
    return origin;
}

} // namespace

QStringList describeRemediationOrigin(const RemediationScript &script)
{
    const RemediationOrigin &o = script.origin;
    QStringList lines;
    switch (o.trust) {
    case CatalogTrust::BuiltIn:
        lines << CoreTr::tr("Catalog: built-in (the reviewed copy in the program), manifest SHA-256 %1.")
                     .arg(o.manifestSha256);
        return lines;
    case CatalogTrust::SameAsBuiltIn:
        lines << CoreTr::tr("Catalog: %1, manifest SHA-256 %2: the same manifest as the built-in one.")
                     .arg(o.directory, o.manifestSha256);
        break;
    case CatalogTrust::TrustedList:
        lines << CoreTr::tr("Catalog: %1, NOT the built-in one; manifest SHA-256 %2, approved in the "
                            "trusted-catalogs list by %3.")
                     .arg(o.directory, o.manifestSha256, o.trustedBy);
        break;
    case CatalogTrust::Untrusted:
        lines << CoreTr::tr("Catalog: %1, NOT the built-in one; manifest SHA-256 %2, not approved: refused.")
                     .arg(o.directory, o.manifestSha256);
        break;
    }
    if (o.builtInScriptSha256.isEmpty())
        lines << CoreTr::tr("The built-in catalog has no script %1: this script was never reviewed with "
                            "Layerwatch.")
                     .arg(script.id);
    else if (o.builtInScriptSha256 != script.sha256)
        lines << CoreTr::tr("The script %1 DIFFERS from the built-in reviewed one: SHA-256 %2 here, %3 "
                            "built in.")
                     .arg(script.id, script.sha256, o.builtInScriptSha256);
    else
        lines << CoreTr::tr("The script %1 is the built-in reviewed one (SHA-256 %2).")
                     .arg(script.id, script.sha256);
    return lines;
}

RemediationCatalog loadRemediationCatalog(const QString &dir, const TrustedCatalogList &trusted)
{
    RemediationCatalog catalog;
    catalog.directory = dir;
    const QDir base(dir);
    QByteArray manifestBytes;
    if (!readFile(base.filePath(QStringLiteral("manifest.json")), &manifestBytes)) {
        catalog.errors.append(CoreTr::tr("Cannot read the remediation manifest %1.")
                                  .arg(base.filePath(QStringLiteral("manifest.json"))));
        return catalog;
    }
    catalog.origin = catalogOrigin(dir, manifestBytes, trusted);
    if (catalog.origin.trust == CatalogTrust::Untrusted) {
        catalog.errors.append(
            trusted.error.isEmpty()
                ? CoreTr::tr("The catalog %1 is not the built-in one and its manifest (SHA-256 %2) is not in "
                             "the trusted-catalogs list %3: every script in it is refused.")
                      .arg(dir, catalog.origin.manifestSha256,
                           trusted.path.isEmpty() ? defaultTrustedCatalogsPath() : trusted.path)
                : trusted.error);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(manifestBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        catalog.errors.append(
            CoreTr::tr("The remediation manifest is not valid JSON: %1.").arg(parseError.errorString()));
        return catalog;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toInt() != 1) {
        catalog.errors.append(CoreTr::tr("The remediation manifest has an unsupported format."));
        return catalog;
    }

    const QJsonObject prelude = root.value(QLatin1String("prelude")).toObject();
    const QString preludeFile = prelude.value(QLatin1String("file")).toString();
    if (!preludeFile.contains(QLatin1Char('/')) && readFile(base.filePath(preludeFile), &catalog.prelude)) {
        catalog.preludeVerified =
            !preludeFile.isEmpty() &&
            sha256Hex(catalog.prelude) == prelude.value(QLatin1String("sha256")).toString();
    }
    if (!catalog.preludeVerified)
        catalog.errors.append(
            CoreTr::tr("The remediation prelude %1 does not match its reviewed hash: no script "
                       "can run.")
                .arg(preludeFile));

    const QJsonArray scripts = root.value(QLatin1String("scripts")).toArray();
    for (const QJsonValue &value : scripts) {
        const QJsonObject o = value.toObject();
        RemediationScript s;
        s.id = o.value(QLatin1String("id")).toString();
        s.file = o.value(QLatin1String("file")).toString();
        s.titleEn = localized(o.value(QLatin1String("title")), &s.titleZh);
        s.descriptionEn = localized(o.value(QLatin1String("description")), &s.descriptionZh);
        s.riskEn = localized(o.value(QLatin1String("risk")), &s.riskZh);
        for (const QJsonValue &r : o.value(QLatin1String("repairs")).toArray())
            s.repairs.append(r.toString());
        for (const QJsonValue &pv : o.value(QLatin1String("parameters")).toArray()) {
            const QJsonObject po = pv.toObject();
            RemediationParameter p;
            p.name = po.value(QLatin1String("name")).toString();
            p.type = po.value(QLatin1String("type")).toString();
            p.from = po.value(QLatin1String("from")).toString();
            for (const QJsonValue &c : po.value(QLatin1String("choices")).toArray())
                p.choices.append(c.toString());
            p.defaultValue = po.value(QLatin1String("default")).toString();
            s.parameters.append(p);
        }
        const QJsonObject verify = o.value(QLatin1String("verify")).toObject();
        s.verifyFindingGone = verify.value(QLatin1String("findingGone")).toString();
        s.verifyWorkload = verify.value(QLatin1String("workload")).toBool();
        s.timeoutSec = std::clamp(o.value(QLatin1String("timeoutSec")).toInt(300), 5, 24 * 3600);
        s.sha256 = o.value(QLatin1String("sha256")).toString();

        if (s.id.isEmpty() || s.file.isEmpty() || s.file.contains(QLatin1Char('/'))) {
            catalog.errors.append(CoreTr::tr("A remediation manifest entry has no valid id or file."));
            continue;
        }
        if (!readFile(base.filePath(s.file), &s.body)) {
            s.refusal = CoreTr::tr("The script file %1 cannot be read.").arg(s.file);
        } else if (s.sha256.isEmpty() || sha256Hex(s.body) != s.sha256) {
            s.refusal =
                CoreTr::tr("The script %1 does not match its reviewed SHA-256 (manifest %2, file %3): "
                           "refused.")
                    .arg(s.file, s.sha256, sha256Hex(s.body));
        } else if (!catalog.preludeVerified) {
            s.refusal = CoreTr::tr("The remediation prelude is not the reviewed one: refused.");
        } else if (catalog.origin.trust == CatalogTrust::Untrusted) {
            s.refusal = CoreTr::tr("The script %1 comes from the catalog %2, which is neither the built-in "
                                   "one nor approved in the trusted-catalogs list (manifest SHA-256 %3): "
                                   "refused.")
                            .arg(s.id, dir, catalog.origin.manifestSha256);
        } else {
            s.verified = true;
        }
        s.origin = catalog.origin;
        s.origin.builtInScriptSha256 = builtInManifest().scriptSha256.value(s.id);
        catalog.scripts.append(s);
    }
    return catalog;
}

QStringList RemediationPlan::values(const QString &name) const
{
    QStringList result;
    for (const auto &p : parameters) {
        if (p.first == name)
            result.append(QString::fromUtf8(p.second));
    }
    return result;
}

namespace {

QString operatorValue(const RemediationScript &script, const QMap<QString, QString> &values,
                      const QString &name, QString *error)
{
    const RemediationParameter *p = script.parameter(name);
    const QString value = values.value(name, p ? p->defaultValue : QString());
    if (p && !p->choices.isEmpty() && !p->choices.contains(value)) {
        *error =
            CoreTr::tr("Parameter %1 must be one of: %2.").arg(name, p->choices.join(QLatin1String(", ")));
    }
    return value;
}

QString describeContainer(const DockerContainer &c)
{
    return CoreTr::tr("%1 (restart %2)")
        .arg(c.name.isEmpty() ? c.shortId() : c.name, restartPolicyName(c.restartPolicy));
}

void planShadowedMounts(const HostSnapshot &snapshot, const QMap<QString, QString> &values,
                        const RemediationScript &script, RemediationPlan *plan)
{
    if (!snapshot.mounts.isOk()) {
        plan->error = CoreTr::tr("The mount table of this host is unknown: probe it first.");
        return;
    }
    if (!snapshot.containers.isOk()) {
        plan->error = CoreTr::tr("The containers of this host are unknown (%1): Layerwatch will not change "
                                 "mounts without knowing which workloads run. Probe it again.")
                          .arg(probeStatusName(snapshot.containers.status));
        return;
    }
    const MountTree &tree = snapshot.mounts.value;
    const LayerAnalysis layers = analyzeLayers(snapshot);
    QSet<int> coverSet;
    for (const MountedLayer &m : layers.hiddenLayers()) {
        for (int c : tree.coverChain(m.mountIndex))
            coverSet.insert(c);
    }
    const QList<MountedLayer> leaked = layers.leaked();
    if (coverSet.isEmpty() && leaked.isEmpty()) {
        plan->error = CoreTr::tr("No overlay mount is covered or leaked on this host: nothing to repair.");
        return;
    }
    // Most recent first: mountinfo lists mounts in the order they were made, so the last one is on top.
    QList<int> covers(coverSet.cbegin(), coverSet.cend());
    std::sort(covers.begin(), covers.end(), std::greater<int>());
    for (int c : covers) {
        if (tree.mounts().at(c).mountPoint == QLatin1String("/")) {
            plan->error = CoreTr::tr("A cover is mounted on / itself; Layerwatch will not unmount the root. "
                                     "Use migrate-and-reboot.");
            return;
        }
    }
    QString error;
    const QString containers = operatorValue(script, values, QStringLiteral("containers"), &error);
    const QString restartDocker = operatorValue(script, values, QStringLiteral("restart-docker"), &error);
    const QString parentCovers = operatorValue(script, values, QStringLiteral("parent-covers"), &error);
    if (!error.isEmpty()) {
        plan->error = error;
        return;
    }
    const QString dockerRoot = tree.dockerRoot();
    // A cover above the docker root (e.g. a disk on /var/lib) holds more than docker's data: unmounting it
    // hides whatever other services keep there. Only when the operator says so.
    QStringList broad;
    for (int c : covers) {
        const QString &point = tree.mounts().at(c).mountPoint;
        if (point != dockerRoot && !isPathPrefix(dockerRoot, point))
            broad.append(point);
    }
    if (!broad.isEmpty() && parentCovers != QLatin1String("unmount")) {
        plan->error =
            CoreTr::tr("A covering mount sits above the docker root (%1): it holds more than docker's data, "
                       "and unmounting it hides everything else under that path. Check what else "
                       "lives there; to unmount it anyway, set parent-covers=unmount.")
                .arg(broad.join(QLatin1String(", ")));
        return;
    }
    plan->parameters.append({QStringLiteral("docker-root"), dockerRoot.toUtf8()});
    plan->steps.append(CoreTr::tr("Check that the graph driver is overlay2 (docker info)."));

    const QList<const DockerContainer *> running = snapshot.containers.value.running();
    QStringList runningNames;
    QStringList withoutPolicy, policyUnknown, removedOnRestart;
    for (const DockerContainer *c : running) {
        plan->parameters.append({QStringLiteral("running"), c->id.toUtf8()});
        runningNames.append(describeContainer(*c));
        const QString name = c->name.isEmpty() ? c->shortId() : c->name;
        if (c->restartPolicy == RestartPolicy::Unknown)
            policyUnknown.append(name);
        else if (!c->restartsWithDaemon())
            withoutPolicy.append(name);
        if (c->autoRemove)
            removedOnRestart.append(name);
    }
    plan->steps.append(running.isEmpty() ? CoreTr::tr("Record the running containers (none ran when probed).")
                                         : CoreTr::tr("Record the %n running container(s): %1.", nullptr,
                                                      int(running.size()))
                                               .arg(runningNames.join(QLatin1String(", "))));
    for (int c : covers) {
        const MountEntry &m = tree.mounts().at(c);
        plan->parameters.append({QStringLiteral("cover-id"), QByteArray::number(m.id)});
        plan->parameters.append({QStringLiteral("cover-mp"), encodedMountPoint(m)});
        plan->parameters.append({QStringLiteral("cover-path"), m.mountPointPath()});
        plan->parameters.append({QStringLiteral("cover-ident"), mountIdentity(tree, c)});
        plan->steps.append(CoreTr::tr("Re-check, then unmount %1.").arg(describeMount(m)));
        if (broad.contains(m.mountPoint))
            plan->steps.append(
                CoreTr::tr("Warning: %1 is above the docker root: whatever else is kept under it "
                           "disappears from view (parent-covers=unmount).")
                    .arg(m.mountPoint));
    }
    for (const MountedLayer &l : leaked) {
        const MountEntry &m = tree.mounts().at(l.mountIndex);
        plan->parameters.append({QStringLiteral("leaked-id"), QByteArray::number(m.id)});
        plan->parameters.append({QStringLiteral("leaked-mp"), encodedMountPoint(m)});
        plan->parameters.append({QStringLiteral("leaked-path"), m.mountPointPath()});
        plan->parameters.append({QStringLiteral("leaked-ident"), mountIdentity(tree, l.mountIndex)});
        plan->parameters.append({QStringLiteral("leaked-layer"), l.layerId.toUtf8()});
        plan->steps.append(CoreTr::tr("Unmount the leaked overlay mount of %1 at %2 (if no running container "
                                      "uses it by then).")
                               .arg(findingContainer(snapshot, l).label(), m.mountPoint));
    }
    plan->parameters.append({QStringLiteral("containers"), containers.toUtf8()});
    plan->parameters.append({QStringLiteral("restart-docker"), restartDocker.toUtf8()});
    plan->parameters.append({QStringLiteral("parent-covers"), parentCovers.toUtf8()});
    if (containers == QLatin1String("restart"))
        plan->steps.append(
            CoreTr::tr("Restart the %n running container(s) (docker restart): each stops for a "
                       "few seconds.",
                       nullptr, int(running.size())));
    else
        plan->steps.append(CoreTr::tr("Containers: none is stopped or restarted."));
    const bool liveRestore =
        snapshot.dockerInfo.isOk() && snapshot.dockerInfo.value.liveRestoreEnabled.value_or(false);
    const QString stopText =
        liveRestore || running.isEmpty()
            ? CoreTr::tr("live-restore is on: the containers keep running through it.")
            : CoreTr::tr("live-restore is off: all %n running container(s) stop for the restart (typically "
                         "10-30 s); the script starts them again, %1 of them have no restart policy that "
                         "would bring them back by itself (%2).",
                         nullptr, int(running.size()))
                      .arg(withoutPolicy.size())
                      .arg(withoutPolicy.isEmpty() ? CoreTr::tr("none")
                                                   : withoutPolicy.join(QLatin1String(", "))) +
                  (policyUnknown.isEmpty()
                       ? QString()
                       : QLatin1Char(' ') + CoreTr::tr("The restart policy of %1 is unknown "
                                                       "(docker's files are covered).")
                                                .arg(policyUnknown.join(QLatin1String(", ")))) +
                  (removedOnRestart.isEmpty() || liveRestore
                       ? QString()
                       : QLatin1Char(' ') +
                             CoreTr::tr("%1 were started with --rm: a docker restart would remove them for "
                                        "good, so the script will not restart docker while they run.")
                                 .arg(removedOnRestart.join(QLatin1String(", "))));
    if (restartDocker == QLatin1String("always"))
        plan->steps.append(CoreTr::tr("Restart docker (systemctl restart docker): %1").arg(stopText));
    else if (restartDocker == QLatin1String("auto"))
        plan->steps.append(
            CoreTr::tr("Restart docker only if it does not answer or cannot create a container "
                       "once the covers are gone (not expected); if it must: %1")
                .arg(stopText));
    else
        plan->steps.append(CoreTr::tr("Never restart docker."));
    plan->steps.append(CoreTr::tr("Start again every recorded container that does not run."));
    plan->steps.append(CoreTr::tr("Verify: no cover left, every recorded container runs, docker answers and "
                                  "can create a container (a test container, removed at once)."));
}

void planOrphanedLayers(const HostSnapshot &snapshot, RemediationPlan *plan)
{
    const LayerAnalysis layers = analyzeLayers(snapshot);
    const OrphanVerdict &v = layers.orphans;
    if (v.state == RuleState::Unknown) {
        plan->error = CoreTr::tr("Whether layer directories are orphaned is unknown here: %1.").arg(v.why);
        return;
    }
    if (v.directories.isEmpty()) {
        plan->error = CoreTr::tr("No orphaned layer directory on this host: nothing to remove.");
        return;
    }
    const MountTree &tree = snapshot.mounts.value;
    const QString root = tree.dockerRoot();
    const int holder = tree.resolvePath(root + QLatin1String("/overlay2"));
    if (holder < 0) {
        plan->error = CoreTr::tr("No mount holds %1/overlay2.").arg(root);
        return;
    }
    plan->parameters.append({QStringLiteral("docker-root"), root.toUtf8()});
    plan->parameters.append({QStringLiteral("holder-id"), QByteArray::number(tree.mounts().at(holder).id)});
    plan->parameters.append({QStringLiteral("holder-ident"), mountIdentity(tree, holder)});
    plan->steps.append(CoreTr::tr("Check that docker's root is %1 and that %1/overlay2 is still on %2, "
                                  "with no mount covering docker's mounts.")
                           .arg(root, describeMount(tree.mounts().at(holder))));
    plan->steps.append(CoreTr::tr("Stop if a pull, commit or build is in flight."));
    int removable = 0;
    for (const QString &dir : v.directories) {
        if (v.stillMounted.contains(dir)) {
            plan->steps.append(CoreTr::tr("Keep %1/overlay2/%2: a leaked mount is still inside "
                                          "(run fix-shadowed-mounts first).")
                                   .arg(root, dir));
            continue;
        }
        plan->parameters.append({QStringLiteral("layer"), dir.toUtf8()});
        const auto size = snapshot.layerSizes.value.bytes.constFind(dir);
        plan->steps.append(size == snapshot.layerSizes.value.bytes.constEnd()
                               ? CoreTr::tr("Re-check, then remove %1/overlay2/%2.").arg(root, dir)
                               : CoreTr::tr("Re-check, then remove %1/overlay2/%2 (%3).")
                                     .arg(root, dir, formatBytes(*size)));
        ++removable;
    }
    if (removable == 0) {
        plan->error = CoreTr::tr("Every orphaned layer directory still holds a leaked mount: run "
                                 "fix-shadowed-mounts first.");
        return;
    }
    plan->steps.append(CoreTr::tr("Verify: docker answers and can create a container, every container "
                                  "keeps its layer."));
}

void planMountOrdering(const HostSnapshot &snapshot, RemediationPlan *plan)
{
    const Analysis analysis = analyze(snapshot);
    QStringList points;
    for (const RuleCheck &c : analysis.checks) {
        if (c.ruleId == QLatin1String(FindingId::DockerMountNotOrdered) && c.state != RuleState::Failed) {
            plan->error =
                c.state == RuleState::Passed
                    ? CoreTr::tr("docker.service already waits for the docker root's mount.")
                    : CoreTr::tr("Whether docker.service waits for its mount is unknown: %1.").arg(c.reason);
            return;
        }
    }
    // The mount points of the docker root's path that the unit does not wait for.
    const MountTree &tree = snapshot.mounts.value;
    for (int index = tree.resolvePath(tree.dockerRoot()); index >= 0; index = tree.parentIndex(index)) {
        const QString &point = tree.mounts().at(index).mountPoint;
        if (point == QLatin1String("/"))
            break;
        if (!snapshot.unitOrdering.value.waitsFor(point) && !points.contains(point))
            points.append(point);
    }
    static const QRegularExpression plain(QStringLiteral("^/[A-Za-z0-9/._@:+-]*$"));
    for (const QString &point : std::as_const(points)) {
        if (!plain.match(point).hasMatch()) {
            plan->error =
                CoreTr::tr("The mount point %1 has characters Layerwatch does not write into a unit "
                           "file: add RequiresMountsFor= for it by hand.")
                    .arg(point);
            return;
        }
        plan->parameters.append({QStringLiteral("mount-point"), point.toUtf8()});
    }
    if (points.isEmpty()) {
        plan->error = CoreTr::tr("docker.service already waits for the docker root's mount.");
        return;
    }
    plan->steps.append(CoreTr::tr("Write /etc/systemd/system/docker.service.d/layerwatch-mounts.conf with "
                                  "RequiresMountsFor=%1 (an earlier copy is kept as .bak).")
                           .arg(points.join(QLatin1Char(' '))));
    plan->steps.append(CoreTr::tr("Reload systemd (systemctl daemon-reload); docker is not restarted."));
    plan->steps.append(CoreTr::tr("Verify: systemctl show docker lists the path(s) in RequiresMountsFor."));
}

} // namespace

bool renderStorageDriverFix(const QString &keep, const QByteArray &daemonJson,
                            const QByteArray &dockerStorage, QString *file, QByteArray *newContent,
                            QString *error)
{
    if (keep == QLatin1String("sysconfig")) {
        QJsonParseError parseError;
        QJsonDocument doc = QJsonDocument::fromJson(daemonJson, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = CoreTr::tr("daemon.json is not valid JSON; fix it by hand.");
            return false;
        }
        QJsonObject object = doc.object();
        if (!object.contains(QLatin1String("storage-driver"))) {
            *error = CoreTr::tr("daemon.json has no storage-driver: nothing to remove.");
            return false;
        }
        object.remove(QLatin1String("storage-driver"));
        *file = QStringLiteral("/etc/docker/daemon.json");
        *newContent = QJsonDocument(object).toJson(QJsonDocument::Indented);
        return true;
    }
    if (keep != QLatin1String("daemon-json")) {
        *error = CoreTr::tr("keep must be daemon-json or sysconfig.");
        return false;
    }
    // Rewrite only the DOCKER_STORAGE_OPTIONS assignment; every other line stays byte for byte.
    static const QRegularExpression assignment(
        QStringLiteral(R"(^(\s*(?:export\s+)?DOCKER_STORAGE_OPTIONS=)(.*)$)"));
    static const QRegularExpression safeWord(QStringLiteral(R"(^[A-Za-z0-9=._/:,@%+-]+$)"));
    const QList<QByteArray> lines = dockerStorage.split('\n');
    QByteArray out;
    bool changed = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        const QRegularExpressionMatch m = assignment.match(line);
        if (m.hasMatch()) {
            if (line.endsWith(QLatin1Char('\\'))) {
                *error = CoreTr::tr("DOCKER_STORAGE_OPTIONS continues over several lines; edit it by hand.");
                return false;
            }
            const DockerStorageSysconfig parsed = parseDockerStorageSysconfig(lines.at(i));
            const QString value = parsed.variables.value(QStringLiteral("DOCKER_STORAGE_OPTIONS"));
            QString splitError;
            const QStringList words = splitShellWords(value, &splitError);
            if (!splitError.isEmpty()) {
                *error = CoreTr::tr("DOCKER_STORAGE_OPTIONS cannot be read safely (%1); edit it by hand.")
                             .arg(splitError);
                return false;
            }
            QStringList kept;
            for (int w = 0; w < words.size(); ++w) {
                const QString &word = words.at(w);
                if (word == QLatin1String("--storage-driver") || word == QLatin1String("-s")) {
                    ++w; // and its value
                    changed = true;
                    continue;
                }
                if (word.startsWith(QLatin1String("--storage-driver=")) ||
                    (word.startsWith(QLatin1String("-s")) && word.size() > 2 &&
                     !word.startsWith(QLatin1String("--")))) {
                    changed = true;
                    continue;
                }
                if (!safeWord.match(word).hasMatch()) {
                    *error =
                        CoreTr::tr("DOCKER_STORAGE_OPTIONS holds a word Layerwatch will not rewrite (%1); "
                                   "edit it by hand.")
                            .arg(word);
                    return false;
                }
                kept.append(word);
            }
            out +=
                (m.captured(1) + QLatin1Char('"') + kept.join(QLatin1Char(' ')) + QLatin1Char('"')).toUtf8();
        } else {
            out += lines.at(i);
        }
        if (i + 1 < lines.size())
            out += '\n';
    }
    if (!changed) {
        *error = CoreTr::tr(
            "DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage sets no storage driver; the flag "
            "is elsewhere (the service's ExecStart?): edit it by hand or keep the flag.");
        return false;
    }
    *file = QStringLiteral("/etc/sysconfig/docker-storage");
    *newContent = out;
    return true;
}

RemediationPlan planRemediation(const RemediationScript &script, const HostSnapshot &snapshot,
                                const QMap<QString, QString> &operatorValues)
{
    RemediationPlan plan;
    plan.host = snapshot.host;
    plan.scriptId = script.id;
    plan.scriptSha256 = script.sha256;
    plan.origin = script.origin;
    if (!script.verified) {
        plan.error = script.refusal.isEmpty() ? CoreTr::tr("The script is not the reviewed one: refused.")
                                              : script.refusal;
        return plan;
    }
    QString error;
    if (script.id == QLatin1String("fix-shadowed-mounts")) {
        planShadowedMounts(snapshot, operatorValues, script, &plan);
    } else if (script.id == QLatin1String("remove-orphaned-layers")) {
        planOrphanedLayers(snapshot, &plan);
    } else if (script.id == QLatin1String("order-docker-after-mounts")) {
        planMountOrdering(snapshot, &plan);
    } else if (script.id == QLatin1String("migrate-and-reboot")) {
        const QString confirm = operatorValues.value(QStringLiteral("confirm-host"));
        const QString allow = operatorValue(script, operatorValues, QStringLiteral("allow-running"), &error);
        if (!error.isEmpty()) {
            plan.error = error;
        } else if (confirm.isEmpty()) {
            plan.error = CoreTr::tr("Type the host's name to confirm that its workloads were moved away.");
        } else {
            plan.parameters.append({QStringLiteral("confirm-host"), confirm.toUtf8()});
            plan.parameters.append({QStringLiteral("allow-running"), allow.toUtf8()});
            plan.steps.append(CoreTr::tr("Check that the host's name is %1.").arg(confirm));
            plan.steps.append(allow == QLatin1String("yes")
                                  ? CoreTr::tr("Reboot even if containers still run.")
                                  : CoreTr::tr("Stop if any container still runs."));
            plan.steps.append(CoreTr::tr("Reboot the host (systemctl reboot)."));
        }
    } else if (script.id == QLatin1String("fix-storage-driver-conflict")) {
        const QString keep = operatorValue(script, operatorValues, QStringLiteral("keep"), &error);
        const ProbeOutput daemon = snapshot.raw.probe(QString::fromLatin1(ProbeId::DaemonJson));
        const ProbeOutput storage = snapshot.raw.probe(QString::fromLatin1(ProbeId::DockerStorage));
        QString file;
        QByteArray content;
        if (!error.isEmpty()) {
            plan.error = error;
        } else if (daemon.status != ProbeStatus::Ok || storage.status != ProbeStatus::Ok) {
            plan.error = CoreTr::tr("daemon.json and /etc/sysconfig/docker-storage must both have been read; "
                                    "probe the host first.");
        } else if (!renderStorageDriverFix(keep, daemon.output, storage.output, &file, &content,
                                           &plan.error)) {
            // plan.error set
        } else {
            const QByteArray &old =
                file.endsWith(QLatin1String("daemon.json")) ? daemon.output : storage.output;
            plan.parameters.append({QStringLiteral("keep"), keep.toUtf8()});
            plan.parameters.append({QStringLiteral("file"), file.toUtf8()});
            plan.parameters.append({QStringLiteral("expected-sha256"), sha256Hex(old).toUtf8()});
            plan.parameters.append({QStringLiteral("content"), content});
            plan.steps.append(CoreTr::tr("Check that %1 still has SHA-256 %2.").arg(file, sha256Hex(old)));
            plan.steps.append(
                CoreTr::tr("Back up %1 and replace it with:\n%2").arg(file, QString::fromUtf8(content)));
            plan.steps.append(CoreTr::tr("Restart docker; restore the backup if it does not come up."));
        }
    } else if (script.id == QLatin1String("enable-redirect-dir")) {
        const QString persist = operatorValue(script, operatorValues, QStringLiteral("persist"), &error);
        if (!error.isEmpty()) {
            plan.error = error;
        } else {
            plan.parameters.append({QStringLiteral("persist"), persist.toUtf8()});
            plan.steps.append(
                CoreTr::tr("Write Y to /sys/module/overlay/parameters/redirect_dir and read it back."));
            if (persist == QLatin1String("yes"))
                plan.steps.append(
                    CoreTr::tr("Write /etc/modprobe.d/layerwatch-overlay.conf for the next boot."));
        }
    } else {
        plan.error = CoreTr::tr("Layerwatch has no planner for the script %1.").arg(script.id);
    }
    return plan;
}

QStringList remediationActions(const QByteArray &stdoutData, const QByteArray &stderrData)
{
    static const char *const prefixes[] = {"LW-RUN ",          "LW-WOULD-RUN ", "LW-REMOVED ",
                                           "LW-WOULD-REMOVE ", "LW-NOTE ",      "LW-VERIFY ",
                                           "LW-WORKLOAD ",     "LW-FAIL ",      "LW-STEP "};
    QStringList out;
    for (const QByteArray *stream : {&stdoutData, &stderrData}) {
        for (const QByteArray &line : stream->split('\n')) {
            if (out.size() >= 1000)
                return out;
            for (const char *prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    out.append(QString::fromUtf8(line.left(1000)));
                    break;
                }
            }
        }
    }
    return out;
}

RepairVerdict judgeRepair(const RemediationScript &script, const HostSnapshot &before,
                          const HostSnapshot *after, const Analysis *afterAnalysis)
{
    RepairVerdict v;
    v.verdict = QStringLiteral("unknown");
    if (!after || !afterAnalysis) {
        v.problems.append(CoreTr::tr("the host could not be probed again"));
        return v;
    }
    RuleState rule = RuleState::Unknown;
    QString ruleReason;
    for (const RuleCheck &c : afterAnalysis->checks) {
        if (c.ruleId == script.verifyFindingGone) {
            rule = c.state;
            ruleReason = c.reason;
        }
    }
    if (rule == RuleState::Failed) {
        v.verdict = QStringLiteral("still-there");
        v.problems.append(CoreTr::tr("the re-probe still finds %1").arg(script.verifyFindingGone));
        return v;
    }
    if (script.verifyWorkload) {
        if (!after->dockerInfo.isOk())
            v.problems.append(CoreTr::tr("docker info does not answer after the repair"));
        if (!before.containers.isOk() || !after->containers.isOk()) {
            v.problems.append(CoreTr::tr("the containers before or after the repair are unknown"));
        } else {
            for (const DockerContainer *c : before.containers.value.running()) {
                const DockerContainer *now = after->containers.value.byId(c->id);
                if (!now || !now->running)
                    v.problems.append(CoreTr::tr("container %1 ran before the repair and is %2 now")
                                          .arg(describeContainer(*c), now ? now->state : CoreTr::tr("gone")));
                else if (c->paused != now->paused)
                    v.problems.append(CoreTr::tr("container %1 was %2 before the repair and is %3 now")
                                          .arg(describeContainer(*c), c->state, now->state));
            }
        }
        if (!v.problems.isEmpty()) {
            v.verdict = QStringLiteral("workload-down");
            return v;
        }
    }
    if (rule == RuleState::Passed) {
        v.verdict = QStringLiteral("gone");
        return v;
    }
    v.problems.append(
        CoreTr::tr("whether %1 is gone is unknown: %2").arg(script.verifyFindingGone, ruleReason));
    return v;
}

QByteArray encodeRemediationParameters(const QList<QPair<QString, QByteArray>> &parameters)
{
    QByteArray lines;
    for (const auto &p : parameters)
        lines += p.first.toLatin1() + ' ' + p.second.toBase64() + '\n';
    return lines.toBase64();
}

QByteArray remediationCommand(const RemediationScript &script, const RemediationPlan &plan,
                              RemediationMode mode)
{
    const QByteArray modeWord = mode == RemediationMode::DryRun ? "dry-run" : "run";
    // Dry runs change nothing and get a short leash; real runs the manifest's timeout.
    const int seconds =
        mode == RemediationMode::DryRun ? std::min(script.timeoutSec, 120) : script.timeoutSec;
    return "timeout -k 10 " + QByteArray::number(seconds) + " sh -s -- " + modeWord + ' ' +
           encodeRemediationParameters(plan.parameters);
}

QByteArray remediationStdin(const RemediationCatalog &catalog, const RemediationScript &script)
{
    return catalog.prelude + '\n' + script.body + '\n';
}

QByteArray remediationCancelCommand(const QString &pgid)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,9}$"));
    if (!digits.match(pgid).hasMatch())
        return {};
    return "kill -TERM -- -" + pgid.toLatin1() + "; sleep 2; kill -KILL -- -" + pgid.toLatin1() +
           " 2>/dev/null; true";
}

} // namespace lw
