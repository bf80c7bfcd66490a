#include "diskusage.h"
#include "mountinfo.h"
#include "probebundle.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace lw;

namespace {

const QByteArray marker = "0123456789abcdef0123456789abcdef";

struct Section
{
    QByteArray id;
    QByteArray out;
    QByteArray err;
    int rc = 0;
    QByteArray status = "ok";
};

// Builds bundle output the way bundle.sh frames it.
QByteArray frame(const QList<Section> &sections, bool done = true, const QByteArray &encoding = "b64")
{
    auto enc = [&](const QByteArray &data) { return encoding == "hex" ? data.toHex() : data.toBase64(); };
    QByteArray out = marker + " BUNDLE 1 " + encoding + " 0 0\n";
    for (const Section &s : sections) {
        out +=
            marker + " BEGIN " + s.id + "\n" + enc(s.out) + "\n" + marker + " STDERR\n" + enc(s.err) + "\n";
        out += marker + " END " + s.id + " " + QByteArray::number(s.rc) + " 7 " + s.status + "\n";
    }
    if (done)
        out += marker + " DONE\n";
    return out;
}

QList<Section> allOk()
{
    QList<Section> sections;
    for (const QString &id : ProbeId::all())
        sections.append({id.toLatin1(), "data of " + id.toLatin1() + "\n", {}, 0, "ok"});
    return sections;
}

Section &sectionOf(QList<Section> &sections, const char *id)
{
    for (Section &s : sections) {
        if (s.id == id)
            return s;
    }
    qFatal("no section %s", id);
}

QString bundlePath()
{
    return QFINDTESTDATA("../../resources/probes/bundle.sh");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Starts the bundle (on stdin) as the last step of SETUP (`sh -c`, ARGS as $1 ...) in a private mount
// namespace; namespacesRefused() tells from its stderr that this machine does not allow that.
void startInNamespace(QProcess &sh, const QString &setup, const QStringList &args)
{
    sh.setStandardInputFile(bundlePath());
    sh.start(QStringLiteral("unshare"),
             QStringList{QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
                         QStringLiteral("sh"), QStringLiteral("-c"), setup, QStringLiteral("sh")} +
                 args);
}

bool namespacesRefused(const QByteArray &err)
{
    return err.contains("unshare failed") || err.contains("Operation not permitted");
}

// Builds version 2 output (stdout, stderr) the way bundle.sh frames it.
QPair<QByteArray, QByteArray> frame2(const QList<Section> &sections, bool done = true,
                                     const QByteArray &mode = "full", const QByteArrayList &unchanged = {})
{
    QByteArray out = marker + " BUNDLE 2 0 0 " + mode + "\n";
    QByteArray err;
    for (const Section &s : sections) {
        err += marker + " E " + s.id + "\n" + s.err;
        out += marker + " P " + s.id + " " + QByteArray::number(s.rc) + " 7 " + s.status + " e " +
               QByteArray::number(s.out.size()) + "\n" + s.out + "\n";
    }
    for (const QByteArray &id : unchanged)
        out += marker + " S " + id + "\n";
    if (done) {
        err += marker + " E DONE\n";
        out += marker + " DONE\n";
    }
    return {out, err};
}

} // namespace

// One reply of a kept probe shell running in sh, parsed (a minute at most).
static BundleParseResult readServeReply(QProcess &sh, const QByteArray &m)
{
    QByteArray out;
    QByteArray err;
    QElapsedTimer timer;
    timer.start();
    while (!bundleReplyComplete(out, err, m) && timer.elapsed() < 60000 && sh.state() == QProcess::Running) {
        sh.waitForReadyRead(200);
        out += sh.readAllStandardOutput();
        err += sh.readAllStandardError();
    }
    return parseBundleOutput(out, err, m);
}

class TestProbeBundle : public QObject
{
    Q_OBJECT
private slots:
    void marker_isRandomHex();
    void parse_cleanOutput_data();
    void parse_cleanOutput();
    void parse_statusesAndExitCodes();
    void parse_hostileContentCannotBreakFraming();
    void parse_bannerBeforeHeaderIgnored();
    void parse_everyTruncationPoint();
    void parse_hugeSectionCapped();
    void parse_badEncodingReported();
    void parse_missingSectionsNotCollected();
    void parse_badMarkerRejected();
    void parse2_rawDataCannotBreakFraming();
    void parse2_everyCutPoint();
    void parse2_unchangedAndNoPermission();
    void parse2_stderrWithoutLastNewline();
    void parse2_oneFrameReplyHasMissingProbes();
    void replyScanMatchesWholeLook();
    void parse2_malformedLengthReported();
    void serve_answersRequestsOnOneShell();
    void serve_refreshReadsLikeFull();
    void serve_sftpLeavesTheRestToTheClient_data();
    void serve_sftpLeavesTheRestToTheClient();
    void bundle_dfTimeoutOnlyWithNetworkMounts();
    void bundle_isReadOnly();
    void bundle_matchesCatalog();
    void bundle_runsLocally_data();
    void bundle_kernelConfigWithoutGzip();
    void bundle_runsLocally();
    void bundle_hungFifoAndHostileFileInNamespace();
    void bundle_watchModeKilledByClient();
    void bundle_smallFilesReadByTheShell();
    void watch_tracksTheRunningProgram();
    void bundle_unprivilegedUserGetsNoPermission();
    void bundle_hexWithoutBase64();
};

void TestProbeBundle::marker_isRandomHex()
{
    const QByteArray a = newBundleMarker();
    const QByteArray b = newBundleMarker();
    QCOMPARE(a.size(), 32);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(QString::fromLatin1(a)).hasMatch());
    QVERIFY(a != b);
    QCOMPARE(bundleCommand(a, false), QByteArray("sh -s -- " + a));
    QCOMPARE(bundleCommand(a, true), QByteArray("sh -s -- " + a + " 1"));
}

void TestProbeBundle::parse_cleanOutput_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("b64") << QByteArray("b64");
    QTest::newRow("hex") << QByteArray("hex");
}

void TestProbeBundle::parse_cleanOutput()
{
    QFETCH(QByteArray, encoding);
    const BundleParseResult result = parseBundleOutput(frame(allOk(), true, encoding), marker);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    QCOMPARE(result.encoding, QString::fromLatin1(encoding));
    QCOMPARE(result.capture.probes.size(), ProbeId::all().size());
    for (const QString &id : ProbeId::all()) {
        const ProbeOutput p = result.capture.probe(id);
        QCOMPARE(p.status, ProbeStatus::Ok);
        QCOMPARE(p.output, QByteArray("data of " + id.toLatin1() + "\n"));
        QCOMPARE(p.exitCode, 0);
        QCOMPARE(p.durationMs, qint64(7));
        QVERIFY(!p.truncated);
    }
}

void TestProbeBundle::parse_statusesAndExitCodes()
{
    QList<Section> sections = allOk();
    sections[0] = {"daemon-json", {}, "/etc/docker/daemon.json: not found", -1, "absent"};
    sectionOf(sections, "docker-info") = {"docker-info", {}, "Cannot connect", 1, "failed"};
    sectionOf(sections, "kernel-config") = {"kernel-config", "partial", {}, 124, "timeout"};
    sections[2] = {"dockerd-cmdline", {}, "Permission denied", 1, "no-permission"};
    const BundleParseResult result = parseBundleOutput(frame(sections), marker);
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).status, ProbeStatus::Absent);
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).exitCode, -1);
    QCOMPARE(result.capture.probe(QStringLiteral("docker-info")).status, ProbeStatus::Failed);
    QCOMPARE(result.capture.probe(QStringLiteral("docker-info")).errorOutput, QByteArray("Cannot connect"));
    QCOMPARE(result.capture.probe(QStringLiteral("kernel-config")).status, ProbeStatus::Timeout);
    QCOMPARE(result.capture.probe(QStringLiteral("kernel-config")).output, QByteArray("partial"));
    QCOMPARE(result.capture.probe(QStringLiteral("dockerd-cmdline")).status, ProbeStatus::NoPermission);
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
}

