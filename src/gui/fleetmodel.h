#pragma once

#include "finding.h"
#include "hostsnapshot.h"
#include "hoststatus.h"
#include "layeranalysis.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace lw::gui {

// One host of the fleet as the table shows it: the inventory entry, the last probe's outcome, and the
// facts the columns show, computed once when the result arrives (data() never parses anything).
struct HostRow
{
    QString host;
    QStringList tags;
    HostStatus status = HostStatus::NotProbed;
    QString message; // why a probe failed; translated
    QDateTime lastProbe;
    bool fromStore = false; // loaded from the snapshot store at start-up, not probed in this session

    std::shared_ptr<const HostSnapshot> snapshot; // null until probed
    std::shared_ptr<const Analysis> analysis;

    QString kernel;
    std::optional<bool> kernelSupported;
    qint64 kernelKey = -1;     // version as one sortable number; -1 unknown
    QString driverConfigured;  // "overlay2", "" when not configured anywhere
    QStringList driverSources; // "daemon.json", "dockerd flag", "docker-storage"
    bool driverConfiguredKnown = false;
    QString driverRunning; // empty when unknown
    QString backingFs;     // empty when unknown
    std::optional<bool> dType;
    std::optional<bool> redirectDir;
    int coveredMounts = -1;      // hidden mounts; -1 unknown
    ContainerSummary containers; // core's summary (summarizeContainers)
    qint64 rootSize = -1;        // filesystem of the docker root; -1 unknown
    qint64 rootUsed = -1;
    qint64 rootAvailable = -1;
    bool rootCovered = false; // a later mount covers the docker root: the usage above is not docker's
    std::optional<Severity> worstSeverity;
    QStringList findingIds;
    QString worstFindingTitle;
    int unknownChecks = 0;

    double dockerRootUsedRatio() const { return rootSize > 0 ? double(rootUsed) / double(rootSize) : -1.0; }
    bool probed() const { return snapshot != nullptr; }
};

// Builds a row with every column's value from a parsed snapshot and its analysis.
HostRow makeHostRow(const QString &host, const QStringList &tags, HostStatus status,
                    std::shared_ptr<const HostSnapshot> snapshot, std::shared_ptr<const Analysis> analysis);

class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Host,
        Tags,
        Status,
        LastProbe,
        Kernel,
        DriverConfigured,
        DriverRunning,
        BackingFs,
        DType,
        RedirectDir,
        CoveredMounts,
        Containers,
        DockerRootUsage,
        WorstFinding,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: numbers as numbers, times as msecs, severity as its rank
        HostRole,                    // QString
        SeverityRole,                // int, -1 none
        FindingIdsRole,              // QStringList
        TagsRole,                    // QStringList
        StatusRole,                  // QString, the status's stable name (hostStatusName)
        StaleRole,                   // bool
        UsageRatioRole,              // double, -1 unknown
    };

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Inserts new hosts (one beginInsertRows for all of them) and replaces known ones (dataChanged
    // collapsed to contiguous row ranges). A row's tags are kept when the update has none.
    void upsertRows(const QList<HostRow> &rows);
    // Adds inventory hosts not yet in the table (as "never probed") and updates the tags of known ones.
    void addHosts(const QList<QPair<QString, QStringList>> &hosts);
    void removeHosts(const QStringList &hosts);
    void setStatus(const QStringList &hosts, HostStatus status);
    void clear();

    int rowOfHost(const QString &host) const { return m_rowByHost.value(host, -1); }
    const HostRow &hostRow(int row) const { return m_rows.at(row); }
    const QList<HostRow> &hostRows() const { return m_rows; }
    QStringList hosts() const;

    // Rows older than this (or loaded from the store) are shown as stale.
    void setStaleAfter(qint64 seconds);
    qint64 staleAfter() const { return m_staleAfterSecs; }
    bool isStale(const HostRow &row) const;

    static QString formatBytes(qint64 bytes);

private:
    // data(), one role each: what the column shows, sorts by, and how it looks.
    QVariant displayValue(const HostRow &r, int column) const;
    QVariant sortValue(const HostRow &r, int column) const;
    QVariant decoration(const HostRow &r, int column) const;
    QVariant foreground(const HostRow &r, int column) const;
    QVariant background(const HostRow &r, int column) const;
    QVariant font(const HostRow &r, int column) const;
    static QVariant alignment(int column);
    QVariant toolTip(const HostRow &r, int column) const;
    void emitChanged(QList<int> rows);
    void reindex();

    QList<HostRow> m_rows;
    QHash<QString, int> m_rowByHost;
    qint64 m_staleAfterSecs = 6 * 3600;
};

} // namespace lw::gui
