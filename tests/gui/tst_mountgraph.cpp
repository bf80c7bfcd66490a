#include "mountgraphview.h"

#include "mountinfo.h"
#include "mounttree.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QWheelEvent>

using lw::gui::MountGraphView;

namespace {

lw::MountTree treeFromFile(const QString &path, const QString &dockerRoot = QStringLiteral("/var/lib/docker"))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(path));
    return lw::MountTree::build(lw::parseMountInfo(file.readAll()).mounts, dockerRoot);
}

// A docker host with n mounts: the usual system mounts, n-12 container overlays, and - last - an ext4 mount
// on /var/lib/docker/overlay2 that covers every overlay mounted before it (the seed's failure).
QByteArray syntheticMountInfo(int n)
{
    QByteArray text;
    text += "1 0 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n";
    text += "2 1 0:21 / /sys rw shared:2 - sysfs sysfs rw\n";
    text += "3 1 0:22 / /proc rw shared:3 - proc proc rw\n";
    text += "4 1 0:5 / /dev rw shared:4 - devtmpfs udev rw\n";
    text += "5 4 0:23 / /dev/pts rw shared:5 - devpts devpts rw\n";
    text += "6 1 0:24 / /run rw shared:6 - tmpfs tmpfs rw\n";
    text += "7 2 0:25 / /sys/fs/cgroup rw shared:7 - cgroup2 cgroup2 rw\n";
    text += "8 1 254:2 / /boot rw shared:8 - ext4 /dev/vda2 rw\n";
    text += "9 1 254:3 / /var/lib/docker rw shared:9 - xfs /dev/vdb rw\n";
    text += "10 6 0:26 / /run/user/0 rw shared:10 - tmpfs tmpfs rw\n";
    text += "11 1 254:4 / /srv rw shared:11 - ext4 /dev/vdc rw\n";
    const int overlays = n - 12;
    for (int i = 0; i < overlays; ++i) {
        const QByteArray id = QByteArray::number(i, 16).rightJustified(64, '0');
        text += QByteArray::number(100 + i) + " 9 0:" + QByteArray::number(100 + i) +
                " / /var/lib/docker/overlay2/" + id +
                "/merged rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A" +
                id.left(8) + ":/var/lib/docker/overlay2/l/B,upperdir=/var/lib/docker/overlay2/" + id +
                "/diff,workdir=/var/lib/docker/overlay2/" + id + "/work\n";
    }
    text += "99999 9 253:0 / /var/lib/docker/overlay2 rw,relatime - ext4 /dev/mapper/dm-root rw\n";
    return text;
}

} // namespace

class TestMountGraph : public QObject
{
    Q_OBJECT

private slots:
    void oneNodePerMountAndParentEdges();
    void coveredNodesFlaggedAndLinkedToCover();
    void dockerRootFilterReducesNodes();
    void clickSelectsNodeAndEmits();
    void describeMountDecodesEveryField();
    void describeMountEscapesRemoteText();
    void zoomAndFit();
    void twoThousandMountsBuildFast();
    void clearEmptiesScene();
    void deepChainAndParentCycle();
};

void TestMountGraph::oneNodePerMountAndParentEdges()
{
    for (const char *name : {"seed-covered.mountinfo", "docker-host.mountinfo", "nested-covers.mountinfo"}) {
        const lw::MountTree tree =
            treeFromFile(QFINDTESTDATA(QStringLiteral("../core/data/mountinfo/") + QLatin1String(name)));
        QVERIFY2(tree.size() > 0, name);
        MountGraphView view;
        view.setTree(tree);
        QCOMPARE(view.nodeCount(), tree.size());
        int withParent = 0;
        for (int i = 0; i < tree.size(); ++i) {
            QVERIFY(view.hasNode(tree.mounts().at(i).id));
            withParent += tree.parentIndex(i) >= 0 ? 1 : 0;
        }
        QCOMPARE(view.edgeCount(), withParent);
        QVERIFY(withParent < tree.size()); // the root has no parent in the table
        // One graphics item per node, whatever else is drawn.
        int nodeItems = 0;
        for (QGraphicsItem *item : view.scene()->items())
            nodeItems += item->data(0).isValid() ? 1 : 0;
        QCOMPARE(nodeItems, tree.size());
    }
}

