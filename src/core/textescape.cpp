#include "textescape.h"

#include <QChar>

namespace lw {

namespace {

bool needsEscape(char32_t c)
{
    if (c == U'\\')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:       // C0, DEL, C1
    case QChar::Other_Format:        // bidi overrides and isolates, zero-width characters, tags
    case QChar::Separator_Line:      // U+2028
    case QChar::Separator_Paragraph: // U+2029
    case QChar::Other_Surrogate:     // a lone surrogate
    case QChar::Other_NotAssigned:   // nothing to show; may become a control character in a newer Unicode
        return true;
    default:
        return false;
    }
}

void appendEscaped(QString *out, char32_t c)
{
    switch (c) {
    case U'\\':
        out->append(QLatin1String("\\\\"));
        return;
    case U'\n':
        out->append(QLatin1String("\\n"));
        return;
    case U'\r':
        out->append(QLatin1String("\\r"));
        return;
    case U'\t':
        out->append(QLatin1String("\\t"));
        return;
    default:
        break;
    }
    if (c < 0x100)
        out->append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
    else if (c < 0x10000)
        out->append(QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')));
    else
        out->append(QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0')));
}

} // namespace

// The code point at i (a surrogate pair as one) and its width in UTF-16 units.
static char32_t codePointAt(QStringView text, qsizetype i, qsizetype *width)
{
    const QChar ch = text.at(i);
    *width = 1;
    if (ch.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *width = 2;
        return QChar::surrogateToUcs4(ch, text.at(i + 1));
    }
    return ch.unicode();
}

QString escapeControlCharacters(QStringView text)
{
    // Called on every line of live output and every visible cell of a mount table: printable ASCII, by far
    // the most of it, is passed without a category lookup, and unescaped runs are copied whole.
    const auto plainAscii = [](char16_t u) { return u >= 0x20 && u < 0x7f && u != u'\\'; };
    QString out;
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        if (plainAscii(text.at(i).unicode())) {
            ++i;
            continue;
        }
        qsizetype width = 1;
        const char32_t c = codePointAt(text, i, &width);
        if (!needsEscape(c)) {
            i += width;
            continue;
        }
        if (out.isEmpty())
            out.reserve(text.size() + 16);
        out.append(text.mid(runStart, i - runStart));
        appendEscaped(&out, c);
        i += width;
        runStart = i;
    }
    if (runStart == 0)
        return text.toString(); // nothing to escape: one copy
    out.append(text.mid(runStart));
    return out;
}

QStringList escapeControlCharacters(const QStringList &texts)
{
    QStringList out;
    out.reserve(texts.size());
    for (const QString &t : texts)
        out.append(escapeControlCharacters(t));
    return out;
}

QString escapeControlCharactersKeepingLines(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        out += escapeControlCharacters(text.mid(start, end < 0 ? text.size() - start : end - start));
        if (end < 0)
            return out;
        out += QLatin1Char('\n');
        start = end + 1;
    }
}

} // namespace lw
