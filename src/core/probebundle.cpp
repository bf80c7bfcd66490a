#include "probebundle.h"

#include "coretr.h"

#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <utility>

namespace lw {

QByteArray newBundleMarker()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray bundleCommand(const QByteArray &marker, bool useSudo)
{
    QByteArray command = "sh -s -- " + marker;
    if (useSudo)
        command += " 1";
    return command;
}

QByteArray bundleServeCommand(bool useSudo, bool serve, bool watch, bool sftp)
{
    QByteArray command = useSudo ? QByteArray("sh -s -- - 1") : QByteArray("sh -s -- - 0");
    if (serve)
        command += " serve";
    if (watch)
        command += " watch";
    if (sftp)
        command += " sftp";
    return command;
}

QByteArray bundleServeInput(const QByteArray &marker, const QByteArray &script)
{
    QByteArray input;
    input.reserve(6 + marker.size() + script.size());
    input.append("LW_M=").append(marker).append('\n').append(script);
    return input;
}

QByteArray bundleRequest(BundleRequest request)
{
    switch (request) {
    case BundleRequest::Refresh:
        return QByteArrayLiteral("refresh\n");
    case BundleRequest::Rest:
        return QByteArrayLiteral("rest\n");
    case BundleRequest::DiskUsage:
        return QByteArrayLiteral("df\n");
    case BundleRequest::Full:
        break;
    }
    return QByteArrayLiteral("full\n");
}

namespace {

bool isHex(QByteArrayView text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isProbeIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool isProbeId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!isProbeIdChar(c))
            return false;
    }
    return true;
}

// Strict base64 (coreutils `base64 -w0`): false on anything else.
bool decodeBase64(QByteArrayView text, QByteArray *out)
{
    auto decoded =
        QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = std::move(decoded.decoded);
    return true;
}

// Lowercase hex digits in pairs (`od -An -tx1` with the blanks removed): false on anything else.
bool decodeHex(QByteArrayView text, QByteArray *out)
{
    if (text.size() % 2 != 0 || !isHex(text))
        return false;
    *out = QByteArray::fromHex(text.toByteArray());
    return true;
}

// Every probe of ProbeId::all() that the output did not give: NotCollected, with the reason.
void fillNotCollected(BundleParseResult *result)
{
    const QByteArray notCollected = result->complete
                                        ? CoreTr::tr("The bundle did not run this probe.").toUtf8()
                                        : CoreTr::tr("The bundle output ended before this probe.").toUtf8();
    for (const QString &id : ProbeId::all()) {
        if (!result->capture.probes.contains(id)) {
            ProbeOutput missing;
            missing.status = ProbeStatus::NotCollected;
            missing.errorOutput = notCollected;
            result->capture.probes.insert(id, missing);
        }
    }
}

// The blank-separated words of a control line.
QList<QByteArrayView> splitWords(QByteArrayView text)
{
    QList<QByteArrayView> words;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype space = text.indexOf(' ', start);
        if (space < 0)
            space = text.size();
        if (space > start)
            words.append(text.sliced(start, space - start));
        start = space + 1;
    }
    return words;
}

class Parser
{
public:
    Parser(QByteArrayView output, QByteArrayView marker) : m_output(output), m_marker(marker) {}

    BundleParseResult run();

private:
    struct Line
    {
        QByteArrayView text;
        int number = 0;
        bool terminated = false; // ended by '\n' (an unterminated last line is a cut stream)
    };

    bool nextLine(Line *line);
    // The words after "MARKER " if the line is a control line, else an empty list.
    QList<QByteArrayView> controlWords(const Line &line) const;
    bool decode(QByteArrayView text, QByteArray *out) const;
    void error(int line, const QString &message) { m_result.errors.append(ParseError{line, 0, message}); }
    void readSection(const Line &begin, QByteArrayView id);

    QByteArrayView m_output;
    QByteArrayView m_marker;
    qsizetype m_pos = 0;
    int m_lineNumber = 0;
    bool m_b64 = true;
    bool m_cut = false; // the stream ended inside a section
    BundleParseResult m_result;
};

bool Parser::nextLine(Line *line)
{
    if (m_pos >= m_output.size())
        return false;
    const qsizetype end = m_output.indexOf('\n', m_pos);
    ++m_lineNumber;
    line->number = m_lineNumber;
    if (end < 0) {
        line->text = m_output.sliced(m_pos);
        line->terminated = false;
        m_pos = m_output.size();
    } else {
        line->text = m_output.sliced(m_pos, end - m_pos);
        line->terminated = true;
        m_pos = end + 1;
    }
    return true;
}

