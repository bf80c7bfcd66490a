#pragma once

// Internal to src/core: what a rule returns and the helpers every rule file uses (rules.cpp,
// containerrules.cpp). Not part of the module's interface.

#include "finding.h"
#include "hostsnapshot.h"

#include <QList>
#include <QString>

namespace lw::rules {

struct RuleResult
{
    RuleCheck check;
    QList<Finding> findings;
};

RuleResult passed(const char *id, const QString &reason);
RuleResult unknown(const char *id, const QString &reason);
RuleResult failed(const char *id, const QString &reason, Finding finding);
Finding makeFinding(const char *id, Severity severity);

// Why a probe cannot be used, for an Unknown reason: names the probe and its status.
QString whyUnusable(const char *probeId, ProbeStatus status, const QList<ParseError> &errors);
template<typename T> QString whyUnusable(const char *probeId, const Probed<T> &probed)
{
    return whyUnusable(probeId, probed.status, probed.errors);
}

// The rules of containerrules.cpp.
RuleResult checkLeakedMounts(const HostSnapshot &s);
RuleResult checkOrphanedLayers(const HostSnapshot &s);
RuleResult checkMountOrdering(const HostSnapshot &s);
// The engine's symptom of a covered layer, for the shadowed-overlay-mounts explanation.
QString coveredLayerSymptom(const HostSnapshot &s, bool coverIsSameFilesystem);

} // namespace lw::rules
