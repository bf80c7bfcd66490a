#include "finding.h"

#include "coretr.h"

#include <algorithm>

namespace lw {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("info");
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Critical}) {
        if (name.compare(severityName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QString severityDisplayName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return CoreTr::tr("Info");
    case Severity::Warning:
        return CoreTr::tr("Warning");
    case Severity::Critical:
        return CoreTr::tr("Critical");
    }
    return QString();
}

QString ruleStateName(RuleState state)
{
    switch (state) {
    case RuleState::Passed:
        return QStringLiteral("passed");
    case RuleState::Failed:
        return QStringLiteral("failed");
    case RuleState::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

std::optional<Severity> Analysis::worstSeverity() const
{
    std::optional<Severity> worst;
    for (const Finding &f : findings) {
        if (!worst || int(f.severity) > int(*worst))
            worst = f.severity;
    }
    return worst;
}

int Analysis::unknownCount() const
{
    return int(std::count_if(checks.cbegin(), checks.cend(),
                             [](const RuleCheck &c) { return c.state == RuleState::Unknown; }));
}

} // namespace lw

namespace lw {

QString FindingContainer::label() const
{
    if (removed)
        return CoreTr::tr("removed container (layer %1)").arg(layerId.left(12));
    if (id.isEmpty())
        return CoreTr::tr("unknown container (layer %1)").arg(layerId.left(12));
    return CoreTr::tr("%1 (%2, restart %3)").arg(name.isEmpty() ? id.left(12) : name, state, restartPolicy);
}

} // namespace lw