QList<QByteArrayView> Parser::controlWords(const Line &line) const
{
    if (!line.terminated || line.text.size() <= m_marker.size() || !line.text.startsWith(m_marker) ||
        line.text.at(m_marker.size()) != ' ') {
        return {};
    }
    return splitWords(line.text.sliced(m_marker.size() + 1));
}

bool Parser::decode(QByteArrayView text, QByteArray *out) const
{
    return m_b64 ? decodeBase64(text, out) : decodeHex(text, out);
}

void Parser::readSection(const Line &begin, QByteArrayView idView)
{
    const QString id = QString::fromLatin1(idView);
    ProbeOutput probe;
    probe.status = ProbeStatus::Failed;
    // Any early return below means the section was not closed properly.
    auto store = [&]() { m_result.capture.probes.insert(id, probe); };

    Line data;
    if (!nextLine(&data)) {
        m_cut = true;
        probe.truncated = true;
        probe.errorOutput = CoreTr::tr("The output ended inside this probe.").toUtf8();
        error(begin.number, CoreTr::tr("The output ended inside probe %1.").arg(id));
        store();
        return;
    }
    if (!controlWords(data).isEmpty()) {
        error(data.number, CoreTr::tr("Probe %1 has no data line.").arg(id));
        store();
        return;
    }
    if (!decode(data.text, &probe.output)) {
        if (data.terminated) {
            error(data.number, CoreTr::tr("The data of probe %1 is not validly encoded.").arg(id));
            probe.output.clear();
        } else {
            // Cut in the middle of the data line: keep what decodes of the complete groups.
            const qsizetype whole = m_b64 ? data.text.size() / 4 * 4 : data.text.size() / 2 * 2;
            decode(data.text.first(whole), &probe.output);
        }
    }
    if (!data.terminated) {
        m_cut = true;
        probe.truncated = true;
        probe.errorOutput = CoreTr::tr("The output ended inside this probe.").toUtf8();
        error(data.number, CoreTr::tr("The output ended inside probe %1.").arg(id));
        store();
        return;
    }

    Line stderrHeader;
    Line stderrData;
    Line end;
    const bool haveAll = nextLine(&stderrHeader) && nextLine(&stderrData) && nextLine(&end);
    if (!haveAll || !end.terminated) {
        m_cut = true;
        probe.truncated = true;
        probe.errorOutput = CoreTr::tr("The output ended inside this probe.").toUtf8();
        error(begin.number, CoreTr::tr("The output ended inside probe %1.").arg(id));
        store();
        return;
    }
    const QList<QByteArrayView> stderrWords = controlWords(stderrHeader);
    if (stderrWords.size() != 1 || stderrWords.first() != "STDERR") {
        error(stderrHeader.number, CoreTr::tr("Probe %1: expected the stderr line.").arg(id));
        store();
        return;
    }
    if (!decode(stderrData.text, &probe.errorOutput))
        error(stderrData.number, CoreTr::tr("The stderr of probe %1 is not validly encoded.").arg(id));

    const QList<QByteArrayView> endWords = controlWords(end);
    if (endWords.size() != 5 || endWords.at(0) != "END" || endWords.at(1) != idView) {
        error(end.number, CoreTr::tr("Probe %1: expected its END line.").arg(id));
        store();
        return;
    }
    bool exitOk = false;
    bool durationOk = false;
    bool statusOk = false;
    const int exitCode = endWords.at(2).toInt(&exitOk);
    const qint64 duration = endWords.at(3).toLongLong(&durationOk);
    const ProbeStatus status = probeStatusFromName(QString::fromLatin1(endWords.at(4)), &statusOk);
    if (!exitOk || !durationOk || !statusOk || status == ProbeStatus::NotCollected) {
        error(end.number, CoreTr::tr("Probe %1: unreadable END line.").arg(id));
        store();
        return;
    }
    probe.exitCode = exitCode;
    probe.durationMs = duration;
    probe.status = status;
    if (probe.output.size() > bundleProbeOutputCap) {
        // The bundle lets one byte past the cap through so that a cut shows; the producer then died of
        // SIGPIPE (141), which is the cap's doing, not a failure.
        probe.output.truncate(bundleProbeOutputCap);
        probe.truncated = true;
        if (exitCode == 141 && status == ProbeStatus::Failed)
            probe.status = ProbeStatus::Ok;
    }
    store();
}

