#include "dockerstate.h"

#include "coretr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace lw {

namespace {

QList<QByteArrayView> textLines(QByteArrayView text)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    return lines;
}

bool isHexId(const QString &id)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(id).hasMatch();
}

// Names docker and BuildKit give layer directories: [0-9A-Za-z_.-] (the probe sends no others).
bool isLayerName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 255 || name == "." || name == "..")
        return false;
    for (const char c : name) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        c == '_' || c == '.' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

// <root>/overlay2/<name>/<leaf> -> <name> for leaf diff, merged or work; empty for anything else.
QString layerOfDir(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return QString();
    const QString leaf = path.mid(slash + 1);
    if (leaf != QLatin1String("diff") && leaf != QLatin1String("merged") && leaf != QLatin1String("work"))
        return QString();
    const QString dir = path.left(slash);
    const qsizetype parentSlash = dir.lastIndexOf(QLatin1Char('/'));
    if (parentSlash < 0 || !dir.left(parentSlash).endsWith(QLatin1String("/overlay2")))
        return QString();
    const QString name = dir.mid(parentSlash + 1);
    return isLayerName(name.toUtf8()) && name.toLatin1() == name.toUtf8() ? name : QString();
}

// The overlay2 directories a GraphDriver.Data map names: UpperDir, MergedDir, WorkDir, and LowerDir's list.
QStringList layerDirsOf(const QJsonObject &graph)
{
    QStringList out;
    auto add = [&out](const QString &path) {
        const QString name = layerOfDir(path);
        if (!name.isEmpty() && !out.contains(name))
            out.append(name);
    };
    for (const char *key : {"UpperDir", "MergedDir", "WorkDir"})
        add(graph.value(QLatin1String(key)).toString());
    for (const QString &lower :
         graph.value(QLatin1String("LowerDir")).toString().split(QLatin1Char(':'), Qt::SkipEmptyParts))
        add(lower);
    return out;
}

// <root>/overlay2/<id>/merged -> <id>; empty for anything else.
QString layerOfMergedDir(const QString &mergedDir)
{
    if (!mergedDir.endsWith(QLatin1String("/merged")))
        return QString();
    const QString dir = mergedDir.chopped(7);
    const qsizetype slash = dir.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QString();
    const QString parent = dir.left(slash);
    const QString id = dir.mid(slash + 1);
    if (!parent.endsWith(QLatin1String("/overlay2")) || !isLayerName(id.toLatin1()) ||
        id.toLatin1() != id.toUtf8())
        return QString();
    return id;
}

} // namespace

RestartPolicy restartPolicyFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("no"))
        return RestartPolicy::No;
    if (name == QLatin1String("always"))
        return RestartPolicy::Always;
    if (name == QLatin1String("unless-stopped"))
        return RestartPolicy::UnlessStopped;
    if (name == QLatin1String("on-failure"))
        return RestartPolicy::OnFailure;
    return RestartPolicy::Unknown;
}

