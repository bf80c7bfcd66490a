#include "probebundle.h"

#include "coretr.h"

#include <QRandomGenerator>

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
    QList<QByteArrayView> words;
    if (!line.terminated || line.text.size() <= m_marker.size() || !line.text.startsWith(m_marker) ||
        line.text.at(m_marker.size()) != ' ') {
        return words;
    }
    const QByteArrayView rest = line.text.sliced(m_marker.size() + 1);
    qsizetype start = 0;
    while (start <= rest.size()) {
        qsizetype space = rest.indexOf(' ', start);
        if (space < 0)
            space = rest.size();
        if (space > start)
            words.append(rest.sliced(start, space - start));
        start = space + 1;
    }
    return words;
}

bool Parser::decode(QByteArrayView text, QByteArray *out) const
{
    if (m_b64) {
        auto decoded =
            QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        *out = std::move(decoded.decoded);
        return true;
    }
    if (text.size() % 2 != 0 || !isHex(text))
        return false;
    *out = QByteArray::fromHex(text.toByteArray());
    return true;
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

    const QByteArray notCollected = m_result.complete
                                        ? CoreTr::tr("The bundle did not run this probe.").toUtf8()
                                        : CoreTr::tr("The bundle output ended before this probe.").toUtf8();
    for (const QString &id : ProbeId::all()) {
        if (!m_result.capture.probes.contains(id)) {
            ProbeOutput missing;
            missing.status = ProbeStatus::NotCollected;
            missing.errorOutput = notCollected;
            m_result.capture.probes.insert(id, missing);
        }
    }
    return std::move(m_result);
}

} // namespace

BundleParseResult parseBundleOutput(QByteArrayView output, QByteArrayView marker)
{
    return Parser(output, marker).run();
}

} // namespace lw