void TestMountGraph::coveredNodesFlaggedAndLinkedToCover()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    MountGraphView view;
    view.setTree(tree);

    const QList<int> hidden = tree.hiddenMounts();
    QVERIFY(!hidden.isEmpty());
    for (int index : hidden) {
        const int id = tree.mounts().at(index).id;
        QVERIFY2(view.isNodeCovered(id), qPrintable(QString::number(id)));
        QCOMPARE(view.coverOfNode(id), tree.mounts().at(tree.coveringMount(index)).id);
    }
    QCOMPARE(view.coverLinkCount(), int(hidden.size()));
    // The seed: the overlay at .../13e5c8.../merged (904) is hidden by the ext4 mount 950 on
    // /var/lib/docker/overlay2; the overlay mounted after it (951) is visible.
    QVERIFY(view.isNodeCovered(904));
    QCOMPARE(view.coverOfNode(904), 950);
    QVERIFY(!view.isNodeCovered(950));
    QVERIFY(!view.isNodeCovered(951));
    QCOMPARE(view.coverOfNode(951), -1);
    QVERIFY(!view.isNodeCovered(22));
}

void TestMountGraph::dockerRootFilterReducesNodes()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    MountGraphView view;
    view.setTree(tree);
    const int all = view.nodeCount();
    view.setDockerRootOnly(true);
    QVERIFY(view.dockerRootOnly());
    QVERIFY2(view.nodeCount() < all, qPrintable(QStringLiteral("%1 of %2").arg(view.nodeCount()).arg(all)));
    QVERIFY(view.hasNode(22));  // "/": the ancestor stays so the tree stays connected
    QVERIFY(view.hasNode(904)); // a hidden overlay under the docker root
    QVERIFY(view.hasNode(950)); // its cover
    QVERIFY(view.hasNode(951));
    QVERIFY(!view.hasNode(24)); // /proc is not docker's
    QCOMPARE(view.coverOfNode(904), 950);
    for (int id : view.shownMountIds()) {
        const int index = tree.indexOfId(id);
        const QString mp = tree.mounts().at(index).mountPoint;
        QVERIFY2(lw::isPathPrefix(mp, QStringLiteral("/var/lib/docker")) ||
                     lw::isPathPrefix(QStringLiteral("/var/lib/docker"), mp),
                 qPrintable(mp));
    }
    // Every node shown has its parent shown, or is a root.
    int edges = 0;
    for (int id : view.shownMountIds()) {
        const int parent = tree.parentIndex(tree.indexOfId(id));
        if (parent >= 0 && view.hasNode(tree.mounts().at(parent).id))
            ++edges;
    }
    QCOMPARE(view.edgeCount(), edges);
    QCOMPARE(edges, view.nodeCount() - 1);

    view.setDockerRootOnly(false);
    QCOMPARE(view.nodeCount(), all);
}

void TestMountGraph::clickSelectsNodeAndEmits()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    MountGraphView view;
    view.resize(900, 600);
    view.setTree(tree);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &MountGraphView::mountSelected);

    view.centerOn(view.nodeCenter(950));
    const QPoint pos = view.mapFromScene(view.nodeCenter(950));
    QVERIFY(view.viewport()->rect().contains(pos));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(view.selectedMount(), 950);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toInt(), 950);

    // Clicking empty space clears the selection.
    const QPoint empty = view.mapFromScene(view.nodeCenter(950) + QPointF(0, -1000));
    view.centerOn(view.nodeCenter(950) + QPointF(0, -1000));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.mapFromScene(view.nodeCenter(950) + QPointF(0, -1000)));
    Q_UNUSED(empty);
    QCOMPARE(view.selectedMount(), -1);
    QCOMPARE(spy.last().at(0).toInt(), -1);

    view.selectMount(904);
    QCOMPARE(view.selectedMount(), 904);
    QCOMPARE(spy.last().at(0).toInt(), 904);
}