BundleParseResult Parser::run()
{
    if (m_marker.size() < 32 || !isHex(m_marker)) {
        error(0, CoreTr::tr("The bundle marker is not a hex string of at least 32 digits."));
    } else {
        Line line;
        bool started = false;
        while (!m_cut && nextLine(&line)) {
            const QList<QByteArrayView> words = controlWords(line);
            if (!started) {
                // Anything before the header (a login banner printed to stdout, say) is not ours.
                if (words.size() >= 2 && words.at(0) == "BUNDLE") {
                    started = true;
                    m_result.version = 1;
                    if (words.at(1) != "1")
                        error(line.number,
                              CoreTr::tr("Unknown bundle version %1.").arg(QString::fromLatin1(words.at(1))));
                    const QByteArrayView encoding = words.size() >= 3 ? words.at(2) : QByteArrayView();
                    m_b64 = encoding != "hex";
                    m_result.encoding = m_b64 ? QStringLiteral("b64") : QStringLiteral("hex");
                    m_result.ranWithSudo = words.size() >= 5 && words.at(4) == "1";
                }
                continue;
            }
            if (words.isEmpty()) {
                error(line.number, CoreTr::tr("Unexpected data outside a probe section."));
                continue;
            }
            if (words.at(0) == "DONE") {
                m_result.complete = true;
                break;
            }
            if (words.at(0) == "BEGIN" && words.size() == 2 && isProbeId(words.at(1))) {
                if (m_result.capture.probes.contains(QString::fromLatin1(words.at(1))))
                    error(line.number, CoreTr::tr("Probe %1 appears twice; the last one is kept.")
                                           .arg(QString::fromLatin1(words.at(1))));
                readSection(line, words.at(1));
                continue;
            }
            error(line.number, CoreTr::tr("Unexpected control line."));
        }
        if (!started)
            error(0, CoreTr::tr("The output does not contain the probe bundle's header."));
        else if (!m_result.complete && !m_cut)
            error(m_lineNumber, CoreTr::tr("The output ended before the bundle's DONE line."));
    }

    fillNotCollected(&m_result);
    return std::move(m_result);
}

// Version 2: "MARKER P id exit ms status enc length\n" + length raw bytes + "\n"; "MARKER S id"; "MARKER
// DONE". The lengths carry the framing, so data is never scanned for control lines.
struct Frame
{
    QByteArrayView id;
    QList<QByteArrayView> words; // after the marker
    QByteArrayView data;         // P frames
};

enum class Step { Frame, Done, Incomplete, Malformed };

class FrameReader
{
public:
    FrameReader(QByteArrayView output, QByteArrayView marker, qsizetype pos = 0)
        : m_output(output), m_marker(marker), m_pos(pos)
    {}

    // Finds the version 2 header; false if there is none (yet). The search starts at *from if given,
    // and on false *from is where a search of the same output with more appended can start.
    bool findHeader(QList<QByteArrayView> *words, qsizetype *from = nullptr)
    {
        const QByteArray needle = m_marker.toByteArray() + " BUNDLE ";
        qsizetype at = from ? *from : 0;
        for (;;) {
            const qsizetype found = m_output.indexOf(needle, at);
            if (found < 0) {
                if (from)
                    *from = std::max(at, m_output.size() - needle.size() + 1);
                return false;
            }
            at = found;
            if (at == 0 || m_output.at(at - 1) == '\n')
                break;
            at += needle.size();
        }
        const qsizetype end = m_output.indexOf('\n', at);
        if (end < 0) {
            if (from)
                *from = at; // the header's line, not ended yet
            return false;
        }
        *words = splitWords(m_output.sliced(at + m_marker.size() + 1, end - at - m_marker.size() - 1));
        m_pos = end + 1;
        return true;
    }

