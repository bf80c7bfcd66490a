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
// It is visible in the host's process list; bundleServeCommand() keeps it out of argv.
QByteArray bundleCommand(const QByteArray &marker, bool useSudo);

// The bundle with its marker on stdin: `sh -s -- - 0|1 [serve]`, fed bundleServeInput() (the marker as
// the script's first line, then the script). It answers once (a full run); with serve it then stays and
// answers one reply per bundleRequest() line on the same channel until EOF. Write a request only after
// the previous reply is complete (before, the shell could still be reading script text).
// watch: the caller keeps the probes' time with a BundleWatch (no `timeout` process on the host).
// sftp: the caller reads the mount table and disk usage itself (over SFTP): replies leave out mountinfo
// and df, and BundleRequest::Rest / DiskUsage ask for them where the caller cannot.
QByteArray bundleServeCommand(bool useSudo, bool serve = true, bool watch = false, bool sftp = false);
QByteArray bundleServeInput(const QByteArray &marker, const QByteArray &script);
enum class BundleRequest { Full, Refresh, Rest, DiskUsage };
// "full\n", "refresh\n", "rest\n" or "df\n": a refresh re-runs what can change while dockerd and the host
// keep running and has the host answer "unchanged" for the others (BundleParseResult::unchanged); rest
// answers the probes the shell left to the caller (sftp) alone, df df alone.
QByteArray bundleRequest(BundleRequest request);

struct BundleParseResult
{
    RawCapture capture;       // host and collectedAt are left for the caller
    QList<ParseError> errors; // line numbers refer to the bundle output (version 1); empty for a clean run
    bool complete = false;    // the DONE trailer was seen
    QString encoding;         // "b64" or "hex" (version 1), "raw" (version 2)
    bool ranWithSudo = false;
    int version = 0;      // of the framing; 0 when no header was found
    bool refresh = false; // the host answered a refresh request
    // Probes the host reported unchanged since its previous reply on the same shell: their entries in
    // capture are NotCollected placeholders, for the caller to replace with the copy it kept.
    QStringList unchanged;
};

// Never fails: every probe of ProbeId::all() ends up in the capture, NotCollected when it did not appear
// (with the reason in errorOutput). A probe cut off by the end of the stream is Failed and truncated.
// Version 2 sends each probe's stderr on the stream's stderr (stderrData); version 1 inside stdout.
BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView marker);
BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView stderrData, QByteArrayView marker);

// Whether a reply read so far is whole: stdout has its DONE line (at a frame boundary: data cannot fake
// it) and stderr its "MARKER E DONE" line. Also true for output that can never become a valid reply, so
// that the caller stops reading and the parser reports it.
bool bundleReplyComplete(QByteArrayView output, QByteArrayView stderrData, QByteArrayView marker);

// bundleReplyComplete for a reply that arrives in pieces: each call is given the reply so far (what the last
// call was given with more appended) and looks only at what came since, not at the whole reply again. A
// shorter reply than the last (an empty one: KeptExecRequest::complete's "starts over") starts over.
class BundleReplyScan
{
public:
    explicit BundleReplyScan(QByteArray marker);
    bool complete(QByteArrayView output, QByteArrayView stderrData);

private:
    enum class Stdout { NoHeader, Version1, Frames, Done, Malformed };
    QByteArray m_marker;
    QByteArray m_stderrDone; // "MARKER E DONE\n"
    bool m_stderrComplete = false;
    qsizetype m_stderrFrom = 0; // where the search for m_stderrDone goes on
    Stdout m_stdout = Stdout::NoHeader;
    qsizetype m_outFrom = 0; // NoHeader: where the header search goes on; Frames: where the next frame starts
    qsizetype m_outSize = 0; // what the last call was given
    qsizetype m_errSize = 0;
};

// The client side of the bundle's "watch" mode: fed the reply's stderr as it arrives, it knows which
// program runs ("MARKER E id", then "MARKER K pid seconds") and since when, and says when its time is up
// (its pid, for the caller to kill: a child of the probe shell). One kill per program.
class BundleWatch
{
public:
    explicit BundleWatch(QByteArray marker, qint64 graceMs = 1000)
        : m_marker(std::move(marker)), m_graceMs(graceMs)
    {}
    void feedStderr(QByteArrayView chunk, qint64 nowMs);
    // The pid to kill now (digits), or empty. Each program's pid is returned once.
    QByteArray overdue(qint64 nowMs);
    QStringList killed() const { return m_killed; } // probe IDs whose program was returned by overdue()

private:
    void line(QByteArrayView text, qint64 nowMs);

    QByteArray m_marker;
    qint64 m_graceMs = 0;
    QByteArray m_partial;
    QString m_probe;  // the probe whose E line came last ("" after E DONE)
    QByteArray m_pid; // its program's pid, while it may be killed
    qint64 m_deadline = 0;
    bool m_expectK = false; // K is only taken as the line right after E
    QStringList m_killed;
};

// The probes of ProbeId::all() that a capture lacks (NotCollected). The bundle frames every probe, even one
// it skips ("absent", "failed"): after a whole reply and whatever the client read itself (SFTP), a probe
// still missing means the host did not answer it, and the host is not "ok".
QStringList missingProbes(const RawCapture &capture);

// Marks the probes a BundleWatch killed as timed out (their program ended with the kill's status).
void markWatchTimeouts(BundleParseResult *result, const QStringList &killed);

} // namespace lw
