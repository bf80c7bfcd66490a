#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

// `docker info --format '{{json .}}'`
struct DockerInfo
{
    bool valid = false;
    ParseError error;
    QString driver;                              // "overlay2", "overlayfs" (containerd image store), ...
    QList<QPair<QString, QString>> driverStatus; // DriverStatus pairs, in order
    QString dockerRootDir;                       // DockerRootDir
    QString serverVersion;
    QStringList warnings;
    QString kernelVersion;                  // KernelVersion, if present
    std::optional<bool> liveRestoreEnabled; // LiveRestoreEnabled

    std::optional<QString> backingFilesystem() const; // "Backing Filesystem"
    std::optional<bool> supportsDType() const;        // "Supports d_type"
    std::optional<bool> nativeOverlayDiff() const;    // "Native Overlay Diff"
    std::optional<bool> usingMetacopy() const;        // "Using metacopy"
    // overlay2 or overlayfs: both mean the overlay filesystem is used.
    bool isOverlayDriver() const;
};
DockerInfo parseDockerInfo(QByteArrayView json);

} // namespace lw
