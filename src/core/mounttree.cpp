#include "mounttree.h"

#include "coretr.h"

#include <algorithm>

namespace lw {

namespace {

// Lengths of the path-component prefixes of path, longest first: "/a/b" -> 4 ("/a/b"), 2 ("/a"), 1 ("/").
// Byte-wise: '/' never occurs inside a multi-byte UTF-8 sequence, nor does the kernel write it in a name.
void prefixLengthsLongestFirst(QByteArrayView path, QList<qsizetype> &out)
{
    out.clear();
    const qsizetype size = path.size();
    if (size == 0)
        return;
    out.append(size);
    const char *d = path.data();
    for (qsizetype i = size - 1; i >= 1; --i) {
        if (d[i] == '/' && i < out.last())
            out.append(i);
    }
    if (d[0] == '/' && out.last() > 1)
        out.append(1);
}

QString stripTrailingSlashes(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path;
}

// File systems that show the kernel's own state and store nothing of their own: a new instance stacked on
// one (a container runtime's /proc, /sys, /dev/pts, /dev/mqueue) leaves nothing out of reach. Not tmpfs,
// hugetlbfs or bpf (files and pinned objects live in them).
bool isKernelView(const QString &fsType)
{
    static const QStringList types = {
        QStringLiteral("proc"),        QStringLiteral("sysfs"),    QStringLiteral("devpts"),
        QStringLiteral("cgroup"),      QStringLiteral("cgroup2"),  QStringLiteral("mqueue"),
        QStringLiteral("binfmt_misc"), QStringLiteral("debugfs"),  QStringLiteral("tracefs"),
        QStringLiteral("securityfs"),  QStringLiteral("pstore"),   QStringLiteral("fusectl"),
        QStringLiteral("configfs"),    QStringLiteral("efivarfs"), QStringLiteral("selinuxfs"),
    };
    return types.contains(fsType);
}

} // namespace

QString visibilityName(Visibility v)
{
    switch (v) {
    case Visibility::Visible:
        break;
    case Visibility::Overmounted:
        return QStringLiteral("overmounted");
    case Visibility::Shadowed:
        return QStringLiteral("shadowed");
    case Visibility::Stacked:
        return QStringLiteral("stacked");
    }
    return QStringLiteral("visible");
}

QString visibilityDisplayName(Visibility v)
{
    switch (v) {
    case Visibility::Visible:
        break;
    case Visibility::Overmounted:
        return CoreTr::tr("overmounted");
    case Visibility::Shadowed:
        return CoreTr::tr("shadowed");
    case Visibility::Stacked:
        return CoreTr::tr("stacked (nothing hidden)");
    }
    return CoreTr::tr("visible");
}

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

bool isPathPrefix(QByteArrayView prefix, QByteArrayView path)
{
    if (prefix.isEmpty())
        return false;
    if (prefix == "/")
        return true;
    if (!path.startsWith(prefix))
        return false;
    return path.size() == prefix.size() || path.at(prefix.size()) == '/' || prefix.endsWith('/');
}

MountTree MountTree::build(QList<MountEntry> mounts, const QString &dockerRoot)
{
    MountTree t;
    t.m_mounts = std::move(mounts);
    t.m_dockerRoot = stripTrailingSlashes(dockerRoot);
    const int n = t.size();

    t.m_points.reserve(n);
    for (const MountEntry &m : std::as_const(t.m_mounts))
        t.m_points.append(m.mountPointPath());

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
    t.m_readerRoot.resize(n, 0);
    t.m_atPoint.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int p = t.m_parent[i];
        if (p < 0) {
            t.m_roots.append(i);
            t.m_readerRoot[i] = t.m_points.at(i) == "/";
            continue;
        }
        t.m_children[p].append(i);
        // One index for all parents: (parent, mount point) -> its children there, chained in file order.
        PointChildren &at = t.m_atPoint[ChildAt{p, t.m_points.at(i)}];
        if (at.first < 0)
            at.first = i;
        else
            t.m_nextAtPoint[at.last] = i;
        at.last = i;
    }

