#include "remediation.h"

#include "coretr.h"
#include "dockerconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

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

} // namespace

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

RemediationCatalog loadRemediationCatalog(const QString &dir)
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
        s.verifyFindingGone =
            o.value(QLatin1String("verify")).toObject().value(QLatin1String("findingGone")).toString();
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
        } else {
            s.verified = true;
        }
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

void planShadowedMounts(const HostSnapshot &snapshot, const QMap<QString, QString> &values,
                        const RemediationScript &script, RemediationPlan *plan)
{
    if (!snapshot.mounts.isOk()) {
        plan->error = CoreTr::tr("The mount table of this host is unknown: probe it first.");
        return;
    }
    const MountTree &tree = snapshot.mounts.value;
    QSet<int> coverSet;
    QStringList layers;
    QList<int> hiddenOverlays;
    for (int i : tree.hiddenMounts()) {
        if (!tree.mounts().at(i).isOverlay())
            continue;
        hiddenOverlays.append(i);
        const QString layer = tree.layerId(i);
        if (!layer.isEmpty() && !layers.contains(layer))
            layers.append(layer);
        for (int c : tree.coverChain(i))
            coverSet.insert(c);
    }
    if (coverSet.isEmpty()) {
        plan->error = CoreTr::tr("No overlay mount is covered on this host: nothing to repair.");
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
    if (!error.isEmpty()) {
        plan->error = error;
        return;
    }
    const QString dockerRoot = tree.dockerRoot();
    plan->parameters.append({QStringLiteral("docker-root"), dockerRoot.toUtf8()});
    plan->steps.append(CoreTr::tr("Check that the graph driver is overlay2 (docker info)."));
    for (int c : covers) {
        const MountEntry &m = tree.mounts().at(c);
        plan->parameters.append({QStringLiteral("cover-id"), QByteArray::number(m.id)});
        plan->parameters.append({QStringLiteral("cover-mp"), encodedMountPoint(m)});
        plan->parameters.append({QStringLiteral("cover-path"), m.mountPointPath()});
        plan->steps.append(CoreTr::tr("Re-check, then unmount %1.").arg(describeMount(m)));
    }
    for (const QString &layer : layers)
        plan->parameters.append({QStringLiteral("layer"), layer.toUtf8()});
    plan->parameters.append({QStringLiteral("containers"), containers.toUtf8()});
    if (containers == QLatin1String("restart"))
        plan->steps.append(CoreTr::tr("Restart the containers whose rootfs was covered (%n layer(s)).",
                                      nullptr, int(layers.size())));
    else if (containers == QLatin1String("remove-all"))
        plan->steps.append(CoreTr::tr("Remove ALL containers (docker rm -f)."));
    plan->steps.append(CoreTr::tr("Restart docker (systemctl restart docker)."));
    plan->steps.append(
        CoreTr::tr("Verify: %n overlay mount(s) visible again.", nullptr, int(hiddenOverlays.size())));
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
    if (!script.verified) {
        plan.error = script.refusal.isEmpty() ? CoreTr::tr("The script is not the reviewed one: refused.")
                                              : script.refusal;
        return plan;
    }
    QString error;
    if (script.id == QLatin1String("fix-shadowed-mounts")) {
        planShadowedMounts(snapshot, operatorValues, script, &plan);
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
