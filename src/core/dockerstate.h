#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

// What dockerd does with a container when it starts (HostConfig.RestartPolicy.Name).
enum class RestartPolicy { No, Always, UnlessStopped, OnFailure, Unknown };
RestartPolicy restartPolicyFromName(const QString &name); // "" and "no" -> No
QString restartPolicyName(RestartPolicy policy);          // "no", "always", "unless-stopped", "on-failure"

// One container, from the docker-containers probe (`docker container inspect` with our own template).
struct DockerContainer
{
    QString id;              // 64 hex digits
    QString name;            // without docker's leading '/'
    QString state;           // State.Status: created, running, paused, restarting, removing, exited, dead
    bool running = false;    // State.Running (also true while paused or restarting)
    bool paused = false;     // State.Paused
    bool autoRemove = false; // started with --rm: a daemon restart without live-restore removes it for good
    RestartPolicy restartPolicy = RestartPolicy::Unknown;
    QString restartPolicyText; // as docker wrote it
    QString image;
    QString driver;           // GraphDriver.Name
    QString mergedDir;        // GraphDriver.Data.MergedDir; empty for other drivers
    QString layerId;          // <id> of <root>/overlay2/<id>/merged; empty when MergedDir is not that shape
    QStringList layerDirs;    // every overlay2 directory its overlay uses (UpperDir, LowerDir), by name
    QStringList mountSources; // host paths bound into it (.Mounts[].Source)

    QString shortId() const { return id.left(12); }
    // Whether dockerd brings it back by itself when dockerd starts again after a stop that was not
    // `docker stop` (a daemon restart): always and unless-stopped do; no and on-failure do not.
    bool restartsWithDaemon() const;
};

// An image and the overlay2 directories of its layers, as the daemon reports them.
struct DockerImage
{
    QString id;
    QStringList layerDirs;
};

struct DockerContainers
{
    QList<DockerContainer> containers;
    QList<DockerImage> images;
    bool imagesKnown = false; // the daemon listed and inspected every image ("images ok")
    QList<ParseError> errors; // lines that are not one of our objects

    const DockerContainer *byLayer(const QString &layerId) const;
    const DockerContainer *byId(const QString &id) const; // full ID or a unique prefix of 12+
    QList<const DockerContainer *> running() const;
};
DockerContainers parseDockerContainers(QByteArrayView text);

// What the docker-layers probe read: the entries of <root>/overlay2 and every name the layer database and
// BuildKit give to one of them.
enum class BuildKitState { NotPresent, Read, NotAsked, Unreadable };

struct LayerReference
{
    QString kind;  // "cache" (an image layer's cache-id), "mount" (a container's mount-id), "init" (init-id)
    QString owner; // the layerdb directory: a chain ID (cache) or a container ID (mount, init)
};

struct DockerLayers
{
    QString root;            // the docker root the host read it from
    QStringList directories; // entry names of <root>/overlay2 that are directories (docker's names)
    int oddEntries = 0;      // entries with other names or of other types: never candidates
    QHash<QString, QList<LayerReference>> references; // layer directory -> who names it (layerdb)
    QStringList unreadable; // layerdb records that could not be read ("mount <container id>", ...)
    int busy = 0;           // pulls/commits (layerdb/tmp) and builds (buildkit/executor) in flight
    BuildKitState buildKit = BuildKitState::NotPresent;
    QSet<QString> buildKitNames; // candidate directories named in BuildKit's databases
    bool complete = false;       // the "end" line was seen
    QList<ParseError> errors;

    bool referenced(const QString &directory) const;
};
DockerLayers parseDockerLayers(QByteArrayView text);

// `du -skx -- DIR...`: bytes per directory name (the last path component).
struct LayerSizes
{
    QHash<QString, qint64> bytes;
    QList<ParseError> errors;
};
LayerSizes parseLayerSizes(QByteArrayView text);

// docker.service's ordering against mounts, from the dockerd-execstart probe (`systemctl show docker -p
// ExecStart -p RequiresMountsFor -p After`). Known only when systemctl printed the property lines.
struct DockerUnitOrdering
{
    bool known = false;
    QStringList requiresMountsFor; // paths
    QStringList after;             // unit names

    // Does the unit wait for the mount at mountPoint? RequiresMountsFor of that path or a path below it
    // (systemd orders after every mount on the way), or After= its mount unit.
    bool waitsFor(const QString &mountPoint) const;
};
DockerUnitOrdering parseDockerUnitOrdering(QByteArrayView systemctlShow);

// systemd's unit name for a mount point ("/var/lib/docker" -> "var-lib-docker.mount"), as
// `systemd-escape --path --suffix=mount` writes it.
QString systemdMountUnitName(const QString &mountPoint);

// "20.10.24+dfsg1" -> {20, 10}; nullopt if it does not start with two numbers.
std::optional<std::pair<int, int>> dockerEngineVersion(const QString &serverVersion);

} // namespace lw