    Step next(Frame *frame)
    {
        const qsizetype end = m_output.indexOf('\n', m_pos);
        if (end < 0)
            return m_output.size() - m_pos > 4096 ? Step::Malformed : Step::Incomplete;
        const QByteArrayView line = m_output.sliced(m_pos, end - m_pos);
        if (!line.startsWith(m_marker) || line.size() <= m_marker.size() || line.at(m_marker.size()) != ' ')
            return Step::Malformed;
        frame->words = splitWords(line.sliced(m_marker.size() + 1));
        if (frame->words.isEmpty())
            return Step::Malformed;
        const QByteArrayView kind = frame->words.first();
        if (kind == "DONE") {
            m_pos = end + 1;
            return Step::Done;
        }
        if (kind == "S" && frame->words.size() == 2 && isProbeId(frame->words.at(1))) {
            frame->id = frame->words.at(1);
            m_pos = end + 1;
            return Step::Frame;
        }
        if (kind != "P" || frame->words.size() != 7 || !isProbeId(frame->words.at(1)))
            return Step::Malformed;
        bool ok = false;
        const qint64 length = frame->words.at(6).toLongLong(&ok);
        if (!ok || length < 0)
            return Step::Malformed;
        const qsizetype dataStart = end + 1;
        if (m_output.size() - dataStart < length + 1)
            return Step::Incomplete;
        if (m_output.at(dataStart + length) != '\n')
            return Step::Malformed;
        frame->id = frame->words.at(1);
        frame->data = m_output.sliced(dataStart, length);
        m_pos = dataStart + length + 1;
        return Step::Frame;
    }

    qsizetype position() const { return m_pos; }

private:
    QByteArrayView m_output;
    QByteArrayView m_marker;
    qsizetype m_pos = 0;
};

// stderr of version 2: "MARKER E id" lines start each probe's section; "MARKER E DONE" ends the reply.
QHash<QString, QByteArray> stderrSections(QByteArrayView stderrData, QByteArrayView marker)
{
    QHash<QString, QByteArray> sections;
    const QByteArray prefix = marker.toByteArray() + " E ";
    const QByteArray killPrefix = marker.toByteArray() + " K ";
    QString current;
    bool inSection = false;
    qsizetype pos = 0;
    const QByteArray anyControl = marker.toByteArray() + ' ';
    while (pos < stderrData.size()) {
        qsizetype end = stderrData.indexOf('\n', pos);
        const qsizetype next = end < 0 ? stderrData.size() : end + 1;
        const QByteArrayView line = stderrData.sliced(pos, (end < 0 ? stderrData.size() : end) - pos);
        // A program's last stderr line without its newline: our line follows on the same line (the marker
        // is random, no program prints it). The text before it is that program's.
        if (const qsizetype at = line.indexOf(anyControl); at > 0) {
            if (inSection)
                sections[current] += line.first(at);
            pos += at;
            continue;
        }
        if (line.startsWith(prefix) && line.sliced(prefix.size()) == "DONE")
            break;
        if (line.startsWith(killPrefix)) { // watch mode's pid line: ours, not the probe's
            pos = next;
            continue;
        }
        if (line.startsWith(prefix) && isProbeId(line.sliced(prefix.size()))) {
            const QByteArrayView id = line.sliced(prefix.size());
            current = QString::fromLatin1(id);
            sections[current]; // present, even when empty: the probe started
            inSection = true;
        } else if (inSection) {
            sections[current] += stderrData.sliced(pos, next - pos);
        }
        pos = next;
    }
    return sections;
}

bool decodeFrameData(QByteArrayView encoding, QByteArrayView data, QByteArray *out)
{
    if (encoding == "e") {
        *out = data.toByteArray();
    } else if (encoding == "t") {
        // The shell dropped the trailing newlines: text output ends with one (one allocation, no regrowth).
        out->clear();
        if (!data.isEmpty()) {
            out->reserve(data.size() + 1);
            out->append(data).append('\n');
        }
    } else if (encoding == "b64") {
        return decodeBase64(data, out);
    } else if (encoding == "hex") {
        // od's output: pairs of digits with blanks and newlines between them
        QByteArray digits;
        digits.reserve(data.size());
        for (char c : data) {
            if (c != ' ' && c != '\n')
                digits.append(c);
        }
        return decodeHex(digits, out);
    } else {
        return false;
    }
    return true;
}

bool looksLikeNoPermission(QByteArrayView text)
{
    return text.contains("ermission denied") || text.contains("Operation not permitted") ||
           text.contains("a password is required");
}

