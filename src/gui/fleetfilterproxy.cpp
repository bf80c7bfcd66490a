#include "fleetfilterproxy.h"

#include "fleetmodel.h"

namespace lw::gui {

int naturalCompare(const QString &a, const QString &b)
{
    // Digit runs compare by value, everything else case-insensitively (QCollator's numeric mode is not
    // available with the C locale).
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            int si = i;
            int sj = j;
            while (si < a.size() && a.at(si) == QLatin1Char('0'))
                ++si;
            while (sj < b.size() && b.at(sj) == QLatin1Char('0'))
                ++sj;
            int ei = si;
            int ej = sj;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            const int c = QStringView(a).mid(si, ei - si).compare(QStringView(b).mid(sj, ej - sj));
            if (c != 0)
                return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a.at(i).toCaseFolded();
        const QChar cb = b.at(j).toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return QString::compare(a, b);
}

FleetFilterProxy::FleetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetFilterProxy::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_searchWords = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void FleetFilterProxy::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void FleetFilterProxy::setMinimumSeverity(std::optional<Severity> severity)
{
    if (severity == m_minSeverity)
        return;
    m_minSeverity = severity;
    invalidateRowsFilter();
}

void FleetFilterProxy::setFindingIdFilter(const QString &findingId)
{
    if (findingId == m_findingId)
        return;
    m_findingId = findingId;
    invalidateRowsFilter();
}

void FleetFilterProxy::setTagFilter(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

void FleetFilterProxy::clearFilters()
{
    m_search.clear();
    m_searchWords.clear();
    m_status.clear();
    m_minSeverity.reset();
    m_findingId.clear();
    m_tag.clear();
    invalidateRowsFilter();
}

bool FleetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const FleetModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const HostRow &row = model->hostRow(sourceRow);

    if (!m_status.isEmpty()) {
        if (m_status == AnyFailure) {
            if (!isFailedHostStatus(row.status))
                return false;
        } else if (m_status == NotProbed) {
            if (row.probed())
                return false;
        } else if (hostStatusName(row.status) != m_status) {
            return false;
        }
    }
    if (m_minSeverity && (!row.worstSeverity || int(*row.worstSeverity) < int(*m_minSeverity)))
        return false;
    if (!m_findingId.isEmpty() && !row.findingIds.contains(m_findingId))
        return false;
    if (!m_tag.isEmpty() && !row.tags.contains(m_tag))
        return false;

    // Every word must match one of the text facts of the row.
    for (const QString &word : m_searchWords) {
        auto has = [&word](const QString &text) { return text.contains(word, Qt::CaseInsensitive); };
        bool found = has(row.host) || has(row.kernel) || has(row.driverRunning) ||
                     has(row.driverConfigured) || has(row.backingFs) || has(hostStatusName(row.status)) ||
                     has(hostStatusDisplayName(row.status)) || has(row.worstFindingTitle);
        for (int i = 0; !found && i < row.tags.size(); ++i)
            found = has(row.tags.at(i));
        for (int i = 0; !found && i < row.findingIds.size(); ++i)
            found = has(row.findingIds.at(i));
        if (!found)
            return false;
    }
    return true;
}

bool FleetFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(FleetModel::SortRole);
    const QVariant r = right.data(FleetModel::SortRole);
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        // Natural order for host names: web2 before web10.
        const int c = naturalCompare(l.toString(), r.toString());
        if (c != 0)
            return c < 0;
    } else {
        const int c = QVariant::compare(l, r) == QPartialOrdering::Less
                          ? -1
                          : (QVariant::compare(l, r) == QPartialOrdering::Greater ? 1 : 0);
        if (c != 0)
            return c < 0;
    }
    // Ties by host name, so the order is stable.
    return left.siblingAtColumn(FleetModel::Host).data(FleetModel::SortRole).toString() <
           right.siblingAtColumn(FleetModel::Host).data(FleetModel::SortRole).toString();
}

} // namespace lw::gui