QString restartPolicyName(RestartPolicy policy)
{
    switch (policy) {
    case RestartPolicy::No:
        return QStringLiteral("no");
    case RestartPolicy::Always:
        return QStringLiteral("always");
    case RestartPolicy::UnlessStopped:
        return QStringLiteral("unless-stopped");
    case RestartPolicy::OnFailure:
        return QStringLiteral("on-failure");
    case RestartPolicy::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool DockerContainer::restartsWithDaemon() const
{
    return restartPolicy == RestartPolicy::Always || restartPolicy == RestartPolicy::UnlessStopped;
}

const DockerContainer *DockerContainers::byLayer(const QString &layerId) const
{
    if (layerId.isEmpty())
        return nullptr;
    for (const DockerContainer &c : containers) {
        if (c.layerId == layerId)
            return &c;
    }
    return nullptr;
}

const DockerContainer *DockerContainers::byId(const QString &id) const
{
    if (id.size() < 12)
        return nullptr;
    const DockerContainer *found = nullptr;
    for (const DockerContainer &c : containers) {
        if (c.id == id)
            return &c;
        if (c.id.startsWith(id)) {
            if (found)
                return nullptr; // ambiguous
            found = &c;
        }
    }
    return found;
}

QList<const DockerContainer *> DockerContainers::running() const
{
    QList<const DockerContainer *> out;
    for (const DockerContainer &c : containers) {
        if (c.running)
            out.append(&c);
    }
    return out;
}

DockerContainers parseDockerContainers(QByteArrayView text)
{
    // Lines: our inspect template's objects; or, while a layer is covered (inspect fails), `docker ps`
    // objects ("Source":"ps") with "layer <id> <mount-id>" lines from the layerdb and grep's
    // "<root>/containers/<id>/hostconfig.json:"RestartPolicy":{"Name":"<policy>"" lines. An inspect
    // record wins over a ps record of the same container.
    DockerContainers result;
    QHash<QString, int> byId;
    QHash<QString, bool> fromPs;
    QHash<QString, QString> layers, policies;
    static const QRegularExpression policyLine(QStringLiteral(
        "/containers/([0-9a-f]{64})/hostconfig\\.json:\"RestartPolicy\":\\{\"Name\":\"([a-z-]*)\"$"));
    const QList<QByteArrayView> lines = textLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        auto bad = [&] {
            result.errors.append(
                {int(i) + 1, 0,
                 CoreTr::tr("Not a container record: %1")
                     .arg(QString::fromUtf8(line.first(std::min<qsizetype>(120, line.size()))))});
        };
        if (line == "images ok" || line == "images failed") {
            result.imagesKnown = line == "images ok";
            continue;
        }
        if (line.startsWith("layer ")) {
            const QList<QByteArray> words = line.toByteArray().split(' ');
            if (words.size() == 3 && isHexId(QString::fromLatin1(words.at(1))) && isLayerName(words.at(2)))
                layers.insert(QString::fromLatin1(words.at(1)), QString::fromLatin1(words.at(2)));
            else
                bad();
            continue;
        }
        if (!line.startsWith('{')) {
            const QRegularExpressionMatch m = policyLine.match(QString::fromUtf8(line));
            if (m.hasMatch())
                policies.insert(m.captured(1), m.captured(2));
            else
                bad();
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
        const QJsonObject o = doc.object();
        if (error.error == QJsonParseError::NoError && o.contains(QLatin1String("ImageId"))) {
            result.images.append({o.value(QLatin1String("ImageId")).toString(),
                                  layerDirsOf(o.value(QLatin1String("Graph")).toObject())});
            continue;
        }
        DockerContainer c;
        c.id = o.value(QLatin1String("Id")).toString();
        if (error.error != QJsonParseError::NoError || !doc.isObject() || !isHexId(c.id)) {
            bad();
            continue;
        }
        const bool ps = o.value(QLatin1String("Source")).toString() == QLatin1String("ps");
        c.name = o.value(QLatin1String("Name")).toString();
        if (c.name.startsWith(QLatin1Char('/')))
            c.name.remove(0, 1);
        c.state = o.value(QLatin1String("State")).toString();
        c.running = ps ? (c.state == QLatin1String("running") || c.state == QLatin1String("paused") ||
                          c.state == QLatin1String("restarting"))
                       : o.value(QLatin1String("Running")).toBool();
        c.restartPolicyText = o.value(QLatin1String("RestartPolicy")).toString();
        c.restartPolicy = ps ? RestartPolicy::Unknown : restartPolicyFromName(c.restartPolicyText);
        c.image = o.value(QLatin1String("Image")).toString();
        c.driver = o.value(QLatin1String("Driver")).toString();
        const QJsonObject graph =
            o.contains(QLatin1String("Graph")) ? o.value(QLatin1String("Graph")).toObject() : o;
        c.mergedDir = graph.value(QLatin1String("MergedDir")).toString();
        c.layerId = layerOfMergedDir(c.mergedDir);
        c.layerDirs = layerDirsOf(graph);
        c.paused = ps ? c.state == QLatin1String("paused") : o.value(QLatin1String("Paused")).toBool();
        c.autoRemove = o.value(QLatin1String("AutoRemove")).toBool();
        for (const QJsonValue &source : o.value(QLatin1String("MountSources")).toArray())
            c.mountSources.append(source.toString());
        const auto known = byId.constFind(c.id);
        if (known != byId.constEnd()) {
            if (fromPs.value(c.id) && !ps) {
                result.containers[*known] = c; // the inspect record wins
                fromPs[c.id] = false;
            }
            continue;
        }
        byId.insert(c.id, int(result.containers.size()));
        fromPs.insert(c.id, ps);
        result.containers.append(c);
    }
    for (DockerContainer &c : result.containers) {
        if (!fromPs.value(c.id))
            continue;
        c.layerId = layers.value(c.id);
        if (!c.layerId.isEmpty())
            c.layerDirs = {c.layerId, c.layerId + QLatin1String("-init")};
        const auto policy = policies.constFind(c.id);
        if (policy != policies.constEnd()) {
            c.restartPolicyText = *policy;
            c.restartPolicy = restartPolicyFromName(*policy);
        }
    }
    return result;
}

bool DockerLayers::referenced(const QString &directory) const
{
    return references.contains(directory) || buildKitNames.contains(directory);
}

DockerLayers parseDockerLayers(QByteArrayView text)
{
    DockerLayers result;
    const QList<QByteArrayView> lines = textLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const int lineNo = int(i) + 1;
        const qsizetype space = line.indexOf(' ');
        const QByteArrayView key = space < 0 ? line : line.first(space);
        const QByteArrayView rest = space < 0 ? QByteArrayView() : line.sliced(space + 1);
        const QList<QByteArray> words = rest.toByteArray().split(' ');
        auto bad = [&] {
            result.errors.append(
                {lineNo, 0,
                 CoreTr::tr("Unexpected line in docker-layers: %1")
                     .arg(QString::fromUtf8(line.first(std::min<qsizetype>(120, line.size()))))});
        };
        if (key == "root") {
            result.root = QString::fromUtf8(rest);
        } else if (key == "dir") {
            if (isLayerName(rest))
                result.directories.append(QString::fromLatin1(rest));
            else
                bad();
        } else if (key == "odd" || key == "busy") {
            bool ok = false;
            const int n = rest.toByteArray().toInt(&ok);
            if (!ok || n < 0)
                bad();
            else if (key == "odd")
                result.oddEntries = n;
            else
                result.busy = n;
        } else if (key == "ref") {
            if (words.size() != 3 || !isLayerName(words.at(1)) || !isLayerName(words.at(2)) ||
                !(words.at(0) == "cache" || words.at(0) == "mount" || words.at(0) == "init")) {
                bad();
                continue;
            }
            result.references[QString::fromLatin1(words.at(2))].append(
                {QString::fromLatin1(words.at(0)), QString::fromLatin1(words.at(1))});
        } else if (key == "unread") {
            result.unreadable.append(QString::fromUtf8(rest));
        } else if (key == "buildkit") {
            if (rest == "none")
                result.buildKit = BuildKitState::NotPresent;
            else if (rest == "ok")
                result.buildKit = BuildKitState::Read;
            else if (rest == "unasked")
                result.buildKit = BuildKitState::NotAsked;
            else if (rest == "unreadable")
                result.buildKit = BuildKitState::Unreadable;
            else
                bad();
        } else if (key == "bkref") {
            if (isLayerName(rest))
                result.buildKitNames.insert(QString::fromLatin1(rest));
            else
                bad();
        } else if (key == "end" && rest.isEmpty()) {
            result.complete = true;
        } else if (!line.isEmpty()) {
            bad();
        }
    }
    if (!result.complete)
        result.errors.append({0, 0, CoreTr::tr("The layer inventory ended early (no end line).")});
    return result;
}

LayerSizes parseLayerSizes(QByteArrayView text)
{
    LayerSizes result;
    const QList<QByteArrayView> lines = textLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype tab = line.indexOf('\t');
        bool ok = false;
        const qint64 kib = tab > 0 ? line.first(tab).toByteArray().toLongLong(&ok) : 0;
        const QByteArrayView path = tab > 0 ? line.sliced(tab + 1) : QByteArrayView();
        const qsizetype slash = path.lastIndexOf('/');
        const QByteArrayView name = slash < 0 ? path : path.sliced(slash + 1);
        if (!ok || kib < 0 || !isLayerName(name)) {
            result.errors.append(
                {int(i) + 1, 0,
                 CoreTr::tr("Unexpected du line: %1")
                     .arg(QString::fromUtf8(line.first(std::min<qsizetype>(120, line.size()))))});
            continue;
        }
        result.bytes.insert(QString::fromLatin1(name), kib * 1024);
    }
    return result;
}