void TestProbeBundle::parse_hostileContentCannotBreakFraming()
{
    // A file on the host that imitates the framing with the real marker, NULs and a newline-free tail.
    const QByteArray hostile = marker + " END daemon-json 0 1 ok\n" + marker + " DONE\n" + marker +
                               " BEGIN uname-r\nAAAA\n" + QByteArray("\0\0nul\0", 6) + "\r\n\xff\xfe" +
                               marker;
    QList<Section> sections = allOk();
    sections[0].out = hostile;
    sections[0].err = marker + " STDERR\n";
    sections[2].out = QByteArray("/usr/bin/dockerd\0--storage-driver=overlay2\0", 43);
    const BundleParseResult result = parseBundleOutput(frame(sections), marker);
    QVERIFY(result.errors.isEmpty());
    QVERIFY(result.complete);
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).output, hostile);
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).errorOutput,
             QByteArray(marker + " STDERR\n"));
    QCOMPARE(result.capture.probe(QStringLiteral("dockerd-cmdline")).output.count('\0'), 2);
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).output, QByteArray("data of uname-r\n"));
}

void TestProbeBundle::parse_bannerBeforeHeaderIgnored()
{
    const QByteArray other = "ffffffffffffffffffffffffffffffff";
    const QByteArray banner = "Welcome!\n" + other + " BUNDLE 1 b64 0 0\n" + marker + "BUNDLE\n";
    QList<Section> sections = allOk();
    const BundleParseResult result = parseBundleOutput(banner + frame(sections), marker);
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);

    // A raw line injected between sections (cannot come from bundle.sh) is reported, not obeyed.
    QByteArray injected = frame(sections);
    injected.replace(marker + " BEGIN uname-r", other + " BEGIN uname-r\n" + marker + " BEGIN uname-r");
    const BundleParseResult second = parseBundleOutput(injected, marker);
    QCOMPARE(second.errors.size(), 1);
    QCOMPARE(second.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
}

void TestProbeBundle::parse_everyTruncationPoint()
{
    QList<Section> sections = allOk();
    const QByteArray full = frame(sections);
    const QStringList ids = ProbeId::all();
    for (qsizetype cut = 0; cut < full.size(); ++cut) {
        const BundleParseResult r = parseBundleOutput(QByteArrayView(full).first(cut), marker);
        QVERIFY(!r.complete);
        QVERIFY2(!r.errors.isEmpty(), qPrintable(QString::number(cut)));
        QCOMPARE(r.capture.probes.size(), ids.size());
        // Probes are complete and Ok up to some point, at most one is cut, the rest are NotCollected.
        int phase = 0; // 0: ok, 1: after the cut one
        for (const QString &id : ids) {
            const ProbeOutput p = r.capture.probe(id);
            if (phase == 0 && p.status == ProbeStatus::Ok) {
                QCOMPARE(p.output, QByteArray("data of " + id.toLatin1() + "\n"));
                continue;
            }
            if (phase == 0) {
                phase = 1;
                if (p.status == ProbeStatus::Failed) {
                    QVERIFY(p.truncated);
                    QVERIFY(QByteArray("data of " + id.toLatin1() + "\n").startsWith(p.output));
                    continue;
                }
            }
            QCOMPARE(p.status, ProbeStatus::NotCollected);
        }
    }
}

void TestProbeBundle::parse_hugeSectionCapped()
{
    QList<Section> sections = allOk();
    QByteArray big(bundleProbeOutputCap + 1, 'x');
    sectionOf(sections, "mountinfo") = {"mountinfo", big, {}, 141, "failed"};
    sectionOf(sections, "df") = {"df", QByteArray(3 * 1024 * 1024, 'y'), {}, 0, "ok"};
    const BundleParseResult result = parseBundleOutput(frame(sections), marker);
    QVERIFY(result.errors.isEmpty());
    const ProbeOutput mounts = result.capture.probe(QStringLiteral("mountinfo"));
    QCOMPARE(mounts.output.size(), bundleProbeOutputCap);
    QVERIFY(mounts.truncated);
    QCOMPARE(mounts.status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("df")).output.size(), 3 * 1024 * 1024);
    QVERIFY(!result.capture.probe(QStringLiteral("df")).truncated);
}

void TestProbeBundle::parse_badEncodingReported()
{
    QByteArray out = frame(allOk());
    const QByteArray good = QByteArray("data of uname-r\n").toBase64();
    out.replace(good, "not*base64!");
    const BundleParseResult result = parseBundleOutput(out, marker);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.first().line > 0);
    QVERIFY(result.capture.probe(QStringLiteral("uname-r")).output.isEmpty());
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
}

void TestProbeBundle::parse_missingSectionsNotCollected()
{
    QList<Section> sections = allOk();
    sections.removeAt(3);
    const BundleParseResult result = parseBundleOutput(frame(sections), marker);
    QVERIFY(result.complete);
    QCOMPARE(result.capture.probe(QStringLiteral("dockerd-execstart")).status, ProbeStatus::NotCollected);
    QVERIFY(!result.capture.probe(QStringLiteral("dockerd-execstart")).errorOutput.isEmpty());

    const BundleParseResult empty = parseBundleOutput(QByteArray(), marker);
    QVERIFY(!empty.complete);
    QCOMPARE(empty.errors.size(), 1);
    QCOMPARE(empty.capture.probes.size(), ProbeId::all().size());
}

void TestProbeBundle::parse_badMarkerRejected()
{
    const BundleParseResult result = parseBundleOutput(frame(allOk()), "abc");
    QVERIFY(!result.errors.isEmpty());
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::NotCollected);
}

void TestProbeBundle::parse2_rawDataCannotBreakFraming()
{
    // Raw data that imitates every control line, with NULs, no final newline and the stderr marker: the
    // lengths carry the framing, so all of it is data.
    QList<Section> sections = allOk();
    const QByteArray hostile = marker + " DONE\n" + marker + " P df 0 1 ok e 3\nabc\n" + marker +
                               " E DONE\n" + QByteArray("\0\xff\n", 3) + marker + " S mountinfo";
    sections[0].out = hostile;
    sections[1].err = marker + " E DONE is not alone on this line\n";
    const auto [out, err] = frame2(sections);
    QVERIFY(bundleReplyComplete(out, err, marker));
    const BundleParseResult result = parseBundleOutput(out, err, marker);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    QCOMPARE(result.version, 2);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[0].id)).output, hostile);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[1].id)).errorOutput, sections[1].err);
    QVERIFY(result.unchanged.isEmpty());
    for (const Section &section : std::as_const(sections))
        QCOMPARE(result.capture.probe(QString::fromLatin1(section.id)).status, ProbeStatus::Ok);
}

void TestProbeBundle::parse2_everyCutPoint()
{
    QList<Section> sections = allOk();
    sections[3].out = QByteArray(3000, 'x') + '\n';
    const auto [out, err] = frame2(sections);
    // stderr complete, stdout cut anywhere: never complete, never a crash; exactly the probes whose frame
    // ended before the cut are kept.
    QList<qsizetype> frameEnds;
    for (const Section &section : std::as_const(sections)) {
        const qsizetype at = out.indexOf(marker + " P " + section.id + " ");
        frameEnds.append(out.indexOf('\n', at) + 1 + section.out.size() + 1);
    }
    for (qsizetype cut = 0; cut < out.size(); ++cut) {
        const QByteArrayView part = QByteArrayView(out).first(cut);
        QVERIFY2(!bundleReplyComplete(part, err, marker), qPrintable(QString::number(cut)));
        const BundleParseResult r = parseBundleOutput(part, err, marker);
        QVERIFY(!r.complete);
        QCOMPARE(r.capture.probes.size(), ProbeId::all().size());
        for (int i = 0; i < sections.size(); ++i) {
            const bool whole = frameEnds.at(i) <= cut;
            QVERIFY2((r.capture.probe(QString::fromLatin1(sections.at(i).id)).status == ProbeStatus::Ok) ==
                         whole,
                     qPrintable(QStringLiteral("cut %1, probe %2").arg(cut).arg(i)));
        }
    }
    // stdout complete, stderr without its DONE: not complete yet (stderr may still be on its way).
    QVERIFY(!bundleReplyComplete(out, QByteArrayView(err).first(err.size() - 5), marker));
    QVERIFY(bundleReplyComplete(out, err, marker));
    // The probe running at the cut announced itself on stderr: failed + truncated, not "not collected".
    QByteArray upToThird = out.left(out.indexOf(marker + " P " + sections[3].id));
    const QByteArray errUpToThird = err.left(err.indexOf(marker + " E " + sections[4].id));
    const BundleParseResult r = parseBundleOutput(upToThird, errUpToThird, marker);
    const ProbeOutput cut = r.capture.probe(QString::fromLatin1(sections[3].id));
    QCOMPARE(cut.status, ProbeStatus::Failed);
    QVERIFY(cut.truncated);
    QCOMPARE(r.capture.probe(QString::fromLatin1(sections[2].id)).status, ProbeStatus::Ok);
    QCOMPARE(r.capture.probe(QString::fromLatin1(sections[4].id)).status, ProbeStatus::NotCollected);
}

