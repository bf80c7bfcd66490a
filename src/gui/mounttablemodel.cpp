#include "mounttablemodel.h"
#include "textescape.h"

#include <QBrush>
#include <QColor>
#include <QSet>

namespace lw::gui {

namespace {
int visibilityRank(lw::Visibility visibility)
{
    // Hidden mounts sort before visible ones: they are what an operator is looking for.
    switch (visibility) {
    case lw::Visibility::Shadowed:
        return 0;
    case lw::Visibility::Overmounted:
        return 1;
    case lw::Visibility::Stacked:
    case lw::Visibility::Visible:
        break;
    }
    return 2;
}
} // namespace

MountTableModel::MountTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MountTableModel::setTree(const lw::MountTree &tree)
{
    beginResetModel();
    m_tree = tree;
    endResetModel();
}

int MountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_tree.size();
}

int MountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const lw::MountEntry &mount = m_tree.mounts().at(row);
    const lw::Visibility visibility = m_tree.visibility(row);
    const bool hidden = lw::isHidden(visibility);

    if (role == MountIdRole)
        return mount.id;
    if (role == HiddenRole)
        return hidden;

    if (role == Qt::DisplayRole || role == SortRole) {
        switch (Column(index.column())) {
        case Id:
            return mount.id;
        case Parent:
            return mount.parentId;
        case MountPoint:
            return role == Qt::DisplayRole ? QVariant(lw::escapeControlCharacters(mount.mountPoint))
                                           : QVariant(mount.mountPoint);
        case FsType:
            return role == Qt::DisplayRole ? QVariant(lw::escapeControlCharacters(mount.fsType))
                                           : QVariant(mount.fsType);
        case Source:
            return role == Qt::DisplayRole ? QVariant(lw::escapeControlCharacters(mount.source))
                                           : QVariant(mount.source);
        case Visibility:
            if (role == SortRole)
                return visibilityRank(visibility);
            return lw::visibilityDisplayName(visibility);
        case CoveredBy: {
            const int cover = m_tree.coveringMount(row);
            if (cover < 0)
                return role == SortRole ? QVariant(-1) : QVariant(QString());
            const int coverId = m_tree.mounts().at(cover).id;
            return role == SortRole ? QVariant(coverId) : QVariant(QString::number(coverId));
        }
        case LayerId:
            return m_tree.layerId(row);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == CoveredBy || index.column() == Visibility) {
            const int cover = m_tree.coveringMount(row);
            if (cover >= 0) {
                const lw::MountEntry &c = m_tree.mounts().at(cover);
                return tr("Hidden by mount %1 (%2 on %3)")
                    .arg(c.id)
                    .arg(lw::escapeControlCharacters(c.fsType), lw::escapeControlCharacters(c.mountPoint));
            }
        }
        return mount.rawLine;
    }
    if (role == Qt::ForegroundRole && hidden)
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    if (role == Qt::BackgroundRole && hidden)
        return QBrush(QColor(0xfd, 0xec, 0xd2));
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || index.column() == Parent || index.column() == CoveredBy))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Id:
        return tr("ID");
    case Parent:
        return tr("Parent");
    case MountPoint:
        return tr("Mount point");
    case FsType:
        return tr("Type");
    case Source:
        return tr("Source");
    case Visibility:
        return tr("Visibility");
    case CoveredBy:
        return tr("Covered by");
    case LayerId:
        return tr("Layer ID");
    case ColumnCount:
        break;
    }
    return {};
}

MountFilterProxy::MountFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(MountTableModel::SortRole);
}

void MountFilterProxy::setHiddenOnly(bool hiddenOnly)
{
    if (m_hiddenOnly == hiddenOnly)
        return;
    m_hiddenOnly = hiddenOnly;
    invalidateFilter();
}

void MountFilterProxy::setAllowedIds(const QSet<int> &ids, bool restrict)
{
    m_allowed = ids;
    m_restrict = restrict;
    invalidateFilter();
}

bool MountFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_hiddenOnly && !index.data(MountTableModel::HiddenRole).toBool())
        return false;
    if (m_restrict && !m_allowed.contains(index.data(MountTableModel::MountIdRole).toInt()))
        return false;
    return true;
}

} // namespace lw::gui
