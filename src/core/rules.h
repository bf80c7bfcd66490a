#pragma once

#include "finding.h"
#include "hostsnapshot.h"

#include <QString>
#include <QStringList>

namespace lw {

struct AnalysisOptions
{
    // Free space of the filesystem holding the docker root is low below either threshold.
    double lowSpaceFreeRatio = 0.10;
    qint64 lowSpaceFreeBytes = qint64(5) * 1024 * 1024 * 1024;
    // Below this free ratio low space is critical instead of a warning.
    double criticalSpaceFreeRatio = 0.02;
};

// Runs every rule on one host. Rules whose input is missing report Unknown, never Passed.
Analysis analyze(const HostSnapshot &snapshot, const AnalysisOptions &opts = {});

// Every rule's finding ID, in rule order (the order of Analysis::checks).
QStringList ruleIds();

// Translated title of a finding ID (empty for an unknown ID).
QString findingTitle(const QString &findingId);

} // namespace lw