void TestMountGraph::describeMountDecodesEveryField()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    const int index = tree.indexOfId(904);
    QVERIFY(index >= 0);
    const QString html = MountGraphView::describeMount(tree, index);
    QTextDocument doc;
    doc.setHtml(html);
    const QString text = doc.toPlainText();
    const lw::MountEntry &m = tree.mounts().at(index);
    QVERIFY(text.contains(m.mountPoint));
    QVERIFY(text.contains(QStringLiteral("shared:404")));
    QVERIFY(text.contains(QStringLiteral("rw,relatime")));
    QVERIFY(text.contains(QStringLiteral("/var/lib/docker/overlay2/l/E5C0CD7551405B351D7E497685")));
    QVERIFY(text.contains(QStringLiteral("/var/lib/docker/overlay2/l/986744B5A9040BD5BB392279CB")));
    QVERIFY(text.contains(QStringLiteral(
        "/var/lib/docker/overlay2/13e5c80a2cb759451513d80f7944f1fd979af53f95efeeaf8decfc9c66481dab/diff")));
    QVERIFY(text.contains(QStringLiteral(
        "/var/lib/docker/overlay2/13e5c80a2cb759451513d80f7944f1fd979af53f95efeeaf8decfc9c66481dab/work")));
    QVERIFY(text.contains(
        QStringLiteral("13e5c80a2cb759451513d80f7944f1fd979af53f95efeeaf8decfc9c66481dab"))); // layer ID
    QVERIFY(text.contains(QStringLiteral("/dev/mapper/dm-root"))); // the cover chain names the covering mount
    QVERIFY(text.contains(m.rawLine));
    QVERIFY(text.contains(QStringLiteral("0:56")));
    // The six lower directories, numbered in order.
    QVERIFY(text.indexOf(QStringLiteral("E5C0CD7551405B351D7E497685")) <
            text.indexOf(QStringLiteral("986744B5A9040BD5BB392279CB")));
    QVERIFY(text.contains(QStringLiteral("6. /var/lib/docker/overlay2/l/986744B5A9040BD5BB392279CB")));
    QVERIFY(MountGraphView::describeMount(tree, -1).isEmpty());
    QVERIFY(MountGraphView::describeMount(tree, tree.size()).isEmpty());
}

void TestMountGraph::describeMountEscapesRemoteText()
{
    // A hostile mount point: HTML in it must come out as text, and escapes decoded.
    const QByteArray text = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
                            "2 1 8:2 / /mnt/<b>bold</b>\\040dir rw - ext4 /dev/<script>x rw,opt=<i>\n";
    const lw::MountTree tree = lw::MountTree::build(lw::parseMountInfo(text).mounts);
    QCOMPARE(tree.size(), 2);
    const QString html = MountGraphView::describeMount(tree, 1);
    QVERIFY(!html.contains(QStringLiteral("<b>bold</b>")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QTextDocument doc;
    doc.setHtml(html);
    QVERIFY(doc.toPlainText().contains(QStringLiteral("/mnt/<b>bold</b> dir")));
    QVERIFY(doc.toPlainText().contains(QStringLiteral("/dev/<script>x")));
}

void TestMountGraph::zoomAndFit()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/docker-host.mountinfo"));
    MountGraphView view;
    view.resize(800, 500);
    view.setTree(tree);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.transform().m11(), 1.0);
    QTest::keyClick(view.viewport(), Qt::Key_Plus);
    QVERIFY(view.transform().m11() > 1.0);
    QTest::keyClick(&view, Qt::Key_0);
    QCOMPARE(view.transform().m11(), 1.0);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(view.transform().m11() < 1.0);

    // Ctrl+wheel zooms, a plain wheel does not.
    view.resetZoom();
    const QPoint centre = view.viewport()->rect().center();
    QWheelEvent up(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                   Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &up);
    QVERIFY(view.transform().m11() > 1.0);
    const double zoomed = view.transform().m11();
    QWheelEvent plain(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &plain);
    QCOMPARE(view.transform().m11(), zoomed);

    // F fits the whole graph: every node is inside the viewport afterwards.
    QTest::keyClick(&view, Qt::Key_F);
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    for (int i = 0; i < tree.size(); ++i)
        QVERIFY(visible.contains(view.nodeCenter(tree.mounts().at(i).id)));
}