BundleParseResult parseVersion2(FrameReader &reader, const QList<QByteArrayView> &header,
                                QByteArrayView stderrData, QByteArrayView marker)
{
    BundleParseResult result;
    result.version = 2;
    result.encoding = QStringLiteral("raw");
    result.ranWithSudo = header.size() >= 4 && header.at(3) == "1";
    result.refresh = header.size() >= 5 && header.at(4) == "refresh";
    const QHash<QString, QByteArray> errors = stderrSections(stderrData, marker);
    auto error = [&](const QString &message) { result.errors.append(ParseError{0, 0, message}); };

    Frame frame;
    for (;;) {
        const Step step = reader.next(&frame);
        if (step == Step::Done) {
            result.complete = true;
            break;
        }
        if (step == Step::Incomplete)
            break;
        if (step == Step::Malformed) {
            error(CoreTr::tr("Unreadable frame at byte %1 of the bundle output.").arg(reader.position()));
            break;
        }
        const QString id = QString::fromLatin1(frame.id);
        if (result.capture.probes.contains(id) || result.unchanged.contains(id))
            error(CoreTr::tr("Probe %1 appears twice; the last one is kept.").arg(id));
        if (frame.words.first() == "S") {
            result.unchanged.append(id);
            ProbeOutput placeholder;
            placeholder.errorOutput = CoreTr::tr("The host reported this probe unchanged.").toUtf8();
            result.capture.probes.insert(id, placeholder);
            continue;
        }
        result.unchanged.removeAll(id);
        ProbeOutput probe;
        bool exitOk = false;
        bool durationOk = false;
        bool statusOk = false;
        probe.exitCode = frame.words.at(2).toInt(&exitOk);
        probe.durationMs = frame.words.at(3).toLongLong(&durationOk);
        probe.status = probeStatusFromName(QString::fromLatin1(frame.words.at(4)), &statusOk);
        probe.errorOutput = errors.value(id);
        if (!exitOk || !durationOk || !statusOk || probe.status == ProbeStatus::NotCollected) {
            error(CoreTr::tr("Probe %1: unreadable frame header.").arg(id));
            probe = ProbeOutput{};
            probe.status = ProbeStatus::Failed;
        } else if (!decodeFrameData(frame.words.at(5), frame.data, &probe.output)) {
            error(CoreTr::tr("The data of probe %1 is not validly encoded.").arg(id));
            probe.output.clear();
            probe.status = ProbeStatus::Failed;
        }
        if (probe.status == ProbeStatus::Failed && looksLikeNoPermission(probe.errorOutput))
            probe.status = ProbeStatus::NoPermission;
        if (probe.output.size() > bundleProbeOutputCap) {
            probe.output.truncate(bundleProbeOutputCap);
            probe.truncated = true;
        }
        result.capture.probes.insert(id, probe);
    }
    if (!result.complete) {
        // The probe that was running when the stream ended announced itself on stderr.
        for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
            if (result.capture.probes.contains(it.key()) || !ProbeId::all().contains(it.key()))
                continue;
            ProbeOutput cut;
            cut.status = ProbeStatus::Failed;
            cut.truncated = true;
            cut.errorOutput = it.value() + CoreTr::tr("The output ended inside this probe.").toUtf8();
            result.capture.probes.insert(it.key(), cut);
        }
        if (result.errors.isEmpty())
            error(CoreTr::tr("The output ended before the bundle's DONE line."));
    }
    return result;
}

} // namespace

BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView marker)
{
    return parseBundleOutput(output, {}, marker);
}

BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView stderrData, QByteArrayView marker)
{
    if (marker.size() >= 32 && isHex(marker)) {
        FrameReader reader(output, marker);
        QList<QByteArrayView> header;
        if (reader.findHeader(&header) && header.size() >= 2 && header.at(1) == "2") {
            BundleParseResult result = parseVersion2(reader, header, stderrData, marker);
            fillNotCollected(&result);
            return result;
        }
    }
    return Parser(output, marker).run();
}

QStringList missingProbes(const RawCapture &capture)
{
    QStringList missing;
    for (const QString &id : ProbeId::all()) {
        const auto it = capture.probes.constFind(id);
        if (it == capture.probes.cend() || it->status == ProbeStatus::NotCollected)
            missing.append(id);
    }
    return missing;
}

bool bundleReplyComplete(QByteArrayView output, QByteArrayView stderrData, QByteArrayView marker)
{
    return BundleReplyScan(marker.toByteArray()).complete(output, stderrData);
}

BundleReplyScan::BundleReplyScan(QByteArray marker)
    : m_marker(std::move(marker)), m_stderrDone(m_marker + " E DONE\n")
{}

