#include "fleetmodel.h"
#include "textescape.h"

#include "hostfacts.h"
#include "hostproblem.h"
#include "layeranalysis.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace lw::gui {

namespace {

QIcon severityIcon(std::optional<Severity> severity, bool probed)
{
    static const QIcon critical(QStringLiteral(":/icons/critical.png"));
    static const QIcon warning(QStringLiteral(":/icons/warning.png"));
    static const QIcon info(QStringLiteral(":/icons/info.png"));
    static const QIcon ok(QStringLiteral(":/icons/ok.png"));
    static const QIcon unknown(QStringLiteral(":/icons/unknown.png"));
    if (!probed)
        return unknown;
    if (!severity)
        return ok;
    switch (*severity) {
    case Severity::Critical:
        return critical;
    case Severity::Warning:
        return warning;
    case Severity::Info:
        return info;
    }
    return unknown;
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case Severity::Info:
        return QColor(0x15, 0x65, 0xc0);
    }
    return {};
}

QColor severityBackground(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QColor(0xff, 0xeb, 0xee);
    case Severity::Warning:
        return QColor(0xff, 0xf3, 0xe0);
    case Severity::Info:
        return QColor(0xe3, 0xf2, 0xfd);
    }
    return {};
}

QString yesNo(std::optional<bool> value)
{
    if (!value)
        return FleetModel::tr("unknown");
    return *value ? FleetModel::tr("yes") : FleetModel::tr("no");
}

int boolRank(std::optional<bool> value)
{
    return value ? (*value ? 1 : 0) : -1;
}

} // namespace

HostRow makeHostRow(const QString &host, const QStringList &tags, HostStatus status,
                    std::shared_ptr<const HostSnapshot> snapshot, std::shared_ptr<const Analysis> analysis)
{
    HostRow row;
    row.host = host;
    row.tags = tags;
    row.status = status;
    row.snapshot = snapshot;
    row.analysis = analysis;
    if (!snapshot)
        return row;
    const HostSnapshot &s = *snapshot;
    row.lastProbe = s.raw.collectedAt;

    if (s.kernelRelease.isOk() && s.kernelRelease.value.valid) {
        row.kernel = s.kernelRelease.value.text;
        row.kernelSupported = s.kernelRelease.value.supportsOverlay2();
        const KernelRelease &k = s.kernelRelease.value;
        row.kernelKey = qint64(k.major) * 1'000'000'000'000LL + qint64(k.minor) * 1'000'000'000LL +
                        qint64(k.patch) * 1'000'000LL + qMin(k.distroBuild, 999'999);
    }

    // Configured driver: core's one answer (the sources that reach dockerd), as the CLI and the Overview.
    const StorageDriverFacts driver = storageDriverFacts(s);
    for (const DriverSource &src : driver.effective()) {
        if (row.driverConfigured.isEmpty())
            row.driverConfigured = src.driver;
        else if (!row.driverConfigured.split(QLatin1Char('/')).contains(src.driver))
            row.driverConfigured += QLatin1Char('/') + src.driver;
        if (!row.driverSources.contains(src.where()))
            row.driverSources.append(src.where());
    }
    row.driverConfiguredKnown = driver.anyKnown();

    if (s.dockerInfo.isOk() && s.dockerInfo.value.valid) {
        row.driverRunning = s.dockerInfo.value.driver;
        row.backingFs = s.dockerInfo.value.backingFilesystem().value_or(QString());
        row.dType = s.dockerInfo.value.supportsDType();
    }
    if (s.overlayParams.isOk())
        row.redirectDir = s.overlayParams.value.flag(QStringLiteral("redirect_dir"));
    if (s.mounts.isOk())
        row.coveredMounts = int(s.mounts.value.hiddenMounts().size());
    row.containers = summarizeContainers(s);
    const DockerRootDisk disk = dockerRootDisk(s); // as the Overview and the disk tab
    if (disk.filesystem) {
        row.rootSize = disk.filesystem->size;
        row.rootUsed = disk.filesystem->used;
        row.rootAvailable = disk.filesystem->available;
    }
    row.rootCovered = disk.covered;
    if (analysis) {
        row.worstSeverity = analysis->worstSeverity();
        for (const Finding &f : analysis->findings) {
            if (!row.findingIds.contains(f.id))
                row.findingIds.append(f.id);
        }
        if (!analysis->findings.isEmpty())
            row.worstFindingTitle = analysis->findings.constFirst().title;
        row.unknownChecks = analysis->unknownCount();
    }
    return row;
}

FleetModel::FleetModel(QObject *parent) : QAbstractTableModel(parent) {}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetModel::formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return tr("unknown");
    return lw::formatBytes(bytes); // IEC (GiB), as the Overview, the disk tab and the CLI
}

