#include "kernel.h"

#include "coretr.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lw {

bool KernelRelease::isAtLeast(int maj, int min, int pat) const
{
    if (major != maj)
        return major > maj;
    if (minor != min)
        return minor > min;
    return patch >= pat;
}

bool KernelRelease::supportsOverlay2() const
{
    if (!valid)
        return false;
    if (isAtLeast(4, 0))
        return true;
    // Red Hat backported overlayfs with d_type/multiple lower dirs to RHEL 7.4 (3.10.0-514 and later builds).
    return isRhel7 && major == 3 && minor == 10 && patch == 0 && distroBuild >= 514;
}

KernelRelease parseKernelRelease(QByteArrayView text)
{
    KernelRelease release;
    release.text = QString::fromUtf8(text).trimmed();
    // major.minor[.patch], then an optional local version that starts with '-', '+', '.' or '_'.
    static const QRegularExpression pattern(u"^(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?([-+._]\\S*)?$"_s);
    const QRegularExpressionMatch match = pattern.match(release.text);
    if (!match.hasMatch())
        return release;
    release.major = match.captured(1).toInt();
    release.minor = match.captured(2).toInt();
    release.patch = match.captured(3).toInt(); // 0 when absent ("4.4")
    const QString local = match.captured(4);
    static const QRegularExpression build(u"^-(\\d{1,9})"_s);
    const QRegularExpressionMatch buildMatch = build.match(local);
    if (buildMatch.hasMatch())
        release.distroBuild = buildMatch.captured(1).toInt();
    static const QRegularExpression el7(u"\\.el7(?:[._]|$)"_s);
    release.isRhel7 = el7.match(local).hasMatch();
    release.valid = true;
    return release;
}

KernelOption KernelConfig::option(const QString &name) const
{
    const QString key = name.startsWith(u"CONFIG_"_s) ? name : u"CONFIG_"_s + name;
    const auto it = values.constFind(key);
    if (it == values.constEnd() || *it == u"n"_s)
        return KernelOption::Unset;
    if (*it == u"m"_s)
        return KernelOption::Module;
    // "y", and also string or number options, which are simply set.
    return KernelOption::BuiltIn;
}

namespace {

bool isAsciiWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isAsciiSpaceByte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// The length of "CONFIG_" and the word characters after it at the start of line (at least one), else 0.
qsizetype configNameLength(QByteArrayView line)
{
    if (!line.startsWith("CONFIG_"))
        return 0;
    qsizetype end = 7;
    while (end < line.size() && isAsciiWordByte(line.at(end)))
        ++end;
    return end > 7 ? end : 0;
}

} // namespace

KernelConfig parseKernelConfig(QByteArrayView text)
{
    // Byte by byte, no regular expressions: a distribution's config is 100-250 KB (7000+ lines), read on
    // every first probe of every host; the two regular expressions per line this replaces took ~1.8 ms for
    // 100 KB. Lines are the non-blank ones after trimming (QString::trimmed, as before: a line with other
    // than ASCII at an end goes that way), "CONFIG_X=value" sets, "# CONFIG_X is not set" unsets (a later
    // line wins, as in Kconfig).
    KernelConfig config;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(pos, end - pos).trimmed();
        pos = end + 1;
        QByteArray reencoded;
        if (!line.isEmpty() && (uchar(line.front()) >= 0x80 || uchar(line.back()) >= 0x80)) {
            reencoded = QString::fromUtf8(line).trimmed().toUtf8(); // Unicode spaces at an end
            line = reencoded;
        }
        if (line.isEmpty())
            continue;
        ++config.lineCount;
        if (const qsizetype name = configNameLength(line); name > 0) {
            if (name < line.size() && line.at(name) == '=') {
                config.values.insert(QString::fromLatin1(line.first(name)),
                                     QString::fromUtf8(line.sliced(name + 1)));
            }
            continue;
        }
        if (line.front() != '#')
            continue;
        qsizetype at = 1;
        while (at < line.size() && isAsciiSpaceByte(line.at(at)))
            ++at;
        const QByteArrayView rest = line.sliced(at);
        if (const qsizetype name = configNameLength(rest); name > 0 && rest.sliced(name) == " is not set")
            config.values.remove(QString::fromLatin1(rest.first(name)));
    }
    return config;
}

std::optional<bool> OverlayParams::flag(const QString &name) const
{
    const auto it = values.constFind(name);
    if (it == values.constEnd())
        return std::nullopt;
    const QString value = it->trimmed().toLower();
    if (value == u"y"_s || value == u"1"_s || value == u"on"_s)
        return true;
    if (value == u"n"_s || value == u"0"_s || value == u"off"_s)
        return false;
    return std::nullopt;
}

OverlayParams parseOverlayParams(QByteArrayView text)
{
    OverlayParams params;
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(u'=');
        // Also accept "grep -r . /sys/module/overlay/parameters" style names: keep the last path component.
        const QString name = eq < 0 ? QString() : line.left(eq).trimmed().section(u'/', -1);
        if (name.isEmpty()) {
            params.errors.append(
                {int(i) + 1, 0,
                 CoreTr::tr("Line %1: expected name=value, found \"%2\"").arg(i + 1).arg(line.left(200))});
            continue;
        }
        params.values.insert(name, line.mid(eq + 1).trimmed());
    }
    return params;
}

} // namespace lw
