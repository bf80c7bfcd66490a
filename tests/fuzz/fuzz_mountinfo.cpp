// libFuzzer target: parseMountInfo, MountTree::build and every query on the result must neither crash,
// hang nor break the tree's invariants on any input.
#include "mounttree.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const lw::MountInfo info =
        lw::parseMountInfo(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    int lastLine = 0;
    for (const lw::MountEntry &e : info.mounts) {
        check(e.line > lastLine);
        lastLine = e.line;
        check(!e.mountPoint.isEmpty());
        check(!e.rawLine.contains(u'\n'));
        const lw::OverlayOptions o = lw::parseOverlayOptions(e.superOptions);
        (void)o;
    }
    for (const lw::ParseError &err : info.errors)
        check(err.line >= 1 && !err.message.isEmpty());

    const lw::MountTree tree = lw::MountTree::build(info.mounts, QStringLiteral("/var/lib/docker"));
    const int n = tree.size();
    check(n == int(info.mounts.size()));
    int rootCount = 0;
    for (int i = 0; i < n; ++i) {
        // Every parent chain ends at a root within n steps (cycles were broken).
        int steps = 0;
        for (int p = tree.parentIndex(i); p >= 0; p = tree.parentIndex(p))
            check(++steps <= n);
        rootCount += tree.parentIndex(i) < 0 ? 1 : 0;
        for (int c : tree.children(i))
            check(tree.parentIndex(c) == i);
        const QList<int> chain = tree.coverChain(i);
        check(chain.size() < n || n == 0);
        check(!chain.contains(i));
        const int cover = tree.coveringMount(i);
        check((cover < 0) == !tree.isHidden(i));
        check((tree.stackedUnder(i) >= 0) == (tree.visibility(i) == lw::Visibility::Stacked));
        check(cover < 0 || (!chain.isEmpty() && chain.first() == cover));
        const QString &point = tree.mounts().at(i).mountPoint;
        const int resolved = tree.resolvePath(point);
        check(resolved >= -1 && resolved < n);
        if (resolved >= 0)
            check(lw::isPathPrefix(tree.mounts().at(resolved).mountPoint, point));
        (void)tree.layerId(i);
    }
    check(rootCount == int(tree.roots().size()));
    check(n == 0 || rootCount > 0);
    return 0;
}