bool DockerUnitOrdering::waitsFor(const QString &mountPoint) const
{
    for (const QString &path : requiresMountsFor) {
        // RequiresMountsFor=/a/b waits for the mounts of /a/b and of every parent of it.
        if (path == mountPoint ||
            path.startsWith(mountPoint == QLatin1String("/") ? mountPoint : mountPoint + QLatin1Char('/')))
            return true;
    }
    return after.contains(systemdMountUnitName(mountPoint));
}

DockerUnitOrdering parseDockerUnitOrdering(QByteArrayView systemctlShow)
{
    DockerUnitOrdering result;
    bool sawRequires = false;
    bool sawAfter = false;
    for (const QByteArrayView line : textLines(systemctlShow)) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1String("RequiresMountsFor="))) {
            sawRequires = true;
            result.requiresMountsFor += text.mid(18).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        } else if (text.startsWith(QLatin1String("After="))) {
            sawAfter = true;
            result.after += text.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
    }
    result.known = sawRequires && sawAfter;
    return result;
}

QString systemdMountUnitName(const QString &mountPoint)
{
    // systemd-escape --path: strip slashes at both ends, "/" -> "-", and every byte that is not
    // [A-Za-z0-9:_.] (or a leading '.') -> \xNN; the root is "-".
    QByteArray path = mountPoint.toUtf8();
    while (path.startsWith('/'))
        path.remove(0, 1);
    while (path.endsWith('/'))
        path.chop(1);
    if (path.isEmpty())
        return QStringLiteral("-.mount");
    QByteArray out;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path.at(i);
        const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           c == ':' || c == '_' || (c == '.' && i > 0);
        if (c == '/')
            out += '-';
        else if (plain)
            out += c;
        else
            out += "\\x" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
    }
    return QString::fromUtf8(out) + QLatin1String(".mount");
}

std::optional<std::pair<int, int>> dockerEngineVersion(const QString &serverVersion)
{
    static const QRegularExpression re(QStringLiteral("^v?(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = re.match(serverVersion);
    if (!m.hasMatch())
        return std::nullopt;
    return std::make_pair(m.captured(1).toInt(), m.captured(2).toInt());
}

} // namespace lw
