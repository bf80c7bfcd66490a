#pragma once

#include "mounttree.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

namespace lw::gui {

// The mount table of one host as a flat, sortable table (the plain view beside the mount graph).
class MountTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Parent, MountPoint, FsType, Source, Visibility, CoveredBy, LayerId, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: numbers as numbers, visibility as a rank (hidden first)
        MountIdRole,                 // the row's mountinfo ID
        HiddenRole,                  // bool: overmounted or shadowed
    };

    explicit MountTableModel(QObject *parent = nullptr);

    void setTree(const lw::MountTree &tree);
    const lw::MountTree &tree() const { return m_tree; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Row of a mount ID, -1 if not in the table.
    int rowOfMountId(int mountId) const { return m_tree.indexOfId(mountId); }

private:
    lw::MountTree m_tree;
};

// Sorts MountTableModel on SortRole (hidden mounts first by default) and optionally shows only hidden
// mounts or only mounts under the docker root.
class MountFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MountFilterProxy(QObject *parent = nullptr);

    void setHiddenOnly(bool hiddenOnly);
    bool hiddenOnly() const { return m_hiddenOnly; }
    // Mount IDs allowed through; empty set with restrict=false means all.
    void setAllowedIds(const QSet<int> &ids, bool restrict);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_hiddenOnly = false;
    bool m_restrict = false;
    QSet<int> m_allowed;
};

} // namespace lw::gui
