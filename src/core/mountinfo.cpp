#include "mountinfo.h"

#include "coretr.h"

#include <QHash>

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
    // QString::fromUtf8 also drops a leading byte order mark: such bytes do not come back from the QString.
    if (!field.isValidUtf8() || field.startsWith("\xef\xbb\xbf"))
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

// A field of the line: the bytes between single spaces, exactly as the kernel writes them (an empty source
// shows as two spaces, so fields can be empty).
class FieldReader
{
public:
    explicit FieldReader(QByteArrayView line) : m_line(line) {}
    bool atEnd() const { return m_pos > m_line.size(); }
    QByteArrayView next()
    {
        const qsizetype from = m_pos;
        qsizetype end = m_line.indexOf(' ', from);
        if (end < 0)
            end = m_line.size();
        m_pos = end + 1;
        return m_line.sliced(from, end - from);
    }
    // Everything not read yet (empty at the end).
    QByteArrayView rest() const { return atEnd() ? QByteArrayView() : m_line.sliced(m_pos); }

private:
    QByteArrayView m_line;
    qsizetype m_pos = 0;
};

ParseError lineError(int line, int column, const QString &message)
{
    ParseError e;
    e.line = line;
    e.column = column;
    e.message = message;
    return e;
}

// Column (1-based) of field in line.
int columnOf(QByteArrayView line, QByteArrayView field)
{
    return int(field.data() - line.data()) + 1;
}

// The per-mount options field: the kernel always writes "rw" or "ro" first (show_mountinfo()).
bool looksLikeMountOptions(QByteArrayView field)
{
    return (field.startsWith("rw") || field.startsWith("ro")) && (field.size() == 2 || field.at(2) == ',');
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

// The fields of one line located, not decoded. The structure is what util-linux's libmount and moby/sys
// accept: six fixed fields, optional fields up to a lone "-", then the file system type, the source and
// the super options, which are the rest of the line (a cifs unc= of Linux <= 3.9 has unescaped spaces;
// libmount and moby keep only its first word, the bytes are kept here). A mount point written with
// unescaped spaces (no kernel does since mountinfo exists, but some captures have them) ends at the
// mount options field, the first field that starts with "rw" or "ro" as the kernel writes it.
struct LineFields
{
    QByteArrayView id, parent, device, root, mountPoint, mountOptions;
    QList<QByteArrayView> optional;
    QByteArrayView fsType, source, superOptions;
};

bool splitLine(QByteArrayView line, int lineNo, LineFields *out, ParseError *error)
{
    FieldReader reader(line);
    QByteArrayView fixed[6];
    int count = 0;
    while (count < 6 && !reader.atEnd())
        fixed[count++] = reader.next();
    if (count < 6) {
        *error = lineError(lineNo, 0,
                           CoreTr::tr("mountinfo line %1: too few fields (%2, at least 10 expected)")
                               .arg(lineNo)
                               .arg(count));
        return false;
    }
    out->id = fixed[0];
    out->parent = fixed[1];
    out->device = fixed[2];
    out->root = fixed[3];
    out->mountPoint = fixed[4];
    out->mountOptions = fixed[5];
    QList<QByteArrayView> &optional = out->optional;
    bool separated = false;
    while (!reader.atEnd()) {
        const QByteArrayView f = reader.next();
        if (f == "-") {
            separated = true;
            break;
        }
        if (optional.size() == kMaxFields) {
            *error = lineError(lineNo, 0, CoreTr::tr("mountinfo line %1: too many fields").arg(lineNo));
            return false;
        }
        optional.append(f);
    }
    if (!separated) {
        *error =
            lineError(lineNo, 0, CoreTr::tr("mountinfo line %1: missing the \" - \" separator").arg(lineNo));
        return false;
    }
    if (!looksLikeMountOptions(out->mountOptions)) {
        // Unescaped spaces in the mount point: it runs up to the first field that is the mount options.
        for (qsizetype i = 0; i < optional.size(); ++i) {
            if (looksLikeMountOptions(optional.at(i))) {
                const QByteArrayView last = i == 0 ? out->mountOptions : optional.at(i - 1);
                out->mountPoint = line.sliced(out->mountPoint.data() - line.data(),
                                              last.data() + last.size() - out->mountPoint.data());
                out->mountOptions = optional.at(i);
                optional.remove(0, i + 1);
                break;
            }
        }
    }
    out->fsType = reader.atEnd() ? QByteArrayView() : reader.next();
    const bool hasSource = !reader.atEnd();
    out->source = hasSource ? reader.next() : QByteArrayView();
    out->superOptions = reader.rest();
    if (!hasSource || out->superOptions.isEmpty()) {
        *error = lineError(lineNo, 0,
                           CoreTr::tr("mountinfo line %1: too few fields after the separator "
                                      "(fs type, source and super options expected)")
                               .arg(lineNo));
        return false;
    }
    return true;
}

bool parseLine(QByteArrayView line, int lineNo, MountEntry *entry, ParseError *error,
               RepeatedFields &repeated)
{
    LineFields f;
    if (!splitLine(line, lineNo, &f, error))
        return false;
    qint64 id = 0;
    qint64 parent = 0;
    if (!parseNonNegativeInt(f.id, 0x7fffffffLL, &id)) {
        *error = lineError(lineNo, 1, CoreTr::tr("mountinfo line %1: mount ID is not a number").arg(lineNo));
        return false;
    }
    if (!parseNonNegativeInt(f.parent, 0x7fffffffLL, &parent)) {
        *error = lineError(lineNo, columnOf(line, f.parent),
                           CoreTr::tr("mountinfo line %1: parent ID is not a number").arg(lineNo));
        return false;
    }
    if (!parseMajorMinor(f.device, &entry->major, &entry->minor)) {
        *error = lineError(lineNo, columnOf(line, f.device),
                           CoreTr::tr("mountinfo line %1: bad major:minor device number").arg(lineNo));
        return false;
    }
    if (f.mountPoint.isEmpty()) {
        *error = lineError(lineNo, columnOf(line, f.mountPoint),
                           CoreTr::tr("mountinfo line %1: empty mount point").arg(lineNo));
        return false;
    }
    if (f.fsType.isEmpty()) {
        *error = lineError(lineNo, columnOf(line, f.fsType),
                           CoreTr::tr("mountinfo line %1: empty file system type").arg(lineNo));
        return false;
    }
    entry->id = int(id);
    entry->parentId = int(parent);
    entry->root = f.root.contains('\\') || !f.root.isValidUtf8()
                      ? decodePathField(f.root, &entry->invalidUtf8Root)
                      : repeated.decoded(f.root);
    entry->mountPoint = decodePathField(f.mountPoint, &entry->invalidUtf8MountPoint);
    entry->mountOptions = repeated.decoded(f.mountOptions);
    entry->optionalFields.reserve(f.optional.size());
    for (QByteArrayView o : std::as_const(f.optional)) {
        if (!o.isEmpty())
            entry->optionalFields.append(decodeMountEscapes(o)); // "shared:N" and such: seldom repeated
    }
    entry->fsType = repeated.decoded(f.fsType);
    entry->source = decodePathField(f.source, &entry->invalidUtf8Source);
    entry->superOptions = repeated.decoded(f.superOptions);
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