void TestMountGraph::twoThousandMountsBuildFast()
{
    const lw::MountTree tree = lw::MountTree::build(lw::parseMountInfo(syntheticMountInfo(2000)).mounts);
    QCOMPARE(tree.size(), 2000);
    MountGraphView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setTree(tree);
    const qint64 buildMs = timer.elapsed();
    timer.restart();
    view.viewport()->repaint();
    const qint64 paintMs = timer.elapsed();
    timer.restart();
    view.fitAll();
    view.viewport()->repaint();
    const qint64 fitPaintMs = timer.elapsed();
    qInfo("2000 mounts: build %lld ms, paint %lld ms, fit+paint %lld ms", buildMs, paintMs, fitPaintMs);
    QCOMPARE(view.nodeCount(), 2000);
    QCOMPARE(view.edgeCount(), 1999);
    QCOMPARE(view.coverLinkCount(), 1988); // every overlay is hidden by the last mount
    QCOMPARE(view.coverOfNode(100), 99999);
    QVERIFY2(buildMs < 1000, qPrintable(QString::number(buildMs)));
    QVERIFY2(paintMs < 1000, qPrintable(QString::number(paintMs)));
    QVERIFY2(fitPaintMs < 1000, qPrintable(QString::number(fitPaintMs)));
    // The overlays are packed in a grid, not one tall column: the graph is not much taller than wide.
    const QRectF bounds = view.scene()->itemsBoundingRect();
    QVERIFY2(bounds.height() < 4 * bounds.width(),
             qPrintable(QStringLiteral("%1x%2").arg(bounds.width()).arg(bounds.height())));
}

void TestMountGraph::clearEmptiesScene()
{
    const lw::MountTree tree = treeFromFile(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    MountGraphView view;
    view.setTree(tree);
    view.selectMount(950);
    QSignalSpy spy(&view, &MountGraphView::mountSelected);
    view.clear();
    QCOMPARE(view.nodeCount(), 0);
    QCOMPARE(view.edgeCount(), 0);
    QVERIFY(view.scene()->items().isEmpty());
    QCOMPARE(view.selectedMount(), -1);
    QVERIFY(!spy.isEmpty());
}

void TestMountGraph::deepChainAndParentCycle()
{
    // 3,000 mounts each on top of the previous one's directory: a very deep tree lays out without trouble.
    QByteArray text = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n";
    QByteArray path;
    for (int i = 2; i <= 3000; ++i) {
        path += "/d";
        text += QByteArray::number(i) + ' ' + QByteArray::number(i - 1) + " 0:1 / " + path +
                " rw - tmpfs tmpfs rw\n";
    }
    // Two mounts that name each other as parent (corrupt input): drawn, not looped on.
    text += "5000 5001 0:2 / /x rw - tmpfs tmpfs rw\n5001 5000 0:3 / /y rw - tmpfs tmpfs rw\n";
    const lw::MountTree tree = lw::MountTree::build(lw::parseMountInfo(text).mounts);
    QCOMPARE(tree.size(), 3002);
    MountGraphView view;
    QElapsedTimer timer;
    timer.start();
    view.setTree(tree);
    const qint64 ms = timer.elapsed();
    qInfo("3000-deep chain: build %lld ms", ms);
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    QCOMPARE(view.nodeCount(), 3002);
    QVERIFY(view.nodeCenter(3000).x() > view.nodeCenter(2).x());
    // The cycle is drawn apart from the real tree, not on top of its root.
    QVERIFY(view.nodeCenter(5000) != view.nodeCenter(1));
    QVERIFY(view.nodeCenter(5001) != view.nodeCenter(1));
    QVERIFY(view.nodeCenter(5000) != view.nodeCenter(5001));
}

QTEST_MAIN(TestMountGraph)
#include "tst_mountgraph.moc"