void TestProbeBundle::parse2_unchangedAndNoPermission()
{
    QList<Section> sections = allOk();
    sections.removeIf([](const Section &s) { return s.id == "kernel-config" || s.id == "docker-info"; });
    sections[0].rc = 1;
    sections[0].status = "failed";
    sections[0].err = "head: cannot open '/etc/docker/daemon.json' for reading: Permission denied\n";
    sections[1].rc = 1;
    sections[1].status = "failed";
    sections[1].err = "no such thing\n";
    const auto [out, err] = frame2(sections, true, "refresh", {"kernel-config", "docker-info"});
    const BundleParseResult result = parseBundleOutput(out, err, marker);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.refresh);
    QCOMPARE(QSet<QString>(result.unchanged.cbegin(), result.unchanged.cend()),
             (QSet<QString>{QStringLiteral("kernel-config"), QStringLiteral("docker-info")}));
    QCOMPARE(result.capture.probe(QStringLiteral("kernel-config")).status, ProbeStatus::NotCollected);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[0].id)).status, ProbeStatus::NoPermission);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[1].id)).status, ProbeStatus::Failed);
}

void TestProbeBundle::parse2_stderrWithoutLastNewline()
{
    // Each program's stderr ends without a newline: the next E line (and E DONE) follow on the same line.
    auto [out, err] = frame2({{"daemon-json", "{}\n", "", 0, "ok"}, {"df", "x\n", "", 0, "ok"}});
    const QByteArray glued =
        marker + " E daemon-json\nwarning one" + marker + " E df\ndf: warning two" + marker + " E DONE\n";
    QVERIFY(bundleReplyComplete(out, glued, marker));
    QVERIFY(!bundleReplyComplete(out, glued.chopped(1), marker));
    const BundleParseResult result = parseBundleOutput(out, glued, marker);
    QVERIFY(result.complete);
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).errorOutput, QByteArray("warning one"));
    QCOMPARE(result.capture.probe(QStringLiteral("df")).errorOutput, QByteArray("df: warning two"));
}

// Issue #16 item 10: a whole reply (header, one frame, DONE) from a hostile host was reported ok. The probes
// it lacks are named, so that the sweep reports the host as an error.
void TestProbeBundle::parse2_oneFrameReplyHasMissingProbes()
{
    const auto [out, err] = frame2({{"daemon-json", "{}\n", "", 0, "ok"}});
    const BundleParseResult result = parseBundleOutput(out, err, marker);
    QVERIFY(result.complete);
    QStringList expected = ProbeId::all();
    expected.removeAll(QStringLiteral("daemon-json"));
    QCOMPARE(missingProbes(result.capture), expected);
    const auto [whole, wholeErr] = frame2(allOk());
    QCOMPARE(missingProbes(parseBundleOutput(whole, wholeErr, marker).capture), QStringList());
}

void TestProbeBundle::replyScanMatchesWholeLook()
{
    // BundleReplyScan, fed a reply as it grows in random pieces (stdout and stderr in turn), answers at
    // every step what bundleReplyComplete answers for the whole reply so far: for replies whole, cut,
    // malformed, hostile, of version 1 and of no bundle at all.
    QList<Section> sections = allOk();
    sections[3].out = QByteArray(5000, 'x') + '\n';
    const auto [out, err] = frame2(sections);
    QList<Section> hostileSections = allOk();
    hostileSections[0].out = marker + " DONE\n" + marker + " P df 0 1 ok e 3\nabc\n" + marker + " E DONE\n";
    hostileSections[1].err = marker + " E DONE is not alone on this line\n";
    const auto [hostileOut, hostileErr] = frame2(hostileSections);
    QByteArray malformed = out;
    const QByteArray header = marker + " P " + sections[2].id + " 0 7 ok e ";
    const qsizetype at = malformed.indexOf(header) + header.size();
    malformed.replace(at, QByteArray::number(sections[2].out.size()).size(),
                      QByteArray::number(sections[2].out.size() + 1));
    const QByteArray glued = marker + " E daemon-json\nwarning one" + marker + " E DONE\n";
    const auto [gluedOut, gluedErr] = frame2({{"daemon-json", "{}\n", "", 0, "ok"}});
    const QByteArray headerLate =
        QByteArray(3000, 'y') + "\n" + marker + " BUNDLE 2 0 0 full\n" + marker + " DONE\n";
    struct Reply
    {
        QByteArray out, err;
    };
    const QList<Reply> replies = {
        {out, err},
        {out.left(out.size() - 7), err},
        {hostileOut, hostileErr},
        {malformed, err},
        {gluedOut, glued},
        {frame(allOk()), err},
        {frame(allOk()).chopped(3), err},
        {QByteArray((1 << 20) + 500, 'z'), QByteArray()},
        {QByteArray(6000, 'n') + marker + " BUNDLE 2 0 0 full\n" + QByteArray(5000, 'q'), err},
        {headerLate, marker + " E DONE\n"},
        {QByteArray(), QByteArray()},
        // a candidate rejected (not at a line's start), then the header
        {"junk " + marker + " BUNDLE 2 0 0 full\n" + out, err},
        // a frame, then more than 4096 bytes without a newline where the next frame's line should be
        {out.left(out.indexOf(marker + " P " + sections[1].id)) + QByteArray(5000, 'w'), err},
    };
    QRandomGenerator random(20261128);
    int trues = 0;
    for (int round = 0; round < 40; ++round) {
        for (qsizetype r = 0; r < replies.size(); ++r) {
            const Reply &reply = replies.at(r);
            BundleReplyScan scan(marker);
            qsizetype outAt = 0, errAt = 0;
            // small pieces cut every control line somewhere (not a megabyte: each step looks at all of it)
            const int maxStep = round < 20 && reply.out.size() < 100000 ? 7 : 40000;
            for (;;) {
                if (random.bounded(2) == 0)
                    outAt = std::min(reply.out.size(), outAt + random.bounded(maxStep) + 1);
                else
                    errAt = std::min(reply.err.size(), errAt + random.bounded(maxStep) + 1);
                const QByteArrayView o = QByteArrayView(reply.out).first(outAt);
                const QByteArrayView e = QByteArrayView(reply.err).first(errAt);
                const bool whole = bundleReplyComplete(o, e, marker);
                QVERIFY2(scan.complete(o, e) == whole,
                         qPrintable(QStringLiteral("reply %1, round %2, at %3/%4")
                                        .arg(r)
                                        .arg(round)
                                        .arg(outAt)
                                        .arg(errAt)));
                trues += whole ? 1 : 0;
                if (outAt == reply.out.size() && errAt == reply.err.size())
                    break;
            }
        }
    }
    QVERIFY(trues > 0);
    // A shorter reply than the last call's is another reply: looked at from its start.
    BundleReplyScan scan(marker);
    QVERIFY(scan.complete(out, err));
    QVERIFY(!scan.complete(QByteArrayView(out).first(40), QByteArrayView(err).first(10)));
    QVERIFY(scan.complete(out, err));
    // Leftovers of an earlier reply, then a new channel's reply (execKept reopening): the empty call in
    // between starts the scan over, though the new reply is longer than the leftovers.
    BundleReplyScan reopened(marker);
    QVERIFY(!reopened.complete(QByteArray(60, 'l'), QByteArrayView()));
    reopened.complete(QByteArrayView(), QByteArrayView());
    QVERIFY(!reopened.complete(QByteArrayView(out).first(100), QByteArrayView()));
    QVERIFY(!reopened.complete(out, QByteArrayView(err).first(err.size() - 1)));
    QVERIFY(reopened.complete(out, err));
}

