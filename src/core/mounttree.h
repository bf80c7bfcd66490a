#pragma once

#include "mountinfo.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lw {

enum class Visibility {
    Visible,     // reachable from the namespace root at its mount point
    Overmounted, // another mount is stacked on the same mount point on top of it
    Shadowed,    // a later mount at the same path or a path prefix, not its ancestor, hides it
};

// The mount table as a tree (mount ID -> parent ID) with the covering analysis done once at build time.
// Indexes are positions in mounts(); they are stable for the life of the tree.
class MountTree
{
public:
    MountTree() = default;
    // dockerRoot is DockerRootDir from `docker info` (default /var/lib/docker); it is used to map
    // overlay mounts at <dockerRoot>/overlay2/<id>/merged to their layer ID.
    static MountTree build(QList<MountEntry> mounts,
                           const QString &dockerRoot = QStringLiteral("/var/lib/docker"));

    const QList<MountEntry> &mounts() const { return m_mounts; }
    int size() const { return int(m_mounts.size()); }
    int indexOfId(int mountId) const { return m_indexById.value(mountId, -1); }

    int parentIndex(int index) const;            // -1 for a root (parent not in the table)
    const QList<int> &children(int index) const; // in file order
    QList<int> roots() const;

    Visibility visibility(int index) const;
    // The mount that hides this one directly (the innermost cover: the one that would still hide it
    // if every other cover were unmounted), as an index; -1 when visible.
    int coveringMount(int index) const;
    // Every mount that hides this one, innermost first, outermost (the one visible from the root) last.
    QList<int> coverChain(int index) const;
    // Indexes of every hidden (overmounted or shadowed) mount, in file order.
    QList<int> hiddenMounts() const;

    // <id> of an overlay mount at <dockerRoot>/overlay2/<id>/merged; empty otherwise.
    QString layerId(int index) const;
    QString dockerRoot() const { return m_dockerRoot; }

    // Index of the mount that contains path when resolved from the root (longest visible mount point
    // that is a path prefix of path); -1 if none.
    int resolvePath(const QString &path) const;

private:
    QList<MountEntry> m_mounts;
    QHash<int, int> m_indexById;
    QList<int> m_parent;
    QList<QList<int>> m_children;
    QList<Visibility> m_visibility;
    QList<QList<int>> m_covers; // per index, innermost first
    QList<QString> m_layerIds;
    QString m_dockerRoot;
};

// True if prefix equals path or is a path-component prefix of it ("/a" of "/a/b", not of "/ab").
bool isPathPrefix(const QString &prefix, const QString &path);

} // namespace lw
