#pragma once

#include "finding.h"
#include "hostsnapshot.h"
#include "hoststatus.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// The facts about one host that the CLI's text report, the console's Overview and the fleet table all
// show: computed here once, rendered at the edges (the GUI as HTML, the CLI as text).

// --- the storage driver ----------------------------------------------------------------------------------

// One place that sets the storage driver.
struct DriverSource
{
    const char *probeId = nullptr; // ProbeId::DaemonJson, DockerStorage, DockerdCmdline, DockerdExecStart
    QString driver;
    QString evidence;           // the line as the probe returned it (or the flag as parsed)
    bool flag = false;          // a dockerd flag (command line, ExecStart, DOCKER_STORAGE_OPTIONS)
    bool reachesDockerd = true; // docker-storage counts only when the unit passes $DOCKER_STORAGE_OPTIONS

    QString where() const; // translated: "/etc/docker/daemon.json", "dockerd's command line", ...
};

struct StorageDriverFacts
{
    QList<DriverSource> sources; // every readable place that sets a driver, in probe order
    QStringList unreadable;      // probe IDs of the sources that could not be read (failed, timed out, ...)
    QString configured;          // the driver of the first source that reaches dockerd; empty: none
    QString running;             // docker info's Driver; empty: unknown
    QString engineVersion;       // docker info's ServerVersion

    QList<DriverSource> effective() const; // the sources that reach dockerd
    bool setAsFlagAndInDaemonJson() const; // dockerd refuses to start (the guide's conflict)
    bool anyKnown() const { return !sources.isEmpty() || unreadable.size() < 4; }
};
StorageDriverFacts storageDriverFacts(const HostSnapshot &snapshot);

// --- the docker root's filesystem ----------------------------------------------------------------------

// The filesystem holding the docker root as df reports it, and whether the root path lands on a mount that
// covers earlier ones: then df's figures there (a tmpfs on /var/lib/docker, say) are not docker's data, and
// are shown flagged. (A cover deeper down, on overlay2, leaves them docker's: see dockerRootCovered().)
struct DockerRootDisk
{
    std::optional<DiskUsage> filesystem; // unset: df unreadable or no row holds the root
    bool covered = false;
};
DockerRootDisk dockerRootDisk(const HostSnapshot &snapshot);

// --- the facts a host's overview lists ------------------------------------------------------------------

enum class Tone { Normal, Muted, Warning, Critical, Unknown };

struct FactPart
{
    QString text;
    Tone tone = Tone::Normal;
    bool code = false; // a value from the host (path, driver, version): shown as code
    int mountId = -1;  // links to this mount in the console
};

struct HostFact
{
    QString key; // stable: kernel, driver-configured, driver-running, backing-fs, dtype, redirect-dir, index,
                 // docker-root, mounts, containers
    QString label; // translated
    QList<QList<FactPart>> lines;

    Tone tone() const; // the worst of its parts
    QString plainText(const QString &lineSeparator = QStringLiteral("; ")) const;
};

QList<HostFact> hostFacts(const HostSnapshot &snapshot);

// --- where a host goes in a "worst first" order -----------------------------------------------------------

// Higher is worse. A changed or revoked host key first (every probe of it is refused, and it may be an
// attack), then critical findings (more covered mounts, then more findings, first), then hosts whose last
// probe failed (by hostStatusAttention: authentication, unknown key, unreachable, timeout, error), then
// warnings, information, healthy (or being probed) hosts, and hosts not probed yet.
qint64 hostUrgency(HostStatus status, std::optional<Severity> worst, int coveredMounts, int findingCount);

// "unknown (probe mountinfo: timed out)" (translated).
QString unknownProbeText(const char *probeId, ProbeStatus status);
// The probe status as a short translated word ("timed out", "no permission", ...).
QString probeStatusDisplayName(ProbeStatus status);

} // namespace lw
