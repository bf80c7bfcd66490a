#include "mountinfo.h"

#include "coretr.h"

#include <QHash>

#include <array>

namespace lw {

namespace {

constexpr int kMaxFields = 64; // a sane record has 10 + a handful of optional fields

bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}

// Kernel lines are bytes; fields are UTF-8 by convention but not guaranteed (QString replaces invalid
// sequences, rawLine keeps the original bytes' best rendering).
QString fieldToString(QByteArrayView field)
{
    return QString::fromUtf8(field.data(), field.size());
}

// A field decoded; its bytes also go to *invalidUtf8 where they are not valid UTF-8 (df prints them as
// they are; a path sent to the host must be them).
QString decodePathField(QByteArrayView field, QByteArray *invalidUtf8)
{
    QByteArray decoded;
    if (field.contains('\\')) {
        decoded = decodeMountEscapeBytes(field);
        field = decoded;
    }
    if (!field.isValidUtf8())
        *invalidUtf8 = field.toByteArray();
    return fieldToString(field);
}

bool parseNonNegativeInt(QByteArrayView s, qint64 limit, qint64 *out)
{
    if (s.isEmpty() || s.size() > 10)
        return false;
    qint64 value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    if (value > limit)
        return false;
    *out = value;
    return true;
}

bool parseMajorMinor(QByteArrayView s, quint32 *major, quint32 *minor)
{
    const qsizetype colon = s.indexOf(':');
    if (colon < 0)
        return false;
    qint64 maj = 0;
    qint64 min = 0;
    if (!parseNonNegativeInt(s.first(colon), 0xffffffffLL, &maj) ||
        !parseNonNegativeInt(s.sliced(colon + 1), 0xffffffffLL, &min))
        return false;
    *major = quint32(maj);
    *minor = quint32(min);
    return true;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Splits at single spaces, exactly as the kernel writes them (an empty source shows as two spaces).
// Returns the number of fields, or -1 when there are more than kMaxFields.
int splitFields(QByteArrayView line, std::array<QByteArrayView, kMaxFields> &fields)
{
    int count = 0;
    qsizetype start = 0;
    const char *data = line.data();
    const qsizetype size = line.size();
    for (qsizetype i = 0; i <= size; ++i) {
        if (i == size || data[i] == ' ') {
            if (count == kMaxFields)
                return -1;
            fields[count++] = QByteArrayView(data + start, i - start);
            start = i + 1;
        }
    }
    return count;
}

ParseError lineError(int line, int column, const QString &message)
{
    ParseError e;
    e.line = line;
    e.column = column;
    e.message = message;
    return e;
}

// Column (1-based) of field index `field` in line.
int columnOf(QByteArrayView line, const QByteArrayView &field)
{
    return int(field.data() - line.data()) + 1;
}

// Field texts that repeat from line to line (roots, mount options, file system types, short super options):
// each decoded once per table and shared (a copy of a QString is a reference, not an allocation). Keyed by
// views into the text being parsed, which outlives the parse. Long fields (an overlay's super options with
// its layers) rarely repeat and are decoded as they come.
class RepeatedFields
{
public:
    QString decoded(QByteArrayView field)
    {
        if (field.size() > kLongest)
            return decodeMountEscapes(field);
        const auto it = m_seen.constFind(field);
        if (it != m_seen.cend())
            return *it;
        const QString text = decodeMountEscapes(field);
        if (m_seen.size() < kMostKept) // past that (a huge table of unique options) it only costs time
            m_seen.insert(field, text);
        return text;
    }

private:
    static constexpr qsizetype kLongest = 96;
    static constexpr qsizetype kMostKept = 256;
    QHash<QByteArrayView, QString> m_seen;
};

bool parseLine(QByteArrayView line, int lineNo, MountEntry *entry, ParseError *error,
               RepeatedFields &repeated)
{
    std::array<QByteArrayView, kMaxFields> f;
    const int n = splitFields(line, f);
    if (n < 0) {
        *error = lineError(lineNo, 0, CoreTr::tr("mountinfo line %1: too many fields").arg(lineNo));
        return false;
    }
    // The separator comes after the six fixed fields and any optional fields. Optional fields are
    // "tag[:value]" and never a lone "-", so the first lone "-" from field 7 on is the separator.
    int sep = -1;
    for (int i = 6; i < n; ++i) {
        if (f[i] == "-") {
            sep = i;
            break;
        }
    }
    if (n < 6) {
        *error = lineError(
            lineNo, 0,
            CoreTr::tr("mountinfo line %1: too few fields (%2, at least 10 expected)").arg(lineNo).arg(n));
        return false;
    }
    if (sep < 0) {
        *error =
            lineError(lineNo, 0, CoreTr::tr("mountinfo line %1: missing the \" - \" separator").arg(lineNo));
        return false;
    }
    if (n - sep - 1 < 3) {
        *error = lineError(lineNo, 0,
                           CoreTr::tr("mountinfo line %1: too few fields after the separator "
                                      "(fs type, source and super options expected)")
                               .arg(lineNo));
        return false;
    }
    if (n - sep - 1 > 3) {
        *error =
            lineError(lineNo, columnOf(line, f[sep + 4]),
                      CoreTr::tr("mountinfo line %1: unexpected field after the super options").arg(lineNo));
        return false;
    }
    qint64 id = 0;
    qint64 parent = 0;
    if (!parseNonNegativeInt(f[0], 0x7fffffffLL, &id)) {
        *error = lineError(lineNo, 1, CoreTr::tr("mountinfo line %1: mount ID is not a number").arg(lineNo));
        return false;
    }
    if (!parseNonNegativeInt(f[1], 0x7fffffffLL, &parent)) {
        *error = lineError(lineNo, columnOf(line, f[1]),
                           CoreTr::tr("mountinfo line %1: parent ID is not a number").arg(lineNo));
        return false;
    }
    if (!parseMajorMinor(f[2], &entry->major, &entry->minor)) {
        *error = lineError(lineNo, columnOf(line, f[2]),
                           CoreTr::tr("mountinfo line %1: bad major:minor device number").arg(lineNo));
        return false;
    }
    if (f[4].isEmpty()) {
        *error = lineError(lineNo, columnOf(line, f[4]),
                           CoreTr::tr("mountinfo line %1: empty mount point").arg(lineNo));
        return false;
    }
    if (f[sep + 1].isEmpty()) {
        *error = lineError(lineNo, columnOf(line, f[sep + 1]),
                           CoreTr::tr("mountinfo line %1: empty file system type").arg(lineNo));
        return false;
    }
    entry->id = int(id);
    entry->parentId = int(parent);
    entry->root = repeated.decoded(f[3]);
    entry->mountPoint = decodePathField(f[4], &entry->invalidUtf8MountPoint);
    entry->mountOptions = repeated.decoded(f[5]);
    entry->optionalFields.reserve(sep - 6);
    for (int i = 6; i < sep; ++i) {
        if (!f[i].isEmpty())
            entry->optionalFields.append(decodeMountEscapes(f[i])); // "shared:N" and such: seldom repeated
    }
    entry->fsType = repeated.decoded(f[sep + 1]);
    entry->source = decodePathField(f[sep + 2], &entry->invalidUtf8Source);
    entry->superOptions = repeated.decoded(f[sep + 3]);
    entry->line = lineNo;
    entry->rawLine = fieldToString(line);
    return true;
}

} // namespace

QByteArray decodeMountEscapeBytes(QByteArrayView field)
{
    const qsizetype backslash = field.indexOf('\\');
    if (backslash < 0)
        return field.toByteArray();
    QByteArray out;
    out.reserve(field.size());
    out.append(field.data(), backslash);
    const char *d = field.data();
    const qsizetype size = field.size();
    for (qsizetype i = backslash; i < size; ++i) {
        const char c = d[i];
        // \ooo with a value <= 0377; anything else (\x, \8, \400, a trailing \) is kept literally.
        if (c == '\\' && i + 3 < size && d[i + 1] >= '0' && d[i + 1] <= '3' && isOctal(d[i + 2]) &&
            isOctal(d[i + 3])) {
            out.append(char(((d[i + 1] - '0') << 6) | ((d[i + 2] - '0') << 3) | (d[i + 3] - '0')));
            i += 3;
            continue;
        }
        out.append(c);
    }
    return out;
}

QString decodeMountEscapes(QByteArrayView field)
{
    if (field.indexOf('\\') < 0)
        return fieldToString(field);
    return fieldToString(decodeMountEscapeBytes(field));
}

MountInfo parseMountInfo(QByteArrayView text)
{
    MountInfo result;
    const char *data = text.data();
    const qsizetype size = text.size();
    // Reserve exactly: entries are large and lines vary from 80 to over 1000 bytes (overlay options).
    qsizetype lines = 1;
    for (const char *p = data;
         size > 0 && (p = static_cast<const char *>(memchr(p, '\n', size_t(data + size - p)))); ++p)
        ++lines;
    result.mounts.reserve(lines);
    qsizetype pos = 0;
    int lineNo = 0;
    RepeatedFields repeated;
    while (pos < size) {
        const void *nl = memchr(data + pos, '\n', size_t(size - pos));
        const qsizetype end = nl ? static_cast<const char *>(nl) - data : size;
        ++lineNo;
        qsizetype b = pos;
        qsizetype e = end;
        while (b < e && isBlank(data[b]))
            ++b;
        while (e > b && isBlank(data[e - 1]))
            --e;
        pos = end + 1;
        if (b == e)
            continue;
        MountEntry entry;
        ParseError error;
        if (parseLine(QByteArrayView(data + b, e - b), lineNo, &entry, &error, repeated))
            result.mounts.append(std::move(entry));
        else
            result.errors.append(std::move(error));
    }
    return result;
}

namespace {

// Mount option names are lower-case words ("index", "redirect_dir", "nouserxattr"); a piece that does not
// look like one is the rest of a path that contained a comma.
bool looksLikeOptionName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

// Removes the backslash of "\," and "\:" (escaped separators); other backslashes are kept.
QString unescapeSeparators(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size() && (s[i + 1] == u',' || s[i + 1] == u':')) {
            out.append(s[i + 1]);
            ++i;
            continue;
        }
        out.append(s[i]);
    }
    return out;
}

