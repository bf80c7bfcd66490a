#include "layeranalysis.h"

#include "coretr.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace lw {

QList<MountedLayer> LayerAnalysis::leaked() const
{
    QList<MountedLayer> out;
    std::copy_if(mounted.cbegin(), mounted.cend(), std::back_inserter(out),
                 [](const MountedLayer &m) { return m.leaked; });
    return out;
}

QList<MountedLayer> LayerAnalysis::hiddenLayers() const
{
    QList<MountedLayer> out;
    std::copy_if(mounted.cbegin(), mounted.cend(), std::back_inserter(out),
                 [](const MountedLayer &m) { return m.hidden; });
    return out;
}

bool dockerRootCovered(const HostSnapshot &s)
{
    if (!s.mounts.isOk())
        return false;
    const MountTree &tree = s.mounts.value;
    const QByteArray root = tree.dockerRoot().toUtf8();
    for (int index : tree.hiddenMounts()) {
        // A hidden mount at or under the docker root, or a hidden mount that the root's own path crosses
        // (a cover on a parent of the root hides what docker sees there). Paths compared as bytes.
        if (isPathPrefix(root, tree.mountPointBytes(index)))
            return true;
        const int cover = tree.coveringMount(index);
        if (cover >= 0 && isPathPrefix(tree.mountPointBytes(cover), root) &&
            tree.mountPointBytes(cover) != "/")
            return true;
    }
    return false;
}

