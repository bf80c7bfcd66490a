#pragma once

#include "capture.h"

#include <QList>
#include <QString>

namespace lw {

// Captures as one file, for a ticket: a POSIX tar (ustar) holding <host>/meta.json and <host>/<probe-id>
// ... exactly as writeCapture lays a capture out (docs/capture-layout.md). tar(1) unpacks it; layerwatch-cli
// analyze reads it as it is.
[[nodiscard]] bool writeCaptureArchive(const QList<RawCapture> &captures, const QString &path,
                                       QString *error);

// Reads an archive written by writeCaptureArchive (or by tar from capture directories). Only regular files
// named <host>/<file> (plain names, no "..", no absolute paths, no links) of at most 64 MiB each are taken;
// anything else is refused with an error naming the entry. Each host is then read as readCapture reads it.
[[nodiscard]] CaptureSetReadResult readCaptureArchive(const QString &path);

// A regular file that starts like a tar archive (the ustar magic).
bool isCaptureArchive(const QString &path);

// What analyze reads: an archive (file), the probe playbook's results, or capture directories.
[[nodiscard]] CaptureSetReadResult readCaptureSource(const QString &path);

} // namespace lw
