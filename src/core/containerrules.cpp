// Rules about docker's containers and layers: leaked overlay mounts, orphaned layer directories, and
// docker.service's ordering after the mount that holds the docker root.

#include "coretr.h"
#include "layeranalysis.h"
#include "ruleresult.h"

namespace lw::rules {

QString coveredLayerSymptom(const HostSnapshot &s, bool coverIsSameFilesystem)
{
    const auto version =
        s.dockerInfo.isOk() ? dockerEngineVersion(s.dockerInfo.value.serverVersion) : std::nullopt;
    const QString leak = CoreTr::tr(
        "\"docker rm\" reports success but leaves the container's overlay mount and its layer directories "
        "<id> and <id>-init on disk, no longer known to docker (invisible to \"docker system df\" and "
        "prune), and \"docker run\" fails with \"symlink ../<id>-init/diff .../overlay2/l/<SHORT>: no such "
        "file or directory\"");
    const QString busy = CoreTr::tr("\"docker rm\" fails with \"device or resource busy\" after retries");
    const QString invalid = CoreTr::tr(
        "\"docker rm\" fails with \"driver overlay2 failed to remove root filesystem ... invalid argument\"");
    if (!version)
        return CoreTr::tr(
                   "Depending on the engine version, %1; or %2 (engines before 18.05, and vendor builds "
                   "of 18.09 like the one in the operations guide); or, where the cover is a bind "
                   "of the same filesystem, %3.")
            .arg(leak, invalid, busy);
    const auto [major, minor] = *version;
    const QString engine = s.dockerInfo.value.serverVersion;
    if (major < 18 || (major == 18 && minor < 5))
        return CoreTr::tr("On this engine (%1), %2, and since 17.07 a container stopped while covered "
                          "leaks its mount silently.")
            .arg(engine, invalid);
    QString text =
        coverIsSameFilesystem
            ? CoreTr::tr("On this engine (%1), where the cover is a bind of the same filesystem, %2.")
                  .arg(engine, busy)
            : CoreTr::tr("On this engine (%1), %2.").arg(engine, leak);
    if (major == 18 && minor == 9)
        text += QLatin1Char(' ') +
                CoreTr::tr("Vendor builds of 18.09 (like the one in the operations guide) may still report "
                           "\"invalid argument\" instead.");
    return text;
}

RuleResult checkLeakedMounts(const HostSnapshot &s)
{
    const char *id = FindingId::LeakedOverlayMounts;
    if (!s.mounts.isOk())
        return unknown(id, whyUnusable(ProbeId::MountInfo, s.mounts));
    if (!s.containers.isOk())
        return unknown(id, whyUnusable(ProbeId::DockerContainers, s.containers));
    const LayerAnalysis layers = analyzeLayers(s);
    if (!layers.layersKnown && layers.leaked().isEmpty())
        return unknown(id,
                       CoreTr::tr("the layer of %n running container(s) is unknown (docker's layer database "
                                  "could not be read: covered?)",
                                  nullptr, layers.runningWithoutLayer));
    const QList<MountedLayer> leaked = layers.leaked();
    if (leaked.isEmpty())
        return passed(id, CoreTr::tr("every overlay mount of a layer belongs to a running container"));
    Finding f = makeFinding(id, Severity::Warning);
    const MountTree &tree = s.mounts.value;
    int removed = 0;
    for (const MountedLayer &m : leaked) {
        const MountEntry &entry = tree.mounts().at(m.mountIndex);
        f.mountIds.append(entry.id);
        f.layerIds.append(m.layerId);
        const FindingContainer c = findingContainer(s, m);
        removed += c.removed ? 1 : 0;
        f.containers.append(c);
        f.evidence.append(entry.rawLine);
        if (m.hidden) {
            const int cover = tree.coveringMount(m.mountIndex);
            if (cover >= 0 && !f.coveredBy.contains(tree.mounts().at(cover).id))
                f.coveredBy.append(tree.mounts().at(cover).id);
        }
    }
    f.explanation =
        CoreTr::tr("%n overlay mount(s) of docker layers belong to no running container: %1 of them to "
                   "containers that were removed (typically while the layer was covered, so docker's "
                   "unmount failed and was ignored). Docker never unmounts them again; their layer "
                   "directories stay on disk and cannot be removed while mounted. Fix: unmount them "
                   "(fix-shadowed-mounts does it after removing any cover), then remove the orphaned layer "
                   "directories (remove-orphaned-layers).",
                   nullptr, int(leaked.size()))
            .arg(removed);
    f.remediation = QStringLiteral("fix-shadowed-mounts");
    return failed(id, CoreTr::tr("%n leaked overlay mount(s)", nullptr, int(leaked.size())), std::move(f));
}

RuleResult checkOrphanedLayers(const HostSnapshot &s)
{
    const char *id = FindingId::OrphanedOverlayLayers;
    const LayerAnalysis layers = analyzeLayers(s);
    const OrphanVerdict &v = layers.orphans;
    if (v.state == RuleState::Unknown)
        return unknown(id, v.why);
    if (v.state == RuleState::Passed)
        return passed(id, CoreTr::tr("every layer directory is used by an image, a container or BuildKit"));
    const bool big = v.bytes >= qint64(1) << 30;
    Finding f = makeFinding(id, big ? Severity::Warning : Severity::Info);
    f.layerIds = v.directories;
    f.bytes = v.bytes;
    const QString root = s.layers.value.root.isEmpty() ? s.dockerRoot() : s.layers.value.root;
    for (const QString &dir : v.directories) {
        const auto size = s.layerSizes.value.bytes.constFind(dir);
        f.evidence.append(size == s.layerSizes.value.bytes.constEnd()
                              ? QStringLiteral("%1/overlay2/%2").arg(root, dir)
                              : QStringLiteral("%1/overlay2/%2 (%3)").arg(root, dir, formatBytes(*size)));
    }
    const QString total = v.bytes >= 0 ? formatBytes(v.bytes) : CoreTr::tr("an unknown amount");
    f.explanation =
        CoreTr::tr("%n layer director(y/ies) under %1/overlay2 (%2) are named by no image, no container and "
                   "no BuildKit snapshot. Docker no longer knows them, so \"docker system prune\" never "
                   "frees them: typically the layers of containers removed while their overlay2 directory "
                   "was covered. Fix: remove them (remove-orphaned-layers re-checks each one first).",
                   nullptr, int(v.directories.size()))
            .arg(root, total);
    if (!v.stillMounted.isEmpty())
        f.explanation +=
            QLatin1Char(' ') +
            CoreTr::tr("%n of them still hold a leaked mount: unmount it first (fix-shadowed-mounts).",
                       nullptr, int(v.stillMounted.size()));
    f.remediation = QStringLiteral("remove-orphaned-layers");
    return failed(
        id,
        CoreTr::tr("%n orphaned layer director(y/ies), %1", nullptr, int(v.directories.size())).arg(total),
        std::move(f));
}

RuleResult checkMountOrdering(const HostSnapshot &s)
{
    const char *id = FindingId::DockerMountNotOrdered;
    if (!s.mounts.isOk())
        return unknown(id, whyUnusable(ProbeId::MountInfo, s.mounts));
    const MountTree &tree = s.mounts.value;
    const QString root = tree.dockerRoot();
    // The mounts on the docker root's path below "/", as the host resolves it (the root's own mount and
    // the mounts of its parents).
    QStringList points;
    for (int index = tree.resolvePath(root); index >= 0; index = tree.parentIndex(index)) {
        const QString &point = tree.mounts().at(index).mountPoint;
        if (point == QLatin1String("/"))
            break;
        if (!points.contains(point))
            points.append(point);
    }
    if (points.isEmpty())
        return passed(id, CoreTr::tr("the docker root %1 is on the root filesystem").arg(root));
    if (!s.unitOrdering.isOk())
        return unknown(id, whyUnusable(ProbeId::DockerdExecStart, s.unitOrdering));
    QStringList missing;
    for (const QString &point : points) {
        if (!s.unitOrdering.value.waitsFor(point))
            missing.append(point);
    }
    if (missing.isEmpty())
        return passed(id, CoreTr::tr("docker.service waits for %1").arg(points.join(QLatin1String(", "))));
    Finding f = makeFinding(id, Severity::Warning);
    f.evidence.append(QStringLiteral("RequiresMountsFor=%1")
                          .arg(s.unitOrdering.value.requiresMountsFor.join(QLatin1Char(' '))));
    for (const QString &point : missing) {
        const int index = tree.resolvePath(point);
        if (index >= 0)
            f.evidence.append(tree.mounts().at(index).rawLine);
    }
    f.explanation =
        CoreTr::tr("The docker root %1 is on its own mount (%2), but docker.service is not ordered after it "
                   "(no RequiresMountsFor= or After= on it). If that mount comes up after docker started "
                   "(a late mount unit or fstab entry, socket activation, a disk mounted over a live "
                   "/var/lib/docker), it covers the running containers' overlay mounts: the failure the "
                   "operations guide describes. Fix: a docker.service drop-in with RequiresMountsFor=%1 "
                   "(order-docker-after-mounts).")
            .arg(root, missing.join(QLatin1String(", ")));
    f.remediation = QStringLiteral("order-docker-after-mounts");
    return failed(id,
                  CoreTr::tr("docker.service does not wait for %1").arg(missing.join(QLatin1String(", "))),
                  std::move(f));
}

} // namespace lw::rules
