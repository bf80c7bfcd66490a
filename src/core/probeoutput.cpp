#include "probeoutput.h"

namespace lw {

QStringList ProbeId::all()
{
    return {
        QString::fromLatin1(DaemonJson),     QString::fromLatin1(DockerStorage),
        QString::fromLatin1(DockerdCmdline), QString::fromLatin1(DockerdExecStart),
        QString::fromLatin1(DockerInfo),     QString::fromLatin1(DockerContainers),
        QString::fromLatin1(DockerLayers),   QString::fromLatin1(DockerLayerSizes),
        QString::fromLatin1(KernelRelease),  QString::fromLatin1(KernelConfig),
        QString::fromLatin1(OverlayParams),  QString::fromLatin1(MountInfo),
        QString::fromLatin1(DiskUsage),
    };
}

namespace {
struct StatusName
{
    ProbeStatus status;
    const char *name;
};
// Stable names: they are written into capture directories, so they are not translated.
constexpr StatusName statusNames[] = {
    {ProbeStatus::Ok, "ok"},
    {ProbeStatus::Absent, "absent"},
    {ProbeStatus::Failed, "failed"},
    {ProbeStatus::Timeout, "timeout"},
    {ProbeStatus::NoPermission, "no-permission"},
    {ProbeStatus::NotCollected, "not-collected"},
};
} // namespace

QString probeStatusName(ProbeStatus status)
{
    for (const StatusName &entry : statusNames) {
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

ProbeStatus probeStatusFromName(const QString &name, bool *ok)
{
    for (const StatusName &entry : statusNames) {
        if (name == QLatin1String(entry.name)) {
            if (ok)
                *ok = true;
            return entry.status;
        }
    }
    if (ok)
        *ok = false;
    return ProbeStatus::NotCollected;
}

} // namespace lw
