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

KernelConfig parseKernelConfig(QByteArrayView text)
{
    KernelConfig config;
    static const QRegularExpression notSet(u"^#\\s*(CONFIG_\\w+) is not set\\s*$"_s);
    static const QRegularExpression assignment(u"^(CONFIG_\\w+)=(.*)$"_s);
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        ++config.lineCount;
        if (const QRegularExpressionMatch match = assignment.match(line); match.hasMatch()) {
            config.values.insert(match.captured(1), match.captured(2));
        } else if (const QRegularExpressionMatch match = notSet.match(line); match.hasMatch()) {
            config.values.remove(match.captured(1)); // a later line wins, as in Kconfig
        }
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