    t.computeCovers();
    t.computeVisibility();

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

// The innermost cover of every mount (see the header for the rules). Only the innermost one is kept:
// every outer cover hides that one too and is reached by following the covers from it. Kept in full, the
// cover lists would grow quadratically with N mounts on one point (hostile input).
//   overmount(x): the earliest child of x at x's own mount point (none for the reader's root: a lookup
//                 does not cross a mount on it);
//   sibling(x):   the innermost child of parent(x) that hides x at that level (longest prefix first,
//                 at x's own mount point only later ones; never a child of the reader's root at "/");
//   above(x):     sibling(x), else above(parent(x)); memoized, parents before children. For a mount on
//                 the reader's root at "/": that root.
//   covering(x) = overmount(x), else above(x).
void MountTree::computeCovers()
{
    const int n = size();
    QList<qsizetype> prefixes;
    auto overmount = [this](int x) { return m_readerRoot.at(x) ? -1 : childrenAt(x, m_points.at(x)).first; };
    auto onReaderRoot = [this](int x) {
        const int p = m_parent.at(x);
        return p >= 0 && m_readerRoot.at(p) && m_points.at(x) == "/";
    };
    auto sibling = [this, &prefixes, &overmount](int x) {
        const int a = m_parent.at(x);
        // A parent with x as its only child cannot hide x (the common case: most mounts are leaves).
        if (a < 0 || m_children.at(a).size() < 2)
            return -1;
        const QByteArrayView point = m_points.at(x);
        prefixLengthsLongestFirst(point, prefixes);
        for (qsizetype len : prefixes) {
            if (len == point.size()) {
                // x is in this chain (file order): the first one after x hides it.
                if (m_nextAtPoint.at(x) >= 0)
                    return m_nextAtPoint.at(x);
                continue;
            }
            if (len == 1 && m_readerRoot.at(a))
                continue; // mounts on the reader's root: the reader does not see them
            if (const int first = childrenAt(a, point.first(len)).first; first >= 0)
                return first;
        }
        // An overmount of the parent whose mount point is not a prefix of x's (x mounted outside its
        // parent's path: only in odd or hostile input) still hides everything in the parent.
        if (!isPathPrefix(QByteArrayView(m_points.at(a)), QByteArrayView(m_points.at(x)))) {
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
            for (int x = i; x >= 0 && !done.at(x); x = m_parent.at(x))
                pending.append(x);
            for (auto it = pending.crbegin(); it != pending.crend(); ++it) {
                const int x = *it;
                const int p = m_parent.at(x);
                if (onReaderRoot(x)) {
                    above[x] = p;
                } else {
                    const int s = sibling(x);
                    above[x] = s >= 0 ? s : (p >= 0 ? above.at(p) : -1);
                }
                done[x] = 1;
            }
        }
    }
    m_covering.resize(n, -1);
    for (int i = 0; i < n; ++i) {
        const int over = overmount(i);
        m_covering[i] = over >= 0 ? over : above.at(i);
    }
}

// An autofs under its target, or a kernel view under a new instance of itself (see the header).
bool MountTree::stackedOnPurpose(int index, int cover) const
{
    if (m_points.at(cover) != m_points.at(index))
        return false;
    const MountEntry &m = m_mounts.at(index);
    const MountEntry &c = m_mounts.at(cover);
    if (m.fsType == QLatin1String("autofs"))
        return m_parent.at(cover) == index; // the automount's target
    return m.fsType == c.fsType && isKernelView(m.fsType);
}

// True when `reached`, the mount the reader reaches at index's mount point, shows there the very directory
// index shows: the same device, and reached's root plus the rest of the path is index's root.
bool MountTree::showsSameDirectory(int index, int reached) const
{
    const MountEntry &m = m_mounts.at(index);
    const MountEntry &r = m_mounts.at(reached);
    if (m.major != r.major || m.minor != r.minor || !isPathPrefix(m_points.at(reached), m_points.at(index)))
        return false;
    const QByteArray &point = m_points.at(index);
    const QByteArrayView rest =
        QByteArrayView(point).sliced(m_points.at(reached) == "/" ? 0 : m_points.at(reached).size());
    const QByteArray rootOfReached = r.rootPath();
    const QByteArray shown = rootOfReached == "/" ? (rest.isEmpty() ? QByteArray("/") : rest.toByteArray())
                                                  : rootOfReached + rest.toByteArray();
    return shown == m.rootPath();
}

// Visible, Overmounted or Shadowed from the covers; then the hidden ones that are not hidden after all
// (Stacked, see the header): those whose place shows their own directory, then the stacks on purpose.
// Stacks are resolved top down without recursion (a tall stack in hostile input), and a cycle of covers
// (hostile input only) counts as hidden.
void MountTree::computeVisibility()
{
    const int n = size();
    m_visibility.resize(n, Visibility::Visible);
    m_stackedUnder.resize(n, -1);
    for (int i = 0; i < n; ++i) {
        const int c = m_covering.at(i);
        if (c >= 0) {
            const bool over = m_parent.at(c) == i && m_points.at(c) == m_points.at(i);
            m_visibility[i] = over ? Visibility::Overmounted : Visibility::Shadowed;
        }
    }

    // The same directory reached at the place: only a device mounted more than once can show it (overlays,
    // most of a docker host's mounts, each have their own), so the lookups are few. One lookup per mount
    // point, and at most kDeepest mounts down: a place deeper than that (a tall stack of binds, hostile
    // nesting) is not looked at and stays hidden, which keeps the analysis O(n * path components).
    constexpr int kDeepest = 64;
    QHash<QByteArrayView, int> reachedAt;
    QHash<quint64, int> mountsPerDevice;
    mountsPerDevice.reserve(n);
    auto device = [this](int i) { return quint64(m_mounts.at(i).major) << 32 | m_mounts.at(i).minor; };
    for (int i = 0; i < n; ++i)
        ++mountsPerDevice[device(i)];
    for (int i = 0; i < n; ++i) {
        if (!lw::isHidden(m_visibility.at(i)) || mountsPerDevice.value(device(i)) < 2)
            continue;
        const QByteArrayView point = m_points.at(i);
        auto known = reachedAt.constFind(point);
        if (known == reachedAt.cend())
            known = reachedAt.insert(point, resolveWithin(point, kDeepest));
        const int reached = *known;
        if (reached >= 0 && reached != i && showsSameDirectory(i, reached)) {
            m_visibility[i] = Visibility::Stacked;
            m_stackedUnder[i] = reached;
        }
    }

    QList<char> state(m_mounts.size(), 0); // 0 new, 1 on the current stack, 2 done
    QList<int> stack;
    for (int i = 0; i < n; ++i) {
        stack.clear();
        int x = i;
        while (state.at(x) == 0 && lw::isHidden(m_visibility.at(x)) &&
               stackedOnPurpose(x, m_covering.at(x))) {
            state[x] = 1;
            stack.append(x);
            x = m_covering.at(x);
        }
        const bool topHidden = state.at(x) == 1 || lw::isHidden(m_visibility.at(x)); // a cycle, or hidden
        state[x] = 2;
        for (int y : std::as_const(stack)) {
            if (!topHidden) {
                m_visibility[y] = Visibility::Stacked;
                m_stackedUnder[y] = m_covering.at(y);
            }
            state[y] = 2;
        }
    }
}

MountTree::PointChildren MountTree::childrenAt(int parent, QByteArrayView point) const
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
    return isHidden(index) ? m_covering.at(index) : -1;
}