void TestProbeBundle::parse2_malformedLengthReported()
{
    QList<Section> sections = allOk();
    auto [out, err] = frame2(sections);
    // A length one too long: the byte after the data is not the newline. Reported, and the reply is
    // "complete" (it can never become valid, so a reader stops waiting).
    const QByteArray header = marker + " P " + sections[2].id + " 0 7 ok e ";
    const qsizetype at = out.indexOf(header) + header.size();
    out.replace(at, QByteArray::number(sections[2].out.size()).size(),
                QByteArray::number(sections[2].out.size() + 1));
    QVERIFY(bundleReplyComplete(out, err, marker));
    const BundleParseResult result = parseBundleOutput(out, err, marker);
    QVERIFY(!result.errors.isEmpty());
    QVERIFY(!result.complete);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[1].id)).status, ProbeStatus::Ok);
    // It had started (its stderr line came): failed, not "not collected".
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[2].id)).status, ProbeStatus::Failed);
    QCOMPARE(result.capture.probe(QString::fromLatin1(sections[3].id)).status, ProbeStatus::Failed);
}

void TestProbeBundle::serve_answersRequestsOnOneShell()
{
    // The kept probe shell: one process answers the first run, a refresh and a full run; a request that is
    // not one of the two words is never executed; EOF ends it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString canary = dir.filePath(QStringLiteral("canary"));
    QProcess sh;
    sh.start(QStringLiteral("sh"),
             QString::fromLatin1(bundleServeCommand(false)).split(QLatin1Char(' ')).mid(1));
    QVERIFY(sh.waitForStarted());
    const QByteArray m = newBundleMarker();
    QByteArray script = readFile(bundlePath());
    QVERIFY(!script.isEmpty());
    sh.write(bundleServeInput(m, script));
    QByteArray out;
    QByteArray err;
    auto reply = [&]() {
        out.clear();
        err.clear();
        QElapsedTimer timer;
        timer.start();
        while (!bundleReplyComplete(out, err, m) && timer.elapsed() < 60000) {
            sh.waitForReadyRead(200);
            sh.setReadChannel(QProcess::StandardOutput);
            out += sh.readAllStandardOutput();
            err += sh.readAllStandardError();
        }
        return parseBundleOutput(out, err, m);
    };
    const BundleParseResult first = reply();
    QVERIFY2(first.errors.isEmpty(), qPrintable(first.errors.value(0).message));
    QVERIFY(first.complete && !first.refresh);
    QVERIFY(first.unchanged.isEmpty());
    QVERIFY(!out.contains(m + " BUNDLE 1")); // nothing of the next reply yet

    sh.write(bundleRequest(BundleRequest::Refresh));
    const BundleParseResult second = reply();
    QVERIFY2(second.errors.isEmpty(), qPrintable(second.errors.value(0).message));
    QVERIFY(second.complete && second.refresh);
    QVERIFY(second.unchanged.contains(QStringLiteral("kernel-config")));
    QCOMPARE(second.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
    QCOMPARE(second.capture.probe(QStringLiteral("uname-r")).output,
             first.capture.probe(QStringLiteral("uname-r")).output);
    QCOMPARE(out.count(m + " BUNDLE "), 1);

    sh.write(bundleRequest(BundleRequest::Full));
    const BundleParseResult third = reply();
    QVERIFY(third.complete && !third.refresh);
    QVERIFY(third.unchanged.isEmpty());
    QCOMPARE(third.capture.probe(QStringLiteral("kernel-config")).status,
             first.capture.probe(QStringLiteral("kernel-config")).status);

    sh.write(QByteArray("$(touch ") + canary.toUtf8() + ")\n");
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 2);
    QVERIFY(!QFile::exists(canary));

    QProcess eof;
    eof.start(QStringLiteral("sh"), {QStringLiteral("-s"), QStringLiteral("--"), QStringLiteral("-"),
                                     QStringLiteral("0"), QStringLiteral("serve")});
    QVERIFY(eof.waitForStarted());
    eof.write(bundleServeInput(m, script));
    eof.closeWriteChannel();
    QVERIFY(eof.waitForFinished(60000));
    QCOMPARE(eof.exitCode(), 0);
    QCOMPARE(eof.readAllStandardOutput().count(m + " DONE\n"), 1);
}

void TestProbeBundle::serve_sftpLeavesTheRestToTheClient_data()
{
    QTest::addColumn<QStringList>("shell");
    QTest::newRow("sh") << QStringList{QStringLiteral("sh")};
    for (const char *name : {"dash", "bash"}) {
        if (!QStandardPaths::findExecutable(QLatin1String(name)).isEmpty())
            QTest::newRow(name) << QStringList{QLatin1String(name)};
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("busybox")).isEmpty())
        QTest::newRow("busybox") << QStringList{QStringLiteral("busybox"), QStringLiteral("sh")};
}

void TestProbeBundle::serve_sftpLeavesTheRestToTheClient()
{
    // sftp: the replies leave the mount table, df and /proc/config.gz to the client (which reads them over
    // SFTP); "rest" answers those alone where it cannot, "df" df alone; a refresh still answers the kernel
    // config "unchanged" once the client had it.
    QFETCH(QStringList, shell);
    QProcess sh;
    const QStringList args =
        QString::fromLatin1(bundleServeCommand(false, true, false, true)).split(u' ').mid(1);
    sh.start(shell.first(), shell.mid(1) + args);
    QVERIFY(sh.waitForStarted());
    const QByteArray m = newBundleMarker();
    sh.write(bundleServeInput(m, readFile(bundlePath())));
    auto reply = [&] { return readServeReply(sh, m); };
    const bool configGz = QFile::exists(QStringLiteral("/proc/config.gz"));
    auto status = [](const BundleParseResult &r, const char *id) {
        return r.capture.probe(QLatin1String(id)).status;
    };
    const BundleParseResult first = reply();
    QVERIFY2(first.complete && first.errors.isEmpty(), qPrintable(first.errors.value(0).message));
    QCOMPARE(status(first, "mountinfo"), ProbeStatus::NotCollected);
    QCOMPARE(status(first, "df"), ProbeStatus::NotCollected);
    QCOMPARE(status(first, "kernel-config") == ProbeStatus::NotCollected, configGz);
    QCOMPARE(status(first, "uname-r"), ProbeStatus::Ok);

    sh.write(bundleRequest(BundleRequest::Rest));
    const BundleParseResult rest = reply();
    QVERIFY2(rest.complete && rest.errors.isEmpty(), qPrintable(rest.errors.value(0).message));
    QCOMPARE(status(rest, "mountinfo"), ProbeStatus::Ok);
    QCOMPARE(status(rest, "df"), ProbeStatus::Ok);
    QCOMPARE(status(rest, "kernel-config"), configGz ? ProbeStatus::Ok : ProbeStatus::NotCollected);
    QCOMPARE(status(rest, "uname-r"), ProbeStatus::NotCollected);
    QVERIFY(parseMountInfo(rest.capture.probe(QStringLiteral("mountinfo")).output).mounts.size() > 2);

    sh.write(bundleRequest(BundleRequest::DiskUsage));
    const BundleParseResult df = reply();
    QVERIFY(df.complete && df.errors.isEmpty());
    QCOMPARE(status(df, "df"), ProbeStatus::Ok);
    QCOMPARE(status(df, "mountinfo"), ProbeStatus::NotCollected);
    QCOMPARE(status(df, "kernel-config"), ProbeStatus::NotCollected); // "rest" sent it already

    sh.write(bundleRequest(BundleRequest::Refresh));
    const BundleParseResult refresh = reply();
    QVERIFY(refresh.complete && refresh.errors.isEmpty() && refresh.refresh);
    QCOMPARE(status(refresh, "mountinfo"), ProbeStatus::NotCollected);
    QCOMPARE(status(refresh, "df"), ProbeStatus::NotCollected);
    QVERIFY(refresh.unchanged.contains(QStringLiteral("kernel-config")));
    sh.closeWriteChannel();
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
}

