#pragma once

#include "mountinfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace lw {

enum class Visibility {
    Visible,     // reachable from the reading process's root at its mount point
    Overmounted, // another mount is stacked on the same mount point on top of it
    Shadowed,    // a later mount at the same path or a path prefix, not its ancestor, hides it
    Stacked,     // under another mount at its own mount point on purpose, and nothing is out of reach: an
                 // autofs under the file system it mounts, the same directory mounted again, a kernel view
                 // (proc, sysfs, devpts, cgroup, mqueue, ...) under a new instance of itself. Not hidden.
};

// "visible", "overmounted", "shadowed", "stacked": stable, for JSON.
QString visibilityName(Visibility v);
// Translated, for the console and the text report.
QString visibilityDisplayName(Visibility v);

// Overmounted and Shadowed; Visible and Stacked are not hidden.
inline bool isHidden(Visibility v)
{
    return v == Visibility::Overmounted || v == Visibility::Shadowed;
}

// The mount table as a tree (mount ID -> parent ID) with the covering analysis done once at build time.
// Indexes are positions in mounts(); they are stable for the life of the tree.
//
// Definitions (the contract of the analysis):
// - Paths are compared as the bytes the kernel wrote (after the octal unescape): MountEntry's QStrings are
//   for display, and two names that differ only in bytes that are not UTF-8 show the same there.
// - Tree: a mount whose parent ID is not in the table is a root. Children are kept in file order. A
//   duplicate mount ID is kept, and the later one wins in indexOfId() (and as a parent). A parent cycle
//   in hostile input is broken by making the mount where the walk closes the cycle a root.
// - The reading process's root: a root of the tree whose mount point is "/" (mountinfo shows paths from the
//   reader's root). A lookup starts there and does not cross a mount stacked on that root itself, so a
//   child of it at "/" (a tmpfs mounted on / of the namespace) hides nothing from the reader, and is itself
//   out of the reader's reach: the reader's root covers it (Shadowed), and everything mounted in it.
// - Overmounted: M has a child C with C.mountPoint == M.mountPoint (stacked on top of M; the kernel
//   makes the new mount a child of the old top). C covers M.
// - Shadowed: walk M's ancestors. For each ancestor A let B be A's child on the chain toward M (B == M
//   at the first step). Any other child C of A whose mount point is a path-component prefix of B's
//   hides B and so M (it is not in B's subtree, so it was mounted later, whatever the file order: a
//   mount moved there can be listed first); at an equal mount point only a C later in file order than B
//   hides it. An ancestor B on the chain that is overmounted (a child other than the one on the chain at
//   B's own mount point) hides M as well.
// - Stacked: other mounts are over M's place, yet nothing of M is out of reach:
//   * the mount the reader reaches at M's mount point shows the very directory M shows (same device, and
//     its root plus the rest of the path is M's root): the same directory mounted again on itself, or a
//     bind of a parent directory of the same file system over it;
//   * or M's innermost cover C is at M's own mount point, stacked there on purpose, and C is not hidden
//     itself (Visible or Stacked): M is an autofs and C a child of it (the automount's target: the normal
//     automount pattern), or M is a kernel view (proc, sysfs, devpts, cgroup, cgroup2, mqueue,
//     binfmt_misc, debugfs, tracefs, securityfs, pstore, fusectl, configfs, efivarfs, selinuxfs) and C a
//     new instance of the same type, as a container runtime mounts them: such a view stores nothing.
//   A tmpfs under another tmpfs is not Stacked: files in the lower one are out of reach. Mounts inside M
//   at deeper paths are judged as ever (C hides them). stackedUnder(M) is the reached mount, or C.
// - coveringMount(M): the innermost (closest to M) of the mounts that hide M: M's own overmount first,
//   then deeper ancestor levels before higher ones, at one level the longer mount point first, and at
//   an equal mount point the earlier one first (the later one hides it, so it is further out). -1 when M
//   is Visible or Stacked.
// - coverChain(M): coveringMount(M), then its covering mount (or the mount stacked on it), and so on: every
//   mount over M's place, innermost first, ending with the mount that is visible at M's place from the
//   root (outer covers of M always hide the inner ones too, so they are all on this path). Capped at 1024
//   (hostile tables).
// - Visibility: Overmounted when coveringMount(M) is a child of M at M's own mount point, Shadowed when
//   anything else hides M (including a hidden ancestor), Stacked as above, Visible otherwise.
// Cost: children are indexed by mount point and only the path prefixes of each mount are looked up in
// its parent's index; the result for the levels above a mount is shared with its parent (memoized),
// so the analysis is O(n * path components) even for hostile tables.
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
    const QList<int> &roots() const { return m_roots; }

    Visibility visibility(int index) const;
    bool isHidden(int index) const { return lw::isHidden(visibility(index)); }
    // The mount that hides this one directly (the innermost cover: the one that would still hide it
    // if every other cover were unmounted), as an index; -1 when not hidden.
    int coveringMount(int index) const;
    // The mount stacked on this one on purpose (Stacked); -1 otherwise.
    int stackedUnder(int index) const;
    // Every mount that hides this one, innermost first, outermost (the one visible from the root) last.
    QList<int> coverChain(int index) const;
    // Indexes of every hidden (overmounted or shadowed) mount, in file order.
    QList<int> hiddenMounts() const;

    // <id> of an overlay mount at <dockerRoot>/overlay2/<id>/merged; empty otherwise.
    QString layerId(int index) const;
    QString dockerRoot() const { return m_dockerRoot; }

    // The mount point's bytes as the kernel wrote them (MountEntry::mountPointPath()), for comparisons.
    const QByteArray &mountPointBytes(int index) const;

    // Index of the mount that contains path when resolved from the root (longest visible mount point
    // that is a path prefix of path); -1 if none. The QString is taken as UTF-8 bytes.
    int resolvePath(const QString &path) const;
    int resolvePath(QByteArrayView path) const;

