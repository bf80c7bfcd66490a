#pragma once

#include "finding.h"
#include "hostsnapshot.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// The facts about docker's layers on one host that the rules, the repair planners, the reports and the
// console all show: computed here once, from the mount tree, the container list and the layer inventory.

// An overlay mount at <root>/overlay2/<layer>/merged and the container that uses it.
struct MountedLayer
{
    int mountIndex = -1; // in the snapshot's mount tree
    QString layerId;
    int containerIndex = -1; // in the container list; -1 when no container has this layer
    bool hidden = false;     // covered by a later mount
    // No running container uses it: a removed container's mount (containerIndex -1) or a stopped one's
    // that docker could not unmount (both leak: docker never unmounts it again).
    bool leaked = false;
};

// Whether a layer directory nobody references can be told apart from one in use.
struct OrphanVerdict
{
    RuleState state = RuleState::Unknown; // Failed: there are orphans; Passed: none; Unknown: see why
    QString why;                          // translated; for Unknown
    QStringList directories;              // orphaned directories (names under <root>/overlay2), sorted
    QStringList stillMounted;             // orphans with a mount inside (a leaked mount): unmount first
    qint64 bytes = -1;                    // their total size; -1 when a size is unknown
    int sizesKnown = 0;
};

struct LayerAnalysis
{
    bool containersKnown = false; // the container list was read
    // ... and every running container's layer is known (docker's own files can be covered too: then a mount
    // that no known container uses may still be one of theirs)
    bool layersKnown = false;
    int runningWithoutLayer = 0;
    QList<MountedLayer> mounted; // in mount table order
    OrphanVerdict orphans;

    QList<MountedLayer> leaked() const;
    QList<MountedLayer> hiddenLayers() const;
};

LayerAnalysis analyzeLayers(const HostSnapshot &snapshot);

// The containers of a host in one line's worth of facts, as the fleet table, the host overview and the text
// report show them. known: the container list was read.
struct ContainerSummary
{
    bool known = false;
    int total = 0;
    int running = 0;
    int covered = 0;          // running containers whose root filesystem is hidden by a later mount
    int leakedMounts = 0;     // overlay mounts no running container uses
    int unmatchedHidden = 0;  // hidden overlay mounts whose container is unknown (docker's files covered)
    QStringList coveredNames; // of the covered ones, in mount table order
    QStringList runningNames; // every running container's name
};
ContainerSummary summarizeContainers(const HostSnapshot &snapshot);
// "5 containers, 3 running; 2 covered: web-no, web-always; 1 leaked mount" (translated; "unknown" when the
// list was not read).
QString containerSummaryText(const ContainerSummary &summary);

// The container of every overlay mount of a layer, by mount ID (for labelling mount graphs and tables).
QHash<int, FindingContainer> containersByMount(const HostSnapshot &snapshot);

// The container of a mounted layer, as a finding shows it (removed when none).
FindingContainer findingContainer(const HostSnapshot &snapshot, const MountedLayer &layer);

// Whether a mount covers anything at or under the docker root (or a mount on the root's own path hides
// something): the layer listing seen there is then not docker's.
bool dockerRootCovered(const HostSnapshot &snapshot);

// The first `shown` items and how many more ("a, b, c and 4 more"): for one-line summaries.
QString shortList(const QStringList &items, int shown = 6);

// "1.5 GiB": one unit system (IEC, base 1024) everywhere sizes are shown.
QString formatBytes(qint64 bytes);

} // namespace lw