bool BundleReplyScan::complete(QByteArrayView output, QByteArrayView stderrData)
{
    if (output.size() < m_outSize || stderrData.size() < m_errSize)
        *this = BundleReplyScan(std::move(m_marker)); // not the reply of the last call: from the start
    m_outSize = output.size();
    m_errSize = stderrData.size();
    // anywhere: after a program's stderr that did not end its last line too (the marker is random)
    if (!m_stderrComplete) {
        m_stderrComplete = stderrData.indexOf(m_stderrDone, m_stderrFrom) >= 0;
        m_stderrFrom = std::max<qsizetype>(0, stderrData.size() - m_stderrDone.size() + 1);
    }
    if (m_stdout == Stdout::NoHeader) {
        FrameReader reader(output, m_marker);
        QList<QByteArrayView> header;
        if (!reader.findHeader(&header, &m_outFrom))
            return output.size() > (1 << 20); // a megabyte of something else: not a bundle
        m_stdout = header.size() >= 2 && header.at(1) == "1" ? Stdout::Version1 : Stdout::Frames;
        m_outFrom = reader.position();
    }
    if (m_stdout == Stdout::Version1)
        return m_stderrComplete && output.endsWith('\n' + m_marker + " DONE\n");
    if (m_stdout == Stdout::Frames) {
        // Frames are only ever taken whole, so the walk goes on from the last one's end.
        FrameReader reader(output, m_marker, m_outFrom);
        Frame frame;
        for (Step step = reader.next(&frame); m_stdout == Stdout::Frames; step = reader.next(&frame)) {
            switch (step) {
            case Step::Frame:
                m_outFrom = reader.position();
                break;
            case Step::Done:
                m_stdout = Stdout::Done;
                break;
            case Step::Incomplete:
                return false;
            case Step::Malformed:
                m_stdout = Stdout::Malformed;
                break;
            }
        }
    }
    return m_stdout == Stdout::Malformed || m_stderrComplete;
}

void BundleWatch::feedStderr(QByteArrayView chunk, qint64 nowMs)
{
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        const qsizetype end = chunk.indexOf('\n', pos);
        if (end < 0) {
            // a line longer than any of ours is probe text: keep only what could still be a control line
            if (m_partial.size() < 256)
                m_partial.append(chunk.sliced(pos, std::min<qsizetype>(chunk.size() - pos, 256)));
            return;
        }
        if (m_partial.isEmpty()) {
            line(chunk.sliced(pos, end - pos), nowMs);
        } else {
            m_partial.append(chunk.sliced(pos, end - pos));
            line(m_partial, nowMs);
            m_partial.clear();
        }
        pos = end + 1;
    }
}

void BundleWatch::line(QByteArrayView text, qint64 nowMs)
{
    const bool wasExpectingK = std::exchange(m_expectK, false);
    // our line may follow a program's last stderr text that had no newline (the marker is random)
    if (const qsizetype at = text.indexOf(m_marker); at > 0)
        text = text.sliced(at);
    if (text.size() <= m_marker.size() + 3 || !text.startsWith(m_marker) || text.at(m_marker.size()) != ' ')
        return;
    const QByteArrayView rest = text.sliced(m_marker.size() + 1);
    if (rest.startsWith("E ")) {
        const QByteArrayView id = rest.sliced(2);
        m_probe = id == "DONE" ? QString() : QString::fromLatin1(id);
        m_pid.clear();
        m_expectK = !m_probe.isEmpty();
    } else if (rest.startsWith("K ") && wasExpectingK) {
        const QList<QByteArray> words = rest.sliced(2).toByteArray().split(' ');
        bool pidOk = false;
        bool secondsOk = false;
        const qint64 pid = words.size() == 2 ? words[0].toLongLong(&pidOk) : 0;
        const qint64 seconds = words.size() == 2 ? words[1].toLongLong(&secondsOk) : 0;
        // digits only (the kill command is built from them), no group or init, a sane time
        if (pidOk && secondsOk && pid > 1 && words[0] == QByteArray::number(pid) && seconds > 0 &&
            seconds <= 3600) {
            m_pid = words[0];
            m_deadline = nowMs + seconds * 1000 + m_graceMs;
        }
    }
}

QByteArray BundleWatch::overdue(qint64 nowMs)
{
    if (m_pid.isEmpty() || nowMs < m_deadline)
        return QByteArray();
    m_killed.append(m_probe);
    return std::exchange(m_pid, QByteArray());
}

void markWatchTimeouts(BundleParseResult *result, const QStringList &killed)
{
    for (const QString &id : killed) {
        const auto it = result->capture.probes.find(id);
        if (it == result->capture.probes.end() || it->status == ProbeStatus::Ok)
            continue; // it ended by itself just before the kill
        it->status = ProbeStatus::Timeout;
        it->errorOutput += CoreTr::tr("Stopped by Layerwatch: the probe's time was up.").toUtf8() + '\n';
    }
}

} // namespace lw