void TestProbeBundle::serve_refreshReadsLikeFull()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0)
        QSKIP("needs root and unshare for a private mount namespace");
    // A refresh reads small files and the mount table with the shell's own `read` (no process), a full run
    // with head: the bytes must be the same, whatever the file holds; a changed file is seen at once.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray content =
        "  {\"a\\\\b\": \"$(touch /tmp/x) `id` \\n\",\n\t\"c\": 1 }\n\n\nlast line, no newline";
    QFile file(dir.filePath(QStringLiteral("daemon.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const QString setup = QStringLiteral(
        "set -e; mkdir -p /etc/docker; mount -t tmpfs none /etc/docker; cp \"$1\" /etc/docker/daemon.json; "
        "mount -t tmpfs none /mnt; exec sh -s -- - 0 serve");
    QProcess sh;
    sh.start(QStringLiteral("unshare"),
             {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
              QStringLiteral("sh"), QStringLiteral("-c"), setup, QStringLiteral("sh"), file.fileName()});
    QVERIFY(sh.waitForStarted());
    const QByteArray m = newBundleMarker();
    sh.write(bundleServeInput(m, readFile(bundlePath())));
    auto reply = [&] { return readServeReply(sh, m); };
    const BundleParseResult full = reply();
    if (full.errors.size() && sh.state() != QProcess::Running)
        QSKIP("mount namespaces are not permitted here");
    QVERIFY2(full.errors.isEmpty(), qPrintable(full.errors.value(0).message));
    const QByteArray expected = content + '\n'; // text: trailing newlines dropped, one restored
    QCOMPARE(full.capture.probe(QStringLiteral("daemon-json")).output, expected);
    for (int round = 0; round < 2; ++round) {
        sh.write(bundleRequest(BundleRequest::Refresh));
        const BundleParseResult refresh = reply();
        QVERIFY2(refresh.errors.isEmpty(), qPrintable(refresh.errors.value(0).message));
        QVERIFY(refresh.refresh);
        QCOMPARE(refresh.capture.probe(QStringLiteral("daemon-json")).output, expected);
        QCOMPARE(refresh.capture.probe(QStringLiteral("daemon-json")).status, ProbeStatus::Ok);
        QCOMPARE(refresh.capture.probe(QStringLiteral("mountinfo")).output,
                 full.capture.probe(QStringLiteral("mountinfo")).output);
    }
    // The file changes (it is in this namespace's tmpfs): the next refresh has the new bytes.
    QProcess edit;
    edit.start(QStringLiteral("nsenter"),
               {QStringLiteral("-t"), QString::number(sh.processId()), QStringLiteral("-m"),
                QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("printf '{}' > /etc/docker/daemon.json; umount /mnt")});
    QVERIFY(edit.waitForFinished());
    QCOMPARE(edit.exitCode(), 0);
    sh.write(bundleRequest(BundleRequest::Refresh));
    const BundleParseResult after = reply();
    QCOMPARE(after.capture.probe(QStringLiteral("daemon-json")).output, QByteArray("{}\n"));
    QVERIFY(full.capture.probe(QStringLiteral("mountinfo")).output.contains(" /mnt "));
    QVERIFY(!after.capture.probe(QStringLiteral("mountinfo")).output.contains(" /mnt "));
    sh.closeWriteChannel();
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
}

void TestProbeBundle::bundle_dfTimeoutOnlyWithNetworkMounts()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0 ||
        !QFile::exists(QStringLiteral("/usr/bin/timeout")))
        QSKIP("needs root, unshare and /usr/bin/timeout");
    // df runs without `timeout` (one process less) while every mount is local or one df never statfs's
    // (fusectl, as systemd mounts it on nearly every host); a FUSE mount (like a network filesystem it could
    // block statfs; here one whose daemon is gone: statfs fails at once) brings the timeout back. A logging
    // `timeout` is bound over the real one in a private mount namespace.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("timeout.log"));
    QFile::copy(QStringLiteral("/usr/bin/timeout"), dir.filePath(QStringLiteral("timeout.real")));
    QFile wrapper(dir.filePath(QStringLiteral("timeout")));
    QVERIFY(wrapper.open(QIODevice::WriteOnly));
    wrapper.write("#!/bin/sh\necho \"$*\" >>'" + log.toUtf8() + "'\nexec '" +
                  dir.filePath(QStringLiteral("timeout.real")).toUtf8() + "' \"$@\"\n");
    wrapper.close();
    QVERIFY(wrapper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                   QFile::ExeOther));
    enum Extra { None, FuseCtl, Fuse };
    for (const Extra extra : {None, FuseCtl, Fuse}) {
        const bool fuse = extra == Fuse;
        QFile::remove(log);
        const QString mount =
            extra == FuseCtl ? QStringLiteral("mount -t fusectl none /mnt; ")
            : fuse           ? QStringLiteral(
                                   "exec 3<>/dev/fuse; mount -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0 "
                                             "lw-fuse /mnt; exec 3>&-; ")
                   : QString();
        const QString setup = QStringLiteral("set -e; mount --bind \"$1\" /usr/bin/timeout; ") + mount +
                              QStringLiteral("exec sh -s -- \"$2\"");
        const QByteArray m = newBundleMarker();
        QProcess sh;
        sh.setStandardInputFile(bundlePath());
        sh.start(QStringLiteral("unshare"),
                 {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
                  QStringLiteral("sh"), QStringLiteral("-c"), setup, QStringLiteral("sh"), wrapper.fileName(),
                  QString::fromLatin1(m)});
        QVERIFY(sh.waitForFinished(120000));
        const QByteArray err = sh.readAllStandardError();
        if ((extra == FuseCtl && err.contains("fusectl")) || (fuse && err.contains("fuse")))
            QSKIP("FUSE cannot be mounted here");
        QCOMPARE(sh.exitCode(), 0);
        const BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), err, m);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
        const QByteArray table = result.capture.probe(QStringLiteral("mountinfo")).output;
        QCOMPARE(table.contains(" - fusectl "), extra == FuseCtl);
        QCOMPARE(table.contains(" - fuse lw-fuse "), fuse);
        // df itself fails on the FUSE mount whose daemon is gone ("not connected"), as it would on the host
        QCOMPARE(result.capture.probe(QStringLiteral("df")).status,
                 fuse ? ProbeStatus::Failed : ProbeStatus::Ok);
        QFile logged(log);
        const QByteArray calls = logged.open(QIODevice::ReadOnly) ? logged.readAll() : QByteArray();
        QCOMPARE(calls.contains(" df -PT -B1"), fuse);
    }
}

namespace {

// Words in command position of a POSIX sh text that is written the way bundle.sh is (one simple
// command per line or separated by ; | && || and grouping). Returns false with a reason if the text
// redirects output anywhere but /dev/null or another descriptor.
bool commandWords(QString text, QStringList *commands, QString *why)
{
    // sh -c '...': analyse the inner script too.
    static const QRegularExpression shC(QStringLiteral("sh -c '([^']*)'"));
    for (auto it = shC.globalMatch(text); it.hasNext();) {
        if (!commandWords(it.next().captured(1), commands, why))
            return false;
    }
    text.replace(shC, QStringLiteral("sh -c INNER"));
    QStringList out;
    bool inCase = false;
    bool expectCaseWord = false;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        line.remove(QRegularExpression(QStringLiteral("'[^']*'")));
        line.remove(QRegularExpression(QStringLiteral("\"([^\"\\\\]|\\\\.)*\"")));
        line.remove(QRegularExpression(QStringLiteral("(^|\\s)#.*$")));
        line.remove(QRegularExpression(QStringLiteral("\\$\\(\\([^)]*\\)\\)")));
        line.remove(QRegularExpression(QStringLiteral("\\$\\{[^}]*\\}")));
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        // Redirections: only to /dev/null or to a descriptor.
        static const QRegularExpression redirect(QStringLiteral("\\d*>>?\\s*(&[\\d-]|[^\\s;|&)]*)"));
        for (auto it = redirect.globalMatch(line); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (target != QLatin1String("/dev/null") &&
                !QRegularExpression(QStringLiteral("^&[\\d-]$")).match(target).hasMatch()) {
                *why = QStringLiteral("output redirected to %1 in: %2").arg(target, line);
                return false;
            }
        }
        line.replace(QRegularExpression(QStringLiteral("\\d*[<>]>?\\s*(&[\\d-]|\\S*)")), QStringLiteral(" "));
        if (line.startsWith(QLatin1String("case ")))
            inCase = true;
        if (line == QLatin1String("esac"))
            inCase = false;
        if (inCase && QRegularExpression(QStringLiteral("^[^()]*\\)")).match(line).hasMatch())
            line = line.mid(line.indexOf(QLatin1Char(')')) + 1);
        line.replace(QRegularExpression(QStringLiteral("\\$\\(|&&|\\|\\||;;|[;|(){}]")),
                     QStringLiteral("\n"));
        for (const QString &segment : line.split(QLatin1Char('\n'))) {
            QStringList w = segment.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            static const QRegularExpression assignment(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*="));
            while (!w.isEmpty() && assignment.match(w.first()).hasMatch())
                w.removeFirst();
            static const QStringList keywords{QStringLiteral("if"),    QStringLiteral("then"),
                                              QStringLiteral("else"),  QStringLiteral("elif"),
                                              QStringLiteral("do"),    QStringLiteral("fi"),
                                              QStringLiteral("done"),  QStringLiteral("esac"),
                                              QStringLiteral("while"), QStringLiteral("!")};
            while (!w.isEmpty() && (keywords.contains(w.first()) || assignment.match(w.first()).hasMatch()))
                w.removeFirst();
            if (w.isEmpty())
                continue;
            expectCaseWord = false;
            // Wrappers: the command they run is what counts.
            for (;;) {
                if (w.first() == QLatin1String("tmo") && w.size() > 3) {
                    out << w.first();
                    w = w.mid(3);
                } else if (w.first() == QLatin1String("run") && w.size() > 4) {
                    out << w.first();
                    w = w.mid(4);
                } else if (w.first() == QLatin1String("run2") && w.size() > 5) {
                    out << w.first();
                    w = w.mid(5);
                } else if (w.first() == QLatin1String("timeout") && w.size() > 4 &&
                           w.at(1) == QLatin1String("-k")) {
                    out << w.first();
                    w = w.mid(4);
                } else if (w.first() == QLatin1String("sudo") && w.size() > 2 &&
                           w.at(1) == QLatin1String("-n")) {
                    out << w.first();
                    w = w.mid(2);
                } else {
                    break;
                }
            }
            QString command = w.first();
            if (command == QLatin1String("docker") || command == QLatin1String("systemctl") ||
                command == QLatin1String("command"))
                command += QLatin1Char(' ') + w.value(1);
            out << command;
        }
        Q_UNUSED(expectCaseWord);
    }
    *commands += out;
    return true;
}

} // namespace