namespace {

OrphanVerdict unknownOrphans(const QString &why)
{
    OrphanVerdict v;
    v.state = RuleState::Unknown;
    v.why = why;
    return v;
}

QString probeWhy(const char *probeId, ProbeStatus status, const QList<ParseError> &errors)
{
    const QString name = QString::fromLatin1(probeId);
    if (status == ProbeStatus::NotCollected)
        return CoreTr::tr("probe %1 was not collected").arg(name);
    if (!errors.isEmpty())
        return CoreTr::tr("probe %1: %2").arg(name, errors.constFirst().message);
    return CoreTr::tr("probe %1 is %2").arg(name, probeStatusName(status));
}

OrphanVerdict judgeOrphans(const HostSnapshot &s, const LayerAnalysis &a)
{
    if (dockerRootCovered(s))
        return unknownOrphans(CoreTr::tr("a mount covers part of the docker root: the layer directories "
                                         "seen are not all of docker's"));
    if (!s.layers.isOk())
        return unknownOrphans(probeWhy(ProbeId::DockerLayers, s.layers.status, s.layers.errors));
    if (!s.mounts.isOk())
        return unknownOrphans(probeWhy(ProbeId::MountInfo, s.mounts.status, s.mounts.errors));
    if (!a.containersKnown)
        return unknownOrphans(probeWhy(ProbeId::DockerContainers, s.containers.status, s.containers.errors));
    const DockerLayers &layers = s.layers.value;
    if (!layers.unreadable.isEmpty())
        return unknownOrphans(CoreTr::tr("%n layer database record(s) could not be read (%1)", nullptr,
                                         int(layers.unreadable.size()))
                                  .arg(layers.unreadable.constFirst()));
    if (layers.buildKit == BuildKitState::Unreadable)
        return unknownOrphans(CoreTr::tr("BuildKit's databases could not be read"));
    if (layers.busy > 0)
        return unknownOrphans(CoreTr::tr("a pull, commit or build is in progress (%n record(s) in flight)",
                                         nullptr, layers.busy));
    const QSet<QString> present(layers.directories.cbegin(), layers.directories.cend());
    for (auto it = layers.references.cbegin(); it != layers.references.cend(); ++it) {
        if (!present.contains(it.key()))
            return unknownOrphans(CoreTr::tr("the layer database names %1, which is not in the overlay2 "
                                             "directory: the directory seen is covered or damaged")
                                      .arg(it.key()));
    }
    // The daemon's own view (every image's and container's overlay2 directories, the host paths bound into
    // containers): it must agree with the layer database, and nothing it names is ever an orphan.
    const DockerContainers &daemon = s.containers.value;
    if (!daemon.imagesKnown)
        return unknownOrphans(
            CoreTr::tr("the daemon's image layers could not be read (docker image inspect)"));
    QSet<QString> used;
    for (const DockerImage &image : daemon.images) {
        for (const QString &dir : image.layerDirs)
            used.insert(dir);
    }
    for (const DockerContainer &c : daemon.containers) {
        for (const QString &dir : c.layerDirs)
            used.insert(dir);
        if (!c.layerId.isEmpty()) {
            used.insert(c.layerId);
            used.insert(c.layerId + QLatin1String("-init"));
        }
    }
    for (const QString &dir : std::as_const(used)) {
        if (!layers.references.contains(dir) && present.contains(dir))
            return unknownOrphans(
                CoreTr::tr("the daemon uses layer %1, which the layer database does not name: "
                           "the layer database seen is covered, incomplete or damaged")
                    .arg(dir));
    }
    const QString overlay2 =
        (layers.root.isEmpty() ? s.dockerRoot() : layers.root) + QLatin1String("/overlay2/");
    for (const DockerContainer &c : daemon.containers) {
        for (const QString &source : c.mountSources) {
            if (source.startsWith(overlay2))
                used.insert(source.mid(overlay2.size()).section(QLatin1Char('/'), 0, 0));
        }
    }
    OrphanVerdict v;
    // Directories with any mount at or under them (a leaked overlay, or anything else mounted there).
    QSet<QString> mountedLayers;
    for (const MountEntry &m : s.mounts.value.mounts()) {
        if (m.mountPoint.startsWith(overlay2))
            mountedLayers.insert(m.mountPoint.mid(overlay2.size()).section(QLatin1Char('/'), 0, 0));
    }
    qint64 total = 0;
    for (const QString &dir : layers.directories) {
        if (dir == QLatin1String("l") || layers.referenced(dir) || used.contains(dir))
            continue;
        // BuildKit not asked: no candidate existed when the probe ran, so this one came later.
        if (layers.buildKit == BuildKitState::NotAsked)
            return unknownOrphans(CoreTr::tr("BuildKit's databases were not read"));
        v.directories.append(dir);
        // A mounted layer's init layer is one of its overlay's lower layers: in use while it is mounted.
        if (mountedLayers.contains(dir) ||
            (dir.endsWith(QLatin1String("-init")) && mountedLayers.contains(dir.chopped(5))))
            v.stillMounted.append(dir);
        const auto size = s.layerSizes.isOk() ? s.layerSizes.value.bytes.constFind(dir)
                                              : s.layerSizes.value.bytes.constEnd();
        if (s.layerSizes.isOk() && size != s.layerSizes.value.bytes.constEnd()) {
            total += *size;
            ++v.sizesKnown;
        }
    }
    std::sort(v.directories.begin(), v.directories.end());
    std::sort(v.stillMounted.begin(), v.stillMounted.end());
    v.bytes = v.sizesKnown == v.directories.size() ? total : -1;
    v.state = v.directories.isEmpty() ? RuleState::Passed : RuleState::Failed;
    return v;
}

} // namespace

LayerAnalysis analyzeLayers(const HostSnapshot &s)
{
    LayerAnalysis a;
    a.containersKnown = s.containers.isOk();
    if (a.containersKnown) {
        for (const DockerContainer &c : s.containers.value.containers)
            a.runningWithoutLayer += c.running && c.layerId.isEmpty() ? 1 : 0;
    }
    a.layersKnown = a.containersKnown && a.runningWithoutLayer == 0;
    if (s.mounts.isOk()) {
        const MountTree &tree = s.mounts.value;
        const QList<DockerContainer> &containers = s.containers.value.containers;
        for (int i = 0; i < tree.size(); ++i) {
            const QString layer = tree.layerId(i);
            if (layer.isEmpty())
                continue;
            MountedLayer m;
            m.mountIndex = i;
            m.layerId = layer;
            m.hidden = tree.isHidden(i);
            if (a.containersKnown) {
                for (int c = 0; c < containers.size(); ++c) {
                    if (containers.at(c).layerId == layer)
                        m.containerIndex = c;
                }
                // Leaked: no container at all has the layer (it was removed), and every running container's
                // layer is known. A stopped container's mount is not: docker may be using it (export, cp).
                m.leaked = m.containerIndex < 0 && a.layersKnown;
            }
            a.mounted.append(m);
        }
    }
    a.orphans = judgeOrphans(s, a);
    return a;
}