private:
    // A parent's children at one mount point: the first and the latest in file order (-1 when none); the
    // ones between follow m_nextAtPoint from first.
    struct PointChildren
    {
        int first = -1;
        int last = -1;
    };
    // Keyed by a view of a mount point in m_mounts: m_mounts is never changed after build(), and a copy of
    // the tree shares those very strings, so the views stay valid for the life of the data.
    struct ChildAt
    {
        int parent;
        QByteArrayView point;
        friend bool operator==(const ChildAt &a, const ChildAt &b)
        {
            return a.parent == b.parent && a.point == b.point;
        }
        friend size_t qHash(const ChildAt &k, size_t seed = 0) { return qHashMulti(seed, k.parent, k.point); }
    };
    PointChildren childrenAt(int parent, QByteArrayView point) const;
    void computeCovers();
    void computeVisibility();
    bool stackedOnPurpose(int index, int cover) const;
    bool showsSameDirectory(int index, int reached) const;
    int resolveWithin(QByteArrayView path, int maxSteps) const;

    QList<MountEntry> m_mounts;
    QList<QByteArray> m_points; // per index: the mount point's bytes
    QList<char> m_readerRoot;   // per index: a root at "/" (the reading process's root)
    QHash<int, int> m_indexById;
    QList<int> m_parent;
    QList<int> m_roots;
    QList<QList<int>> m_children;
    QList<Visibility> m_visibility;
    QList<int> m_covering;     // per index: the innermost mount over it, or -1 (also when Stacked)
    QList<int> m_stackedUnder; // per index: for Stacked, the mount that shows at its place
    QList<QString> m_layerIds;
    QHash<ChildAt, PointChildren> m_atPoint;
    QList<int> m_nextAtPoint; // per index: the next child of its parent at its mount point, -1 after the last
    QString m_dockerRoot;
};

// True if prefix equals path or is a path-component prefix of it ("/a" of "/a/b", not of "/ab").
bool isPathPrefix(const QString &prefix, const QString &path);
bool isPathPrefix(QByteArrayView prefix, QByteArrayView path);
inline bool isPathPrefix(const QByteArray &prefix, const QByteArray &path)
{
    return isPathPrefix(QByteArrayView(prefix), QByteArrayView(path));
}

} // namespace lw