bool FleetModel::isStale(const HostRow &row) const
{
    if (!row.lastProbe.isValid())
        return false;
    return row.fromStore || row.lastProbe.secsTo(QDateTime::currentDateTimeUtc()) > m_staleAfterSecs;
}

void FleetModel::setStaleAfter(qint64 seconds)
{
    m_staleAfterSecs = seconds;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HostRow &r = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case HostRole:
        return r.host;
    case SeverityRole:
        return r.worstSeverity ? int(*r.worstSeverity) : -1;
    case FindingIdsRole:
        return r.findingIds;
    case TagsRole:
        return r.tags;
    case StatusRole:
        return hostStatusName(r.status);
    case StaleRole:
        return isStale(r);
    case UsageRatioRole:
        return r.dockerRootUsedRatio();
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(r, column);
    case SortRole:
        return sortValue(r, column);
    case Qt::DecorationRole:
        return decoration(r, column);
    case Qt::ForegroundRole:
        return foreground(r, column);
    case Qt::BackgroundRole:
        return background(r, column);
    case Qt::FontRole:
        return font(r, column);
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::ToolTipRole:
        return toolTip(r, column);
    default:
        break;
    }
    return {};
}

QVariant FleetModel::displayValue(const HostRow &r, int column) const
{
    switch (Column(column)) {
    case Host:
        return r.host;
    case Tags:
        return r.tags.join(QStringLiteral(", "));
    case Status:
        if (isStale(r) && r.status == HostStatus::Ok)
            return tr("ok (stale)");
        return hostStatusDisplayName(r.status);
    case LastProbe:
        return r.lastProbe.isValid()
                   ? QLocale().toString(r.lastProbe.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    case Kernel:
        return r.probed() ? (r.kernel.isEmpty() ? tr("unknown") : r.kernel) : QString();
    case DriverConfigured:
        if (!r.probed())
            return QString();
        if (!r.driverConfiguredKnown)
            return tr("unknown");
        if (r.driverConfigured.isEmpty())
            return tr("default");
        return tr("%1 (%2)").arg(r.driverConfigured, r.driverSources.join(QStringLiteral(" + ")));
    case DriverRunning:
        return r.probed() ? (r.driverRunning.isEmpty() ? tr("unknown") : r.driverRunning) : QString();
    case BackingFs:
        return r.probed() ? (r.backingFs.isEmpty() ? tr("unknown") : r.backingFs) : QString();
    case DType:
        return r.probed() ? yesNo(r.dType) : QString();
    case RedirectDir:
        return r.probed() ? yesNo(r.redirectDir) : QString();
    case CoveredMounts:
        if (!r.probed())
            return QString();
        return r.coveredMounts < 0 ? tr("unknown") : QString::number(r.coveredMounts);
    case Containers:
        if (!r.probed())
            return QString();
        if (!r.containers.known)
            return tr("unknown");
        if (r.containers.covered > 0)
            return tr("%1 covered: %2")
                .arg(r.containers.covered)
                .arg(r.containers.coveredNames.join(QLatin1String(", ")));
        if (r.containers.unmatchedHidden > 0)
            return tr("%1/%2 running, which covered: unknown")
                .arg(r.containers.running)
                .arg(r.containers.total);
        if (r.containers.leakedMounts > 0)
            return tr("%1/%2 running, %3 leaked")
                .arg(r.containers.running)
                .arg(r.containers.total)
                .arg(r.containers.leakedMounts);
        return tr("%1/%2 running").arg(r.containers.running).arg(r.containers.total);
    case DockerRootUsage:
        if (!r.probed())
            return QString();
        if (r.rootCovered) // what df sees there is the cover's, not docker's
            return tr("covered");
        if (r.rootSize <= 0)
            return tr("unknown");
        return tr("%1 % of %2")
            .arg(QLocale().toString(100.0 * r.dockerRootUsedRatio(), 'f', 0), formatBytes(r.rootSize));
    case WorstFinding:
        if (!r.probed())
            return QString();
        if (!r.worstSeverity)
            return r.unknownChecks > 0 ? tr("none (%n check(s) unknown)", nullptr, r.unknownChecks)
                                       : tr("none");
        if (r.findingIds.size() > 1)
            return tr("%1: %2 (+%3 more)")
                .arg(severityDisplayName(*r.worstSeverity), r.worstFindingTitle)
                .arg(r.findingIds.size() - 1);
        return tr("%1: %2").arg(severityDisplayName(*r.worstSeverity), r.worstFindingTitle);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FleetModel::sortValue(const HostRow &r, int column) const
{
    switch (Column(column)) {
    case Host:
        return r.host;
    case Tags:
        return r.tags.join(QLatin1Char(' '));
    case Status:
        return hostStatusAttention(r.status);
    case LastProbe:
        return r.lastProbe.isValid() ? r.lastProbe.toMSecsSinceEpoch() : qint64(-1);
    case Kernel:
        return r.kernelKey;
    case DriverConfigured:
        return r.driverConfigured;
    case DriverRunning:
        return r.driverRunning;
    case BackingFs:
        return r.backingFs;
    case DType:
        return boolRank(r.dType);
    case RedirectDir:
        return boolRank(r.redirectDir);
    case CoveredMounts:
        return r.coveredMounts;
    case Containers:
        // covered first, then leaked, then the number running; unknown last
        return r.containers.known ? qint64(r.containers.covered) * 1'000'000 +
                                        r.containers.leakedMounts * 1000 + r.containers.running
                                  : qint64(-1);
    case DockerRootUsage:
        return r.rootCovered ? 2.0 : r.dockerRootUsedRatio(); // covered: above any usage
    case WorstFinding:
        return hostUrgency(r.status, r.worstSeverity, r.coveredMounts, int(r.findingIds.size()));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FleetModel::decoration(const HostRow &r, int column) const
{
    if (column == Host) // a failed probe without findings proves nothing: unknown, not healthy
        return severityIcon(r.worstSeverity,
                            r.probed() && (r.worstSeverity || !isFailedHostStatus(r.status)));
    return {};
}

QVariant FleetModel::foreground(const HostRow &r, int column) const
{
    if (isStale(r))
        return QBrush(QColor(0x75, 0x75, 0x75));
    switch (Column(column)) {
    case Status:
        if (isFailedHostStatus(r.status))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Kernel:
        if (r.kernelSupported == false)
            return QBrush(severityColor(Severity::Critical));
        break;
    case DType:
        if (r.dType == false)
            return QBrush(severityColor(Severity::Critical));
        break;
    case RedirectDir:
        if (r.redirectDir == false)
            return QBrush(severityColor(Severity::Warning));
        break;
    case CoveredMounts:
        if (r.coveredMounts > 0)
            return QBrush(severityColor(Severity::Critical));
        break;
    case Containers:
        if (r.containers.covered > 0 || r.containers.unmatchedHidden > 0)
            return QBrush(severityColor(Severity::Critical));
        if (r.containers.leakedMounts > 0)
            return QBrush(severityColor(Severity::Warning));
        break;
    case DockerRootUsage:
        if (r.rootCovered || r.dockerRootUsedRatio() >= 0.9)
            return QBrush(severityColor(Severity::Critical));
        if (r.dockerRootUsedRatio() >= 0.85)
            return QBrush(severityColor(Severity::Warning));
        break;
    case WorstFinding:
        if (r.worstSeverity)
            return QBrush(severityColor(*r.worstSeverity));
        break;
    default:
        break;
    }
    return {};
}

QVariant FleetModel::background(const HostRow &r, int column) const
{
    if (column == WorstFinding && r.worstSeverity && !isStale(r))
        return QBrush(severityBackground(*r.worstSeverity));
    return {};
}

QVariant FleetModel::font(const HostRow &r, int column) const
{
    QFont font;
    bool changed = false;
    if (isStale(r)) {
        font.setItalic(true);
        changed = true;
    }
    if ((column == CoveredMounts && r.coveredMounts > 0) ||
        (column == Containers && r.containers.covered > 0) ||
        (column == Status && r.status == HostStatus::HostKeyChanged)) {
        font.setBold(true);
        changed = true;
    }
    return changed ? QVariant(font) : QVariant();
}

QVariant FleetModel::alignment(int column)
{
    if (column == CoveredMounts || column == DockerRootUsage)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FleetModel::toolTip(const HostRow &r, int column) const
{
    switch (Column(column)) {
    case Host:
    case Status: {
        QString tip = r.host + QLatin1String(": ") + hostStatusDisplayName(r.status);
        if (!r.message.isEmpty())
            tip += QLatin1Char('\n') + lw::escapeControlCharacters(r.message);
        if (isFailedHostStatus(r.status)) // the same explanation as the host's page, shorter
            tip += QLatin1Char('\n') +
                   tr("Likely cause: %1")
                       .arg(explainHostStatus(r.status, r.message, r.probed() && !r.fromStore).cause);
        if (isStale(r))
            tip +=
                QLatin1Char('\n') +
                tr("Stale: last probed %1 ago.")
                    .arg(QLocale().toString(
                             double(r.lastProbe.secsTo(QDateTime::currentDateTimeUtc())) / 3600.0, 'f', 1) +
                         tr(" h"));
        return tip;
    }
    case Kernel:
        if (r.kernelSupported == false)
            return tr("overlay2 needs a native kernel 4.0 or later (or RHEL/CentOS 7 3.10.0-514 or later)");
        return {};
    case DriverConfigured:
        if (r.driverSources.size() > 1)
            return tr("The storage driver is set in more than one place: %1. dockerd refuses to start "
                      "when it is given both as a flag and in daemon.json.")
                .arg(r.driverSources.join(QStringLiteral(", ")));
        return {};
    case CoveredMounts:
        if (r.coveredMounts > 0)
            return tr("%n mount(s) hidden under a later mount: not reachable from the host", nullptr,
                      r.coveredMounts);
        return {};
    case Containers:
        return r.probed() ? containerSummaryText(r.containers) : QString();
    case DockerRootUsage:
        if (r.rootCovered && r.snapshot)
            return tr("A later mount covers the docker root %1: df shows that mount (%2 used of %3), not "
                      "docker's data.")
                .arg(r.snapshot->dockerRoot(), formatBytes(r.rootUsed), formatBytes(r.rootSize));
        if (r.rootSize > 0 && r.snapshot)
            return tr("%1: %2 used, %3 available, %4 total")
                .arg(r.snapshot->dockerRoot(), formatBytes(r.rootUsed), formatBytes(r.rootAvailable),
                     formatBytes(r.rootSize));
        return {};
    case WorstFinding:
        if (r.analysis && !r.analysis->findings.isEmpty()) {
            QStringList lines;
            for (const Finding &f : r.analysis->findings)
                lines.append(
                    QStringLiteral("%1 [%2]: %3").arg(severityDisplayName(f.severity), f.id, f.title));
            if (r.unknownChecks > 0)
                lines.append(
                    tr("%n check(s) could not be decided (missing probe data)", nullptr, r.unknownChecks));
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    default:
        return {};
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Host:
            return tr("Host");
        case Tags:
            return tr("Tags");
        case Status:
            return tr("Status");
        case LastProbe:
            return tr("Last probe");
        case Kernel:
            return tr("Kernel");
        case DriverConfigured:
            return tr("Driver (configured)");
        case DriverRunning:
            return tr("Driver (running)");
        case BackingFs:
            return tr("Backing FS");
        case DType:
            return tr("d_type");
        case RedirectDir:
            return tr("redirect_dir");
        case CoveredMounts:
            return tr("Covered mounts");
        case Containers:
            return tr("Containers");
        case DockerRootUsage:
            return tr("Docker root usage");
        case WorstFinding:
            return tr("Worst finding");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case DriverConfigured:
            return tr(
                "storage-driver as set in daemon.json, dockerd's flags or /etc/sysconfig/docker-storage");
        case DriverRunning:
            return tr("Storage Driver reported by docker info");
        case BackingFs:
            return tr("Filesystem under the docker root (ext4 recommended; xfs only with ftype=1)");
        case DType:
            return tr("Supports d_type, from docker info");
        case RedirectDir:
            return tr("/sys/module/overlay/parameters/redirect_dir");
        case CoveredMounts:
            return tr("Mounts hidden (covered) by a later mount, from /proc/self/mountinfo");
        case Containers:
            return tr(
                "The containers: how many run, which ones a later mount covers, leaked mounts of removed "
                "containers");
        case DockerRootUsage:
            return tr("Usage of the filesystem holding the docker root");
        default:
            return {};
        }
    }
    return {};
}

void FleetModel::emitChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int first = rows.constFirst();
    int last = first;
    for (int i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == last + 1) {
            last = rows.at(i);
            continue;
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        if (i < rows.size())
            first = last = rows.at(i);
    }
}

void FleetModel::upsertRows(const QList<HostRow> &rows)
{
    QList<int> changed;
    QList<HostRow> added;
    QHash<QString, int> addedIndex;
    for (const HostRow &incoming : rows) {
        const int existing = rowOfHost(incoming.host);
        if (existing >= 0) {
            HostRow &target = m_rows[existing];
            QStringList tags = target.tags;
            target = incoming;
            if (target.tags.isEmpty())
                target.tags = tags;
            changed.append(existing);
        } else if (addedIndex.contains(incoming.host)) {
            added[addedIndex.value(incoming.host)] = incoming; // the same host twice in one batch: last wins
        } else {
            addedIndex.insert(incoming.host, int(added.size()));
            added.append(incoming);
        }
    }
    emitChanged(changed);
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (int i = 0; i < added.size(); ++i) {
            m_rowByHost.insert(added.at(i).host, first + i);
            m_rows.append(added.at(i));
        }
        endInsertRows();
    }
}

void FleetModel::addHosts(const QList<QPair<QString, QStringList>> &hosts)
{
    QList<HostRow> rows;
    QList<int> changed;
    for (const auto &[host, tags] : hosts) {
        const int existing = rowOfHost(host);
        if (existing >= 0) {
            if (m_rows[existing].tags != tags) {
                m_rows[existing].tags = tags;
                changed.append(existing);
            }
            continue;
        }
        HostRow row;
        row.host = host;
        row.tags = tags;
        rows.append(row);
    }
    emitChanged(changed);
    upsertRows(rows);
}

void FleetModel::removeHosts(const QStringList &hosts)
{
    QList<int> rows;
    for (const QString &host : hosts) {
        const int r = rowOfHost(host);
        if (r >= 0)
            rows.append(r);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Remove contiguous ranges from the bottom so the earlier row numbers stay valid.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        const int last = rows.at(i);
        int first = last;
        while (i > 0 && rows.at(i - 1) == first - 1) {
            --i;
            first = rows.at(i);
        }
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        --i;
    }
    reindex();
}

void FleetModel::setStatus(const QStringList &hosts, HostStatus status)
{
    QList<int> changed;
    for (const QString &host : hosts) {
        const int r = rowOfHost(host);
        if (r >= 0 && m_rows[r].status != status) {
            m_rows[r].status = status;
            m_rows[r].message.clear();
            changed.append(r);
        }
    }
    emitChanged(changed);
}

void FleetModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowByHost.clear();
    endResetModel();
}

QStringList FleetModel::hosts() const
{
    QStringList result;
    result.reserve(m_rows.size());
    for (const HostRow &r : m_rows)
        result.append(r.host);
    return result;
}

void FleetModel::reindex()
{
    m_rowByHost.clear();
    m_rowByHost.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowByHost.insert(m_rows.at(i).host, i);
}

} // namespace lw::gui
