#pragma once

#include "probeoutput.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// A capture directory (docs/capture-layout.md): DIR/<probe-id> holds a probe's raw stdout,
// DIR/<probe-id>.stderr its stderr, DIR/meta.json the host, time and every probe's status.
inline constexpr char CaptureMetaFile[] = "meta.json";
inline constexpr int CaptureFormat = 1;

struct CaptureReadResult
{
    RawCapture capture;
    QString error;        // translated; empty on success
    QStringList warnings; // translated; the capture is usable but something in it was odd

    bool ok() const { return error.isEmpty(); }
};

// Reads one host's capture. Without meta.json a probe file present means Ok and a missing one
// NotCollected, and the host is the directory name. A malformed meta.json is an error naming the file.
[[nodiscard]] CaptureReadResult readCapture(const QString &dir);

// Writes a capture so that it is complete or absent: the files go to a temporary sibling directory that
// replaces dir (which must not exist, or be a capture or empty directory) only when everything is written.
[[nodiscard]] bool writeCapture(const RawCapture &capture, const QString &dir, QString *error = nullptr);

// True if dir looks like one host's capture (meta.json or at least one probe file).
bool isCaptureDirectory(const QString &dir);

struct CaptureSetReadResult
{
    QList<RawCapture> captures;    // in host directory name order
    QStringList errors;            // translated, one per unreadable capture, naming it
    QStringList failedDirectories; // the directories of the unreadable captures (parallel to errors)
    QStringList warnings;

    bool ok() const { return errors.isEmpty(); }
};

// dir is either one host's capture or a directory of them (DIR/<host>/meta.json ...).
[[nodiscard]] CaptureSetReadResult readCaptures(const QString &dir);

} // namespace lw