ContainerSummary summarizeContainers(const HostSnapshot &s)
{
    ContainerSummary sum;
    if (!s.containers.isOk())
        return sum;
    sum.known = true;
    const QList<DockerContainer> &containers = s.containers.value.containers;
    sum.total = int(containers.size());
    for (const DockerContainer &c : containers) {
        if (c.running) {
            ++sum.running;
            sum.runningNames.append(c.name.isEmpty() ? c.shortId() : c.name);
        }
    }
    const LayerAnalysis a = analyzeLayers(s);
    for (const MountedLayer &m : a.mounted) {
        if (m.leaked)
            ++sum.leakedMounts;
        else if (m.hidden && m.containerIndex < 0)
            ++sum.unmatchedHidden;
        else if (m.hidden && m.containerIndex >= 0 && containers.at(m.containerIndex).running) {
            ++sum.covered;
            const DockerContainer &c = containers.at(m.containerIndex);
            sum.coveredNames.append(c.name.isEmpty() ? c.shortId() : c.name);
        }
    }
    return sum;
}

QString containerSummaryText(const ContainerSummary &sum)
{
    if (!sum.known)
        return CoreTr::tr("unknown");
    QString text = CoreTr::tr("%n container(s), %1 running", nullptr, sum.total).arg(sum.running);
    if (sum.covered > 0)
        text += QLatin1String("; ") +
                CoreTr::tr("%n covered: %1", nullptr, sum.covered).arg(shortList(sum.coveredNames));
    if (sum.unmatchedHidden > 0)
        text += QLatin1String("; ") +
                CoreTr::tr("%n hidden mount(s) of unknown containers", nullptr, sum.unmatchedHidden);
    if (sum.leakedMounts > 0)
        text += QLatin1String("; ") + CoreTr::tr("%n leaked mount(s)", nullptr, sum.leakedMounts);
    return text;
}

QHash<int, FindingContainer> containersByMount(const HostSnapshot &s)
{
    QHash<int, FindingContainer> out;
    if (!s.mounts.isOk() || !s.containers.isOk())
        return out;
    for (const MountedLayer &m : analyzeLayers(s).mounted)
        out.insert(s.mounts.value.mounts().at(m.mountIndex).id, findingContainer(s, m));
    return out;
}

FindingContainer findingContainer(const HostSnapshot &s, const MountedLayer &layer)
{
    FindingContainer f;
    f.layerId = layer.layerId;
    if (layer.containerIndex < 0 || layer.containerIndex >= s.containers.value.containers.size()) {
        f.removed = layer.leaked; // else: a running container whose layer is unknown may own it
        return f;
    }
    const DockerContainer &c = s.containers.value.containers.at(layer.containerIndex);
    f.running = c.running;
    f.id = c.id;
    f.name = c.name;
    f.state = c.state;
    f.restartPolicy =
        c.restartPolicyText.isEmpty() ? restartPolicyName(c.restartPolicy) : c.restartPolicyText;
    return f;
}

QString shortList(const QStringList &items, int shown)
{
    if (items.size() <= shown)
        return items.join(QLatin1String(", "));
    return CoreTr::tr("%1 and %n more", nullptr, int(items.size()) - shown)
        .arg(items.mid(0, shown).join(QLatin1String(", ")));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace lw