// Splits at unescaped `sep`; the escapes stay in the parts.
QList<QStringView> splitUnescaped(QStringView s, QChar sep)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size()) {
            ++i;
            continue;
        }
        if (s[i] == sep) {
            parts.append(s.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(s.mid(start));
    return parts;
}

} // namespace

OverlayOptions parseOverlayOptions(const QString &superOptions)
{
    // Options split at unescaped commas. The kernel shows a comma inside a path as \054, which the
    // mountinfo decoder has already turned into a plain comma; so a piece that does not look like an
    // option name continues the previous path value instead of starting a new option.
    QList<QString> options;
    bool lastIsPath = false;
    for (QStringView piece : splitUnescaped(superOptions, u',')) {
        const qsizetype eq = piece.indexOf(u'=');
        const QStringView name = eq < 0 ? piece : piece.first(eq);
        if (lastIsPath && !looksLikeOptionName(name)) {
            options.last().append(u"\\,");
            options.last().append(piece);
            continue;
        }
        options.append(piece.toString());
        lastIsPath = name == u"lowerdir" || name == u"upperdir" || name == u"workdir" || name == u"datadir";
    }

    OverlayOptions result;
    for (const QString &option : options) {
        const QStringView o(option);
        if (o.startsWith(u"lowerdir=")) {
            for (QStringView layer : splitUnescaped(o.sliced(9), u':')) {
                // "::" introduces data-only layers (kernel 6.5+); they are layers all the same.
                if (!layer.isEmpty())
                    result.lowerDirs.append(unescapeSeparators(layer));
            }
        } else if (o.startsWith(u"upperdir=")) {
            result.upperDir = unescapeSeparators(o.sliced(9));
        } else if (o.startsWith(u"workdir=")) {
            result.workDir = unescapeSeparators(o.sliced(8));
        }
    }
    return result;
}

} // namespace lw
