#include "jsonwriter.h"

#include <algorithm>

namespace lw {

namespace {

char hexDigit(uint nibble)
{
    return char(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}

void appendIndent(QByteArray *out, qsizetype depth)
{
    static const char spaces[] = "                                                                ";
    for (qsizetype n = 4 * depth; n > 0; n -= qsizetype(sizeof spaces - 1))
        out->append(spaces, std::min<qsizetype>(n, qsizetype(sizeof spaces - 1)));
}

void appendUnicodeEscape(QByteArray *out, char16_t u)
{
    const char escape[6] = {'\\',
                            'u',
                            hexDigit((u >> 12) & 0xf),
                            hexDigit((u >> 8) & 0xf),
                            hexDigit((u >> 4) & 0xf),
                            hexDigit(u & 0xf)};
    out->append(escape, 6);
}

// UTF-16 code units of a QString, or Latin-1 bytes (which are the first 256 code points) of a key.
template<typename Unit> void escapeUnits(QByteArray *out, const Unit *p, const Unit *const end)
{
    while (p != end) {
        // a run of plain ASCII in one append
        const Unit *run = p;
        while (p != end && *p < 0x80 && *p >= 0x20 && *p != u'"' && *p != u'\\')
            ++p;
        if (p != run) {
            const qsizetype n = p - run;
            const qsizetype at = out->size();
            out->resize(at + n);
            char *dst = out->data() + at;
            for (qsizetype i = 0; i < n; ++i)
                dst[i] = char(run[i]);
            continue;
        }
        const char16_t u = *p++;
        if (u < 0x80) {
            switch (u) {
            case u'"':
                out->append("\\\"", 2);
                break;
            case u'\\':
                out->append("\\\\", 2);
                break;
            case u'\b':
                out->append("\\b", 2);
                break;
            case u'\f':
                out->append("\\f", 2);
                break;
            case u'\n':
                out->append("\\n", 2);
                break;
            case u'\r':
                out->append("\\r", 2);
                break;
            case u'\t':
                out->append("\\t", 2);
                break;
            default:
                appendUnicodeEscape(out, u);
            }
        } else if (u < 0x800) {
            const char bytes[2] = {char(0xc0 | (u >> 6)), char(0x80 | (u & 0x3f))};
            out->append(bytes, 2);
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            const char bytes[4] = {char(0xf0 | (c >> 18)), char(0x80 | ((c >> 12) & 0x3f)),
                                   char(0x80 | ((c >> 6) & 0x3f)), char(0x80 | (c & 0x3f))};
            out->append(bytes, 4);
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(out, u); // a lone half: not UTF-8, so as Qt writes it
        } else {
            const char bytes[3] = {char(0xe0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3f)),
                                   char(0x80 | (u & 0x3f))};
            out->append(bytes, 3);
        }
    }
}

} // namespace

void JsonWriter::appendEscaped(QByteArray *out, QStringView text)
{
    escapeUnits(out, text.utf16(), text.utf16() + text.size());
}

void JsonWriter::newMember()
{
    if (m_counts.last()++ > 0)
        m_out->append(",\n", 2);
    appendIndent(m_out, m_base + m_counts.size());
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) { // an object member: the key wrote the separator and the indent
        m_afterKey = false;
        return;
    }
    if (!m_counts.isEmpty())
        newMember();
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    newMember();
    m_out->append('"');
    const auto *bytes = reinterpret_cast<const uchar *>(name.data());
    escapeUnits(m_out, bytes, bytes + name.size());
    m_out->append("\": ", 3);
    m_afterKey = true;
    return *this;
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out->append(bracket);
    m_out->append('\n');
    m_counts.append(0);
}

void JsonWriter::close(char bracket)
{
    if (m_counts.takeLast() > 0)
        m_out->append('\n');
    appendIndent(m_out, m_base + m_counts.size());
    m_out->append(bracket);
    if (m_counts.isEmpty() && m_base == 0)
        m_out->append('\n');
}

void JsonWriter::beginObject()
{
    open('{');
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray()
{
    open('[');
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::value(const QString &text)
{
    beforeValue();
    m_out->append('"');
    appendEscaped(m_out, text);
    m_out->append('"');
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_out->append(QByteArray::number(number));
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out->append(flag ? "true" : "false");
}

void JsonWriter::null()
{
    beforeValue();
    m_out->append("null", 4);
}

void JsonWriter::stringOrNull(const QString &text)
{
    if (text.isEmpty())
        null();
    else
        value(text);
}

void JsonWriter::intArray(const QList<int> &numbers)
{
    beginArray();
    for (int n : numbers)
        value(n);
    endArray();
}

void JsonWriter::stringArray(const QStringList &texts)
{
    beginArray();
    for (const QString &t : texts)
        value(t);
    endArray();
}

} // namespace lw