void TestProbeBundle::bundle_isReadOnly()
{
    const QString path = bundlePath();
    QVERIFY(!path.isEmpty());
    const QString script = QString::fromUtf8(readFile(path));
    QStringList commands;
    QString why;
    QVERIFY2(commandWords(script, &commands, &why), qPrintable(why));
    QVERIFY(commands.size() > 30);

    QSet<QString> functions;
    static const QRegularExpression def(QStringLiteral("(?m)^([a-z_0-9]+)\\(\\)"));
    for (auto it = def.globalMatch(script); it.hasNext();)
        functions.insert(it.next().captured(1));
    QVERIFY(functions.contains(QStringLiteral("run")));

    // Shell builtins and read-only programs. Anything else (rm, mv, tee, dd, mount, kill, ...) fails.
    const QSet<QString> allowed{
        QStringLiteral("exit"), QStringLiteral("case"), QStringLiteral("for"), QStringLiteral("in"),
        QStringLiteral("["), QStringLiteral("test"), QStringLiteral("echo"), QStringLiteral("printf"),
        QStringLiteral("read"), QStringLiteral("export"), QStringLiteral("exec"), QStringLiteral("shift"),
        QStringLiteral("true"), QStringLiteral("cd"), QStringLiteral("command -v"), QStringLiteral("cat"),
        QStringLiteral("zcat"), QStringLiteral("gzip"), QStringLiteral("set"), QStringLiteral("return"),
        QStringLiteral("break"), QStringLiteral("df"), QStringLiteral("uname"), QStringLiteral("pgrep"),
        QStringLiteral("pidof"), QStringLiteral("docker info"), QStringLiteral("systemctl show"),
        QStringLiteral("base64"), QStringLiteral("od"), QStringLiteral("tr"), QStringLiteral("head"),
        QStringLiteral("id"), QStringLiteral("timeout"), QStringLiteral("sudo"), QStringLiteral("sh"),
        QStringLiteral("date"),
        // the container list and the layer inventory: docker ps / container inspect, grep of BuildKit's
        // databases and of hostconfig.json, du of unreferenced layer directories; flow control words
        QStringLiteral("docker ps"), QStringLiteral("docker container"), QStringLiteral("docker image"),
        QStringLiteral("grep"), QStringLiteral("du"), QStringLiteral("continue")};
    QStringList bad;
    for (const QString &command : std::as_const(commands)) {
        if (!allowed.contains(command) && !functions.contains(command))
            bad << command;
    }
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(", "))));
    // exec only duplicates descriptors; it never replaces the shell with a program.
    QVERIFY(!QRegularExpression(QStringLiteral("(?m)^\\s*exec\\s+[A-Za-z/]")).match(script).hasMatch());

    // The checker itself must catch writes.
    QStringList dummy;
    QVERIFY(!commandWords(QStringLiteral("cat /etc/x > /tmp/y\n"), &dummy, &why));
    dummy.clear();
    QVERIFY(commandWords(QStringLiteral("if [ -e x ]; then rm -f x; fi | tee y\nrun a 5 0 dd if=x\n"), &dummy,
                         &why));
    QVERIFY(dummy.contains(QStringLiteral("rm")));
    QVERIFY(dummy.contains(QStringLiteral("tee")));
    QVERIFY(dummy.contains(QStringLiteral("dd")));
}

void TestProbeBundle::bundle_matchesCatalog()
{
    {
        // the shell and the client agree on which filesystems' statfs can block (df under the watch)
        const QByteArray script = readFile(bundlePath());
        const qsizetype at = script.indexOf("\nNETWORK_FS='");
        QVERIFY(at >= 0);
        const QByteArray list = script.mid(at + 13, script.indexOf('\'', at + 13) - at - 13);
        QCOMPARE(QString::fromLatin1(list).split(u' '), blockingFilesystemTypes());
    }
    const QString catalogPath = QFINDTESTDATA("../../resources/probes/catalog.json");
    QVERIFY(!catalogPath.isEmpty());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(catalogPath), &error);
    QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
    const QJsonArray probes = doc.object().value(QStringLiteral("probes")).toArray();
    QStringList ids;
    const QString script = QString::fromUtf8(readFile(bundlePath()));
    for (const QJsonValue &value : probes) {
        const QJsonObject probe = value.toObject();
        const QString id = probe.value(QStringLiteral("id")).toString();
        ids << id;
        QVERIFY(!probe.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!probe.value(QStringLiteral("command")).toString().isEmpty());
        QVERIFY(probe.value(QStringLiteral("reads")).isArray());
        QVERIFY(probe.value(QStringLiteral("needsRoot")).isBool());
        const int timeout = probe.value(QStringLiteral("timeoutSec")).toInt();
        QVERIFY(timeout > 0);
        // Every way the bundle runs this probe uses the catalog's timeout.
        const QRegularExpression use(
            QStringLiteral("(?:run2?|file_probe|file2) %1 (\\d+)").arg(QRegularExpression::escape(id)));
        int uses = 0;
        for (auto it = use.globalMatch(script); it.hasNext(); ++uses)
            QCOMPARE(it.next().captured(1).toInt(), timeout);
        // docker-layers is read by the shell itself (no program, so no timeout): framed directly
        if (uses == 0 && script.contains(QStringLiteral("frame %1 0 0 ok").arg(id)))
            ++uses;
        QVERIFY2(uses > 0, qPrintable(id));
    }
    // The script's per-probe cap is the parser's.
    QVERIFY(script.contains(QStringLiteral("\nLW_CAP=%1\n").arg(bundleProbeOutputCap)));
    QCOMPARE(ids, ProbeId::all());
}

void TestProbeBundle::bundle_runsLocally_data()
{
    // Hosts' /bin/sh is dash (Debian, Ubuntu) or bash (RHEL, SUSE); busybox where installed.
    QTest::addColumn<QString>("shell");
    QTest::addColumn<bool>("v1");
    for (const char *shell : {"sh", "dash", "bash", "busybox"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(shell)).isEmpty())
            continue;
        QTest::newRow(shell) << QString::fromLatin1(shell) << false;
        // The version 1 framing stays the fallback for shells that count characters.
        QTest::newRow(QByteArray(shell).append(" v1").constData()) << QString::fromLatin1(shell) << true;
    }
}

