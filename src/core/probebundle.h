#pragma once

#include "parseerror.h"
#include "probeoutput.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace lw {

// The probe bundle (resources/probes/bundle.sh) runs every probe in one `sh -s` on the host and frames
// each probe's output between control lines that start with a random per-run marker. Probe output is
// base64 (or hex) encoded on a single line, so nothing a host sends can fake a control line: control lines
// contain spaces and encoded data never does (docs/probes.md).

inline constexpr qint64 bundleProbeOutputCap = 4 * 1024 * 1024; // bytes kept per probe (LW_CAP)

// 128 random bits from the system generator, as 32 lowercase hex digits.
QByteArray newBundleMarker();

// The remote command that runs the bundle fed on stdin: `sh -s -- MARKER [1]`. The marker must be hex.
QByteArray bundleCommand(const QByteArray &marker, bool useSudo);

struct BundleParseResult
{
    RawCapture capture;       // host and collectedAt are left for the caller
    QList<ParseError> errors; // line numbers refer to the bundle output; empty for a clean run
    bool complete = false;    // the DONE trailer was seen
    QString encoding;         // "b64" or "hex"
    bool ranWithSudo = false;
};

// Never fails: every probe of ProbeId::all() ends up in the capture, NotCollected when it did not appear
// (with the reason in errorOutput). A probe cut off by the end of the stream is Failed and truncated.
BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView marker);

} // namespace lw
