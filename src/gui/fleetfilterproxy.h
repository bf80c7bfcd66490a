#pragma once

#include "finding.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace lw::gui {

// Compares with digit runs as numbers ("web2" < "web10"), case-insensitively.
int naturalCompare(const QString &a, const QString &b);

// Filters the fleet table: free text (host, tags, kernel, drivers, finding IDs), and exact filters by
// status, minimum severity, finding ID and tag. Sorts by FleetModel::SortRole (numbers as numbers).
class FleetFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // Status filter groups (besides an exact status ID).
    static inline const QString AnyFailure = QStringLiteral("*failed*");
    static inline const QString NotProbed = QStringLiteral("*not-probed*");

    explicit FleetFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setStatusFilter(const QString &status); // "" any; "ok", "unreachable", ..., AnyFailure, NotProbed
    void setMinimumSeverity(std::optional<Severity> severity); // hosts with a finding at least this severe
    void setFindingIdFilter(const QString &findingId);         // "" any
    void setTagFilter(const QString &tag);                     // "" any
    void clearFilters();

    QString searchText() const { return m_search; }
    QString statusFilter() const { return m_status; }
    std::optional<Severity> minimumSeverity() const { return m_minSeverity; }
    QString findingIdFilter() const { return m_findingId; }
    QString tagFilter() const { return m_tag; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    QStringList m_searchWords;
    QString m_status;
    std::optional<Severity> m_minSeverity;
    QString m_findingId;
    QString m_tag;
};

} // namespace lw::gui