void TestProbeBundle::bundle_kernelConfigWithoutGzip()
{
    // /proc/config.gz there but no program to inflate it (and no /boot config): "failed" with the reason,
    // not "absent". Both framings; gzip and zcat hidden (/dev/null bound over them) in a private mount
    // namespace.
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0)
        QSKIP("needs root and unshare");
    if (!QFile::exists(QStringLiteral("/proc/config.gz")))
        QSKIP("no /proc/config.gz here");
    QProcess uname;
    uname.start(QStringLiteral("uname"), {QStringLiteral("-r")});
    QVERIFY(uname.waitForFinished());
    if (QFile::exists(QStringLiteral("/boot/config-") +
                      QString::fromLatin1(uname.readAllStandardOutput().trimmed())))
        QSKIP("a /boot config is here");
    QString hide;
    for (const char *tool : {"gzip", "zcat"}) {
        const QString path = QStandardPaths::findExecutable(QLatin1String(tool));
        if (!path.isEmpty())
            hide += QStringLiteral("mount --bind /dev/null '%1'; ").arg(QFileInfo(path).canonicalFilePath());
    }
    for (const bool v1 : {false, true}) {
        QProcess sh;
        sh.setStandardInputFile(bundlePath());
        const QByteArray m = newBundleMarker();
        const QString run = QStringLiteral("set -e; ") + hide +
                            QStringLiteral("command -v gzip >/dev/null && exit 3; exec sh -s -- \"$1\"") +
                            (v1 ? QStringLiteral(" 0 v1") : QString());
        sh.start(QStringLiteral("unshare"),
                 {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
                  QStringLiteral("sh"), QStringLiteral("-c"), run, QStringLiteral("sh"),
                  QString::fromLatin1(m)});
        QVERIFY(sh.waitForFinished(120000));
        QCOMPARE(sh.exitCode(), 0);
        const BundleParseResult result =
            parseBundleOutput(sh.readAllStandardOutput(), sh.readAllStandardError(), m);
        QVERIFY(result.complete);
        const ProbeOutput config = result.capture.probe(QStringLiteral("kernel-config"));
        QCOMPARE(config.status, ProbeStatus::Failed);
        QVERIFY2(config.errorOutput.contains("/proc/config.gz: no "), config.errorOutput.constData());
        QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
    }
}

void TestProbeBundle::bundle_runsLocally()
{
    QFETCH(QString, shell);
    QFETCH(bool, v1);
    QProcess sh;
    sh.setStandardInputFile(bundlePath());
    const QByteArray m = newBundleMarker();
    QStringList args{QStringLiteral("-s"), QStringLiteral("--"), QString::fromLatin1(m)};
    if (v1)
        args << QStringLiteral("0") << QStringLiteral("v1");
    if (shell == QLatin1String("busybox"))
        args.prepend(QStringLiteral("sh"));
    sh.start(shell, args);
    QVERIFY(sh.waitForFinished(120000));
    QCOMPARE(sh.exitCode(), 0);
    const QByteArray out = sh.readAllStandardOutput();
    const QByteArray err = sh.readAllStandardError();
    QVERIFY(bundleReplyComplete(out, err, m));
    const BundleParseResult result = parseBundleOutput(out, err, m);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    QCOMPARE(result.version, v1 ? 1 : 2);
    const ProbeOutput uname = result.capture.probe(QStringLiteral("uname-r"));
    QCOMPARE(uname.status, ProbeStatus::Ok);
    QProcess u;
    u.start(QStringLiteral("uname"), {QStringLiteral("-r")});
    QVERIFY(u.waitForFinished());
    QCOMPARE(uname.output, u.readAllStandardOutput());
    QCOMPARE(result.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
    QVERIFY(result.capture.probe(QStringLiteral("mountinfo")).output.contains(" / / "));
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
    QVERIFY(result.capture.probe(QStringLiteral("df")).output.endsWith('\n'));
    for (const QString &id : ProbeId::all())
        QVERIFY2(result.capture.probe(id).status != ProbeStatus::NotCollected, qPrintable(id));
    // Both framings carry the same mount table (the shell's own, read the same way).
    QFile self(QStringLiteral("/proc/self/mountinfo"));
    QVERIFY(self.open(QIODevice::ReadOnly));
    QCOMPARE(result.capture.probe(QStringLiteral("mountinfo")).output.count('\n'),
             self.readAll().count('\n'));

    // A marker that is not hex is refused before anything runs.
    QProcess bad;
    bad.setStandardInputFile(bundlePath());
    bad.start(QStringLiteral("sh"),
              {QStringLiteral("-s"), QStringLiteral("--"), QStringLiteral("$(touch /tmp/x)")});
    QVERIFY(bad.waitForFinished());
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardOutput().isEmpty());
}

void TestProbeBundle::bundle_hungFifoAndHostileFileInNamespace()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0)
        QSKIP("needs root and unshare for a private mount namespace");
    // In a private mount namespace: /etc/docker/daemon.json is a FIFO nobody writes (cat would hang
    // forever) and /etc/sysconfig/docker-storage imitates the framing with the run's real marker.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray m = newBundleMarker();
    const QByteArray hostile =
        m + " END docker-storage 0 1 ok\n" + m + " DONE\n" + QByteArray("\0x\0", 3) + m + " BEGIN df\n";
    QFile file(dir.filePath(QStringLiteral("docker-storage")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(hostile);
    file.close();
    const QString setup =
        QStringLiteral("set -e; mkdir -p /etc/docker /etc/sysconfig; mount -t tmpfs none /etc/docker; "
                       "mount -t tmpfs none /etc/sysconfig; mkfifo /etc/docker/daemon.json; "
                       "cp \"$1\" /etc/sysconfig/docker-storage; exec sh -s -- \"$2\"");
    QProcess sh;
    startInNamespace(sh, setup, {file.fileName(), QString::fromLatin1(m)});
    QVERIFY(sh.waitForFinished(120000));
    const QByteArray err = sh.readAllStandardError();
    if (namespacesRefused(err))
        QSKIP("mount namespaces are not permitted here");
    QCOMPARE(sh.exitCode(), 0);
    const BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), err, m);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    const ProbeOutput daemon = result.capture.probe(QStringLiteral("daemon-json"));
    QCOMPARE(daemon.status, ProbeStatus::Timeout);
    QVERIFY(daemon.durationMs >= 4000);
    const ProbeOutput storage = result.capture.probe(QStringLiteral("docker-storage"));
    QCOMPARE(storage.status, ProbeStatus::Ok);
    // Version 2 carries text: the shell drops NUL bytes (documented); everything else arrives as it is,
    // the marker lines inside included, and framing is unaffected.
    QCOMPARE(result.version, 2);
    QCOMPARE(storage.output, QByteArray(hostile).replace('\0', QByteArray()));
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
}

void TestProbeBundle::bundle_watchModeKilledByClient()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0)
        QSKIP("needs root and unshare for a private mount namespace");
    // Watch mode: no `timeout` on the host. The FIFO daemon.json hangs `head` until this test, playing the
    // client, kills the pid the bundle announced once its seconds are up; the shell goes on.
    const QByteArray m = newBundleMarker();
    const QString setup = QStringLiteral("set -e; mkdir -p /etc/docker; mount -t tmpfs none /etc/docker; "
                                         "mkfifo /etc/docker/daemon.json; exec sh -s -- \"$1\" 0 watch");
    QProcess sh;
    startInNamespace(sh, setup, {QString::fromLatin1(m)});
    QVERIFY(sh.waitForStarted());
    BundleWatch watch(m, 200);
    QElapsedTimer timer;
    timer.start();
    QByteArray err;
    QByteArrayList killedPids;
    while (sh.state() != QProcess::NotRunning && timer.elapsed() < 60000) {
        sh.waitForReadyRead(100);
        const QByteArray chunk = sh.readAllStandardError();
        err += chunk;
        watch.feedStderr(chunk, timer.elapsed());
        const QByteArray pid = watch.overdue(timer.elapsed());
        if (!pid.isEmpty()) {
            killedPids.append(pid);
            QCOMPARE(::kill(pid_t(pid.toLongLong()), SIGKILL), 0);
        }
    }
    QVERIFY(sh.state() == QProcess::NotRunning || sh.waitForFinished(10000));
    err += sh.readAllStandardError();
    if (namespacesRefused(err))
        QSKIP("mount namespaces are not permitted here");
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(killedPids.size(), 1);
    QCOMPARE(watch.killed(), QStringList{QStringLiteral("daemon-json")});
    BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), err, m);
    markWatchTimeouts(&result, watch.killed());
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    const ProbeOutput daemon = result.capture.probe(QStringLiteral("daemon-json"));
    QCOMPARE(daemon.status, ProbeStatus::Timeout);
    QVERIFY(daemon.durationMs >= 4000);
    QVERIFY(!daemon.errorOutput.contains(" K ")); // the pid line is the client's, not the probe's stderr
    QCOMPARE(result.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
}

