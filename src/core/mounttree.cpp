#include "mounttree.h"

#include <QSet>

namespace lw {

namespace {

// Lengths of the path-component prefixes of path, longest first: "/a/b" -> 4 ("/a/b"), 2 ("/a"), 1 ("/").
void prefixLengthsLongestFirst(const QString &path, QList<qsizetype> &out)
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
    t.m_childrenByPoint.resize(n);
    for (int i = 0; i < n; ++i) {
        const int p = t.m_parent[i];
        if (p < 0)
            continue;
        t.m_children[p].append(i);
        t.m_childrenByPoint[p][t.m_mounts.at(i).mountPoint].append(i);
    }

    // Direct covers of every mount, innermost first (see the header for the rules).
    t.m_covers.resize(n);
    QList<qsizetype> prefixes;
    for (int m = 0; m < n; ++m) {
        QList<int> &covers = t.m_covers[m];
        // Level 0: mounts stacked on m itself.
        {
            const auto &byPoint = t.m_childrenByPoint.at(m);
            if (!byPoint.isEmpty()) {
                const auto it = byPoint.constFind(t.m_mounts.at(m).mountPoint);
                if (it != byPoint.constEnd())
                    covers.append(*it);
            }
        }
        int b = m;
        for (int guard = 0; guard < n; ++guard) {
            const int a = t.m_parent.at(b);
            if (a < 0)
                break;
            const QString &bPoint = t.m_mounts.at(b).mountPoint;
            const auto &byPoint = t.m_childrenByPoint.at(a);
            // A parent with b as its only child cannot hide b (the common case for leaves' parents).
            if (t.m_children.at(a).size() > 1) {
                prefixLengthsLongestFirst(bPoint, prefixes);
                for (qsizetype len : prefixes) {
                    const bool equal = len == bPoint.size();
                    const auto it = byPoint.constFind(equal ? bPoint : bPoint.left(len));
                    if (it == byPoint.constEnd())
                        continue;
                    for (int c : *it) {
                        if (c == b || (equal && c < b))
                            continue;
                        if (!covers.contains(c))
                            covers.append(c);
                    }
                }
                // An overmount of a whose mount point is not a prefix of b's (only when b is mounted
                // outside its parent's path, e.g. hostile input) still hides everything in a.
                const QString &aPoint = t.m_mounts.at(a).mountPoint;
                if (!isPathPrefix(aPoint, bPoint)) {
                    const auto it = byPoint.constFind(aPoint);
                    if (it != byPoint.constEnd()) {
                        for (int c : *it) {
                            if (c != b && !covers.contains(c))
                                covers.append(c);
                        }
                    }
                }
            }
            b = a;
        }
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

int MountTree::parentIndex(int index) const
{
    return index >= 0 && index < size() ? m_parent.at(index) : -1;
}

const QList<int> &MountTree::children(int index) const
{
    static const QList<int> none;
    return index >= 0 && index < size() ? m_children.at(index) : none;
}

QList<int> MountTree::roots() const
{
    QList<int> result;
    for (int i = 0; i < size(); ++i) {
        if (m_parent.at(i) < 0)
            result.append(i);
    }
    return result;
}

Visibility MountTree::visibility(int index) const
{
    return index >= 0 && index < size() ? m_visibility.at(index) : Visibility::Visible;
}

int MountTree::coveringMount(int index) const
{
    if (index < 0 || index >= size() || m_covers.at(index).isEmpty())
        return -1;
    return m_covers.at(index).first();
}

QList<int> MountTree::coverChain(int index) const
{
    QList<int> chain;
    if (index < 0 || index >= size())
        return chain;
    // Follow the innermost cover of each cover up to the one visible from the root. Computed on demand:
    // storing every chain would be quadratic for a tall stack of mounts on one point.
    QSet<int> seen{index};
    for (int c = coveringMount(index); c >= 0 && !seen.contains(c); c = coveringMount(c)) {
        seen.insert(c);
        chain.append(c);
    }
    // Direct covers not reached that way (only possible in inconsistent tables) are still covers.
    for (int c : m_covers.at(index)) {
        if (!seen.contains(c)) {
            seen.insert(c);
            chain.append(c);
        }
    }
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
    for (int r : roots()) {
        const QString &point = m_mounts.at(r).mountPoint;
        if (!isPathPrefix(point, path))
            continue;
        if (cur < 0 || point.size() >= m_mounts.at(cur).mountPoint.size())
            cur = r;
    }
    for (int guard = 0; cur >= 0 && guard < size(); ++guard) {
        const auto &byPoint = m_childrenByPoint.at(cur);
        if (byPoint.isEmpty())
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
            const auto it = byPoint.constFind(len == path.size() ? path : path.left(len));
            if (it != byPoint.constEnd()) {
                next = it->last();
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