int MountTree::stackedUnder(int index) const
{
    return index >= 0 && index < size() ? m_stackedUnder.at(index) : -1;
}

const QByteArray &MountTree::mountPointBytes(int index) const
{
    static const QByteArray none;
    return index >= 0 && index < size() ? m_points.at(index) : none;
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
    // A Stacked cover is followed to what is stacked on it: that is what shows at the place.
    for (int c = coveringMount(index); c >= 0 && c != index && !chain.contains(c) && chain.size() < maxChain;
         c = m_covering.at(c))
        chain.append(c);
    return chain;
}

QList<int> MountTree::hiddenMounts() const
{
    QList<int> result;
    for (int i = 0; i < size(); ++i) {
        if (lw::isHidden(m_visibility.at(i)))
            result.append(i);
    }
    return result;
}

QString MountTree::layerId(int index) const
{
    return index >= 0 && index < size() ? m_layerIds.at(index) : QString();
}

int MountTree::resolvePath(const QString &path) const
{
    return resolvePath(QByteArrayView(path.toUtf8()));
}

int MountTree::resolvePath(QByteArrayView path) const
{
    return resolveWithin(path, size());
}

// resolvePath() that goes at most maxSteps mounts down from the root; -2 when that was not enough.
int MountTree::resolveWithin(QByteArrayView path, int maxSteps) const
{
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (!path.startsWith('/'))
        return -1; // mount points are absolute; a relative path has no place in the table
    // Several roots only occur in partial or odd tables; the most specific one is taken as the start.
    // Below it, among children competing at one level the shortest mount point hides the longer ones,
    // and at an equal mount point the latest wins. Nothing stacked on the reader's root is entered.
    int cur = -1;
    for (int r : m_roots) {
        const QByteArray &point = m_points.at(r);
        if (!isPathPrefix(QByteArrayView(point), path))
            continue;
        if (cur < 0 || point.size() >= m_points.at(cur).size())
            cur = r;
    }
    for (int steps = 0; cur >= 0; ++steps) {
        if (steps == maxSteps)
            return maxSteps < size() ? -2 : cur; // size() steps (resolvePath()): as many as there are mounts
        if (m_children.at(cur).isEmpty())
            break;
        // Prefixes of path from cur's own mount point (an overmount) to the whole path, shortest first, each
        // looked up as it is found: a step costs what it reads of the path, not the whole path.
        const QByteArray &curPoint = m_points.at(cur);
        const qsizetype curLength = curPoint == "/" ? 1 : curPoint.size();
        const bool under = isPathPrefix(QByteArrayView(curPoint), path);
        int next = -1;
        qsizetype tried = -1;
        auto lookUp = [&](qsizetype length) {
            tried = length;
            next = childrenAt(cur, path.first(length)).last;
            return next >= 0;
        };
        if (!(under && !m_readerRoot.at(cur) && lookUp(curLength))) {
            for (qsizetype i = under ? curLength + 1 : 1; i < path.size(); ++i) {
                if (path.at(i) == '/' && lookUp(i))
                    break;
            }
            if (next < 0 && tried != path.size() && !(path == "/" && m_readerRoot.at(cur)))
                lookUp(path.size());
        }
        if (next < 0)
            break;
        cur = next;
    }
    return cur;
}

} // namespace lw
