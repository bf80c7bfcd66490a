#include "mounttree.h"

#include <algorithm>

namespace lw {

namespace {

// Lengths of the path-component prefixes of path, longest first: "/a/b" -> 4 ("/a/b"), 2 ("/a"), 1 ("/").
void prefixLengthsLongestFirst(QStringView path, QList<qsizetype> &out)
{
    out.clear();
    const qsizetype size = path.size();
    if (size == 0)
        return;
    out.append(size);
    const QChar *d = path.constData();
    for (qsizetype i = size - 1; i >= 1; --i) {
        if (d[i] == u'/' && i < out.last())
            out.append(i);
    }
    if (d[0] == u'/' && out.last() > 1)
        out.append(1);
}

QString stripTrailingSlashes(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

bool isPathPrefix(const QString &prefix, const QString &path)
{
    if (prefix.isEmpty())
        return false;
    if (prefix == u"/")
        return true;
    if (!path.startsWith(prefix))
        return false;
    return path.size() == prefix.size() || path.at(prefix.size()) == u'/' || prefix.endsWith(u'/');
}

MountTree MountTree::build(QList<MountEntry> mounts, const QString &dockerRoot)
{
    MountTree t;
    t.m_mounts = std::move(mounts);
    t.m_dockerRoot = stripTrailingSlashes(dockerRoot);
    const int n = t.size();

    t.m_indexById.reserve(n);
    for (int i = 0; i < n; ++i)
        t.m_indexById.insert(t.m_mounts.at(i).id, i); // a later duplicate replaces the earlier one

    t.m_parent.resize(n, -1);
    for (int i = 0; i < n; ++i)
        t.m_parent[i] = t.indexOfId(t.m_mounts.at(i).parentId);

    // Break parent cycles (only in hostile input; the kernel's table is a forest): walk up from each
    // mount; a walk that reaches a mount already on the current walk has closed a cycle, and the mount
    // where it closed becomes a root.
    {
        QList<char> state(n, 0); // 0 new, 1 on the current walk, 2 done
        QList<int> walk;
        for (int i = 0; i < n; ++i) {
            walk.clear();
            int node = i;
            while (node >= 0 && state[node] == 0) {
                state[node] = 1;
                walk.append(node);
                node = t.m_parent[node];
            }
            if (node >= 0 && state[node] == 1)
                t.m_parent[walk.last()] = -1;
            for (int w : walk)
                state[w] = 2;
        }
    }

    t.m_children.resize(n);
    t.m_nextAtPoint.resize(n, -1);
    t.m_atPoint.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int p = t.m_parent[i];
        if (p < 0) {
            t.m_roots.append(i);
            continue;
        }
        t.m_children[p].append(i);
        // One index for all parents: (parent, mount point) -> its children there, chained in file order.
        PointChildren &at = t.m_atPoint[ChildAt{p, t.m_mounts.at(i).mountPoint}];
        if (at.first < 0)
            at.first = i;
        else
            t.m_nextAtPoint[at.last] = i;
        at.last = i;
    }

    // The innermost cover of every mount (see the header for the rules). Only the innermost one is kept:
    // every outer cover hides that one too and is reached by following coveringMount() from it. Kept in
    // full, the cover lists would grow quadratically with N mounts on one point (hostile input).
    //   overmount(x): the earliest child of x at x's own mount point;
    //   sibling(x):   the innermost child of parent(x) that hides x at that level (longest prefix first,
    //                 at x's own mount point only later ones);
    //   above(x):     sibling(x), else above(parent(x)); memoized, parents before children.
    //   covering(x) = overmount(x), else above(x).
    QList<qsizetype> prefixes;
    auto overmount = [&t](int x) { return t.childrenAt(x, t.m_mounts.at(x).mountPoint).first; };
    auto sibling = [&t, &prefixes, &overmount](int x) {
        const int a = t.m_parent.at(x);
        // A parent with x as its only child cannot hide x (the common case: most mounts are leaves).
        if (a < 0 || t.m_children.at(a).size() < 2)
            return -1;
        const QStringView point = t.m_mounts.at(x).mountPoint;
        prefixLengthsLongestFirst(point, prefixes);
        for (qsizetype len : prefixes) {
            if (len == point.size()) {
                // x is in this chain (file order): the first one after x hides it.
                if (t.m_nextAtPoint.at(x) >= 0)
                    return t.m_nextAtPoint.at(x);
                continue;
            }
            if (const int first = t.childrenAt(a, point.first(len)).first; first >= 0)
                return first;
        }
        // An overmount of the parent whose mount point is not a prefix of x's (x mounted outside its
        // parent's path: only in odd or hostile input) still hides everything in the parent.
        if (!isPathPrefix(t.m_mounts.at(a).mountPoint, t.m_mounts.at(x).mountPoint)) {
            const int over = overmount(a);
            if (over >= 0 && over != x)
                return over;
        }
        return -1;
    };
    QList<int> above(n, -1);
    {
        QList<char> done(n, 0);
        QList<int> pending;
        for (int i = 0; i < n; ++i) {
            pending.clear();
            for (int x = i; x >= 0 && !done.at(x); x = t.m_parent.at(x))
                pending.append(x);
            for (auto it = pending.crbegin(); it != pending.crend(); ++it) {
                const int x = *it;
                const int s = sibling(x);
                const int p = t.m_parent.at(x);
                above[x] = s >= 0 ? s : (p >= 0 ? above.at(p) : -1);
                done[x] = 1;
            }
        }
    }
    t.m_covering.resize(n, -1);
    for (int i = 0; i < n; ++i) {
        const int over = overmount(i);
        t.m_covering[i] = over >= 0 ? over : above.at(i);
    }

    t.m_visibility.resize(n, Visibility::Visible);
    for (int i = 0; i < n; ++i) {
        const int c = t.coveringMount(i);
        if (c < 0)
            continue;
        const bool stacked =
            t.m_parent.at(c) == i && t.m_mounts.at(c).mountPoint == t.m_mounts.at(i).mountPoint;
        t.m_visibility[i] = stacked ? Visibility::Overmounted : Visibility::Shadowed;
    }

    t.m_layerIds.resize(n);
    const QString overlayPrefix = t.m_dockerRoot + QLatin1String("/overlay2/");
    const QLatin1String merged("/merged");
    for (int i = 0; i < n; ++i) {
        const MountEntry &e = t.m_mounts.at(i);
        if (!e.isOverlay() || !e.mountPoint.startsWith(overlayPrefix) || !e.mountPoint.endsWith(merged))
            continue;
        const qsizetype idLen = e.mountPoint.size() - overlayPrefix.size() - merged.size();
        if (idLen <= 0)
            continue;
        const QString id = e.mountPoint.mid(overlayPrefix.size(), idLen);
        if (!id.contains(u'/'))
            t.m_layerIds[i] = id;
    }
    return t;
}

MountTree::PointChildren MountTree::childrenAt(int parent, QStringView point) const
{
    return m_atPoint.value(ChildAt{parent, point});
}

int MountTree::parentIndex(int index) const
{
    return index >= 0 && index < size() ? m_parent.at(index) : -1;
}

const QList<int> &MountTree::children(int index) const
{
    static const QList<int> none;
    return index >= 0 && index < size() ? m_children.at(index) : none;
}

Visibility MountTree::visibility(int index) const
{
    return index >= 0 && index < size() ? m_visibility.at(index) : Visibility::Visible;
}

int MountTree::coveringMount(int index) const
{
    return index >= 0 && index < size() ? m_covering.at(index) : -1;
}

QList<int> MountTree::coverChain(int index) const
{
    QList<int> chain;
    if (index < 0 || index >= size())
        return chain;
    // Each cover's own innermost cover, up to the one visible from the root. Computed on demand: storing
    // every chain would be quadratic for a tall stack of mounts on one point. The length cap only
    // matters for hostile tables (real chains are a handful long) and keeps a query cheap there.
    constexpr int maxChain = 1024;
    for (int c = coveringMount(index); c >= 0 && c != index && !chain.contains(c) && chain.size() < maxChain;
         c = coveringMount(c))
        chain.append(c);
    return chain;
}

QList<int> MountTree::hiddenMounts() const
{
    QList<int> result;
    for (int i = 0; i < size(); ++i) {
        if (m_visibility.at(i) != Visibility::Visible)
            result.append(i);
    }
    return result;
}

QString MountTree::layerId(int index) const
{
    return index >= 0 && index < size() ? m_layerIds.at(index) : QString();
}

int MountTree::resolvePath(const QString &rawPath) const
{
    const QString path = stripTrailingSlashes(rawPath);
    if (!path.startsWith(u'/'))
        return -1; // mount points are absolute; a relative path has no place in the table
    // Several roots only occur in partial or odd tables; the most specific one is taken as the start.
    // Below it, among children competing at one level the shortest mount point hides the longer ones,
    // and at an equal mount point the latest wins.
    int cur = -1;
    for (int r : m_roots) {
        const QString &point = m_mounts.at(r).mountPoint;
        if (!isPathPrefix(point, path))
            continue;
        if (cur < 0 || point.size() >= m_mounts.at(cur).mountPoint.size())
            cur = r;
    }
    for (int guard = 0; cur >= 0 && guard < size(); ++guard) {
        if (m_children.at(cur).isEmpty())
            break;
        const QString &curPoint = m_mounts.at(cur).mountPoint;
        // Prefixes of path from cur's own mount point (an overmount) to the whole path, shortest first.
        QList<qsizetype> lengths;
        if (isPathPrefix(curPoint, path))
            lengths.append(curPoint == u"/" ? 1 : curPoint.size());
        const qsizetype from = lengths.isEmpty() ? 1 : lengths.first() + 1;
        for (qsizetype i = from; i < path.size(); ++i) {
            if (path.at(i) == u'/')
                lengths.append(i);
        }
        if (lengths.isEmpty() || lengths.last() != path.size())
            lengths.append(path.size());
        int next = -1;
        for (qsizetype len : lengths) {
            if (const int latest = childrenAt(cur, QStringView(path).first(len)).last; latest >= 0) {
                next = latest;
                break;
            }
        }
        if (next < 0)
            break;
        cur = next;
    }
    return cur;
}

} // namespace lw