void TestProbeBundle::bundle_smallFilesReadByTheShell()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0)
        QSKIP("needs root and unshare for a private mount namespace");
    // docker-storage (small) is read by the shell: no program, no E line; daemon.json (10 KB, past the 6 KiB
    // bound) goes to `head` after the shell gave up. Both arrive whole.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray big;
    for (int i = 0; big.size() < 10000; ++i)
        big += "  \"key-" + QByteArray::number(i) + "\": \"value with spaces and \\\\ backslashes\",\n";
    const QByteArray small = "DOCKER_STORAGE_OPTIONS=\"--storage-driver overlay2\"\n\n";
    for (const auto &[name, data] : {std::pair{"daemon.json", big}, std::pair{"docker-storage", small}}) {
        QFile f(dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    const QByteArray m = newBundleMarker();
    const QString setup =
        QStringLiteral("set -e; mkdir -p /etc/docker /etc/sysconfig; mount -t tmpfs none /etc/docker; "
                       "mount -t tmpfs none /etc/sysconfig; cp \"$1/daemon.json\" /etc/docker/; "
                       "cp \"$1/docker-storage\" /etc/sysconfig/; exec sh -s -- \"$2\"");
    QProcess sh;
    startInNamespace(sh, setup, {dir.path(), QString::fromLatin1(m)});
    QVERIFY(sh.waitForFinished(60000));
    const QByteArray err = sh.readAllStandardError();
    if (namespacesRefused(err))
        QSKIP("mount namespaces are not permitted here");
    const BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), err, m);
    QVERIFY(result.complete);
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).output, big);
    QCOMPARE(result.capture.probe(QStringLiteral("docker-storage")).status, ProbeStatus::Ok);
    // text: the trailing empty line goes, one newline stays (as for a program's output)
    QCOMPARE(result.capture.probe(QStringLiteral("docker-storage")).output, small.chopped(1));
    QVERIFY(err.contains(m + " E daemon-json\n"));
    QVERIFY(!err.contains(m + " E docker-storage\n"));
}

void TestProbeBundle::watch_tracksTheRunningProgram()
{
    const QByteArray stream = marker + " E daemon-json\n" + marker + " K 4242 5\nhead: some error\n" +
                              marker + " E docker-info\n" + marker + " K 777 20\n" + marker + " E DONE\n";
    // fed in every possible two pieces: the same result
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        BundleWatch watch(marker, 0);
        watch.feedStderr(QByteArrayView(stream).first(cut), 0);
        watch.feedStderr(QByteArrayView(stream).sliced(cut), 0);
        // after E DONE nothing runs: nothing to kill, however late
        QVERIFY(watch.overdue(1000000).isEmpty());
        QVERIFY(watch.killed().isEmpty());
    }
    BundleWatch watch(marker, 1000);
    watch.feedStderr(marker + " E daemon-json\n" + marker + " K 4242 5\n", 100);
    QVERIFY(watch.overdue(6099).isEmpty()); // 5 s + 1 s grace after the K line arrived
    QCOMPARE(watch.overdue(6100), QByteArray("4242"));
    QVERIFY(watch.overdue(9000).isEmpty()); // once
    QCOMPARE(watch.killed(), QStringList{QStringLiteral("daemon-json")});
    // the next program: its own deadline
    watch.feedStderr(marker + " E docker-info\n" + marker + " K 777 20\n", 10000);
    QVERIFY(watch.overdue(20000).isEmpty());
    QCOMPARE(watch.overdue(31000), QByteArray("777"));
    // K lines that are not right after an E line, or not digits, or another marker: ignored
    for (const QByteArray &bad :
         {marker + " E df\nnoise\n" + marker + " K 55 1\n", marker + " E df\n" + marker + " K 5x 1\n",
          marker + " E df\n" + marker + " K 1 1\n", marker + " E df\n" + marker + " K -5 1\n",
          marker + " E df\n" + marker + " K 55 0\n", marker + " E df\n" + marker + " K 55 1 2\n",
          QByteArray("ffffffffffffffffffffffffffffffff E df\nffffffffffffffffffffffffffffffff K 55 1\n")}) {
        BundleWatch w(marker, 0);
        w.feedStderr(bad, 0);
        QVERIFY2(w.overdue(1000000).isEmpty(), bad.constData());
    }
    // a program's stderr without its last newline: the E and K lines right behind it still count
    BundleWatch glued(marker, 0);
    glued.feedStderr("no newline at the end" + marker + " E docker-info\n" + marker + " K 31337 3\n", 0);
    QCOMPARE(glued.overdue(3000), QByteArray("31337"));
    // markWatchTimeouts: a killed probe that failed becomes a timeout; one that finished ok stays ok
    auto [out, err] = frame2({{"daemon-json", "", "Killed\n", 137, "failed"}, {"df", "x\n", "", 0, "ok"}});
    BundleParseResult result = parseBundleOutput(out, err + marker + " K 9 1\n", marker);
    markWatchTimeouts(&result, {QStringLiteral("daemon-json"), QStringLiteral("df")});
    QCOMPARE(result.capture.probe(QStringLiteral("daemon-json")).status, ProbeStatus::Timeout);
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
}

void TestProbeBundle::bundle_unprivilegedUserGetsNoPermission()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty() || geteuid() != 0)
        QSKIP("needs root, unshare and setpriv");
    // daemon.json readable by root only; the bundle runs as nobody and asks for sudo, which it cannot get
    // without a password (or at all): daemon-json is no-permission, the sweep itself goes on.
    const QByteArray m = newBundleMarker();
    const QString setup = QStringLiteral(
        "set -e; mkdir -p /etc/docker; mount -t tmpfs none /etc/docker; echo '{}' > /etc/docker/daemon.json; "
        "chmod 600 /etc/docker/daemon.json; chmod 755 /etc/docker; "
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups sh -s -- \"$1\" 1");
    QProcess sh;
    startInNamespace(sh, setup, {QString::fromLatin1(m)});
    QVERIFY(sh.waitForFinished(120000));
    const QByteArray err = sh.readAllStandardError();
    if (namespacesRefused(err))
        QSKIP("mount namespaces are not permitted here");
    QCOMPARE(sh.exitCode(), 0);
    const BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), err, m);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QVERIFY(result.complete);
    QVERIFY(!result.ranWithSudo);
    const ProbeOutput daemon = result.capture.probe(QStringLiteral("daemon-json"));
    QCOMPARE(daemon.status, ProbeStatus::NoPermission);
    QVERIFY(daemon.errorOutput.contains("not readable"));
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
    QCOMPARE(result.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
}

void TestProbeBundle::bundle_hexWithoutBase64()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() || geteuid() != 0 ||
        QStandardPaths::findExecutable(QStringLiteral("base64")) != QLatin1String("/usr/bin/base64"))
        QSKIP("needs root, unshare and /usr/bin/base64");
    // A host without a working base64: the bundle falls back to od hex, and the data is the same.
    const QByteArray m = newBundleMarker();
    const QString setup =
        QStringLiteral("set -e; mount --bind /bin/false /usr/bin/base64; exec sh -s -- \"$1\" 0 v1");
    QProcess sh;
    sh.setStandardInputFile(bundlePath());
    sh.start(QStringLiteral("unshare"),
             {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
              QStringLiteral("sh"), QStringLiteral("-c"), setup, QStringLiteral("sh"),
              QString::fromLatin1(m)});
    QVERIFY(sh.waitForFinished(120000));
    QCOMPARE(sh.exitCode(), 0);
    const BundleParseResult result = parseBundleOutput(sh.readAllStandardOutput(), m);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QCOMPARE(result.encoding, QStringLiteral("hex"));
    QProcess u;
    u.start(QStringLiteral("uname"), {QStringLiteral("-r")});
    QVERIFY(u.waitForFinished());
    QCOMPARE(result.capture.probe(QStringLiteral("uname-r")).output, u.readAllStandardOutput());
    QVERIFY(result.capture.probe(QStringLiteral("mountinfo")).output.contains(" / / "));
    QCOMPARE(result.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
}

QTEST_GUILESS_MAIN(TestProbeBundle)
#include "tst_probebundle.moc"
