#include "mounttablemodel.h"

#include "mountinfo.h"
#include "mounttree.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

using lw::gui::MountFilterProxy;
using lw::gui::MountTableModel;

namespace {

lw::MountTree seedTree()
{
    QFile file(QFINDTESTDATA("../core/data/mountinfo/seed-covered.mountinfo"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("seed fixture missing");
    return lw::MountTree::build(lw::parseMountInfo(file.readAll()).mounts);
}

// IDs chosen so that text order (100 < 25 < 7) differs from number order (7 < 25 < 100).
lw::MountTree smallTree()
{
    const QByteArray text = "7 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                            "25 7 8:2 / /data rw - ext4 /dev/sda2 rw\n"
                            "100 7 0:40 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay "
                            "rw,lowerdir=/l1,upperdir=/u,workdir=/w\n"
                            "3 7 8:3 / /var/lib/docker/overlay2 rw - xfs /dev/sdb1 rw\n";
    return lw::MountTree::build(lw::parseMountInfo(text).mounts);
}

QList<int> column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QList<int> values;
    for (int r = 0; r < model.rowCount(); ++r)
        values.append(model.index(r, col).data(role).toInt());
    return values;
}

} // namespace

class TestMountTableModel : public QObject
{
    Q_OBJECT

private slots:
    void modelTesterAcrossResets();
    void columnsShowTheMount();
    void numbersSortAsNumbers();
    void hiddenFirstAndHiddenOnly();
    void allowedIdsRestrictRows();
};

void TestMountTableModel::modelTesterAcrossResets()
{
    MountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    MountFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const lw::MountTree tree = seedTree();
    model.setTree(tree);
    QCOMPARE(model.rowCount(), tree.size());
    QCOMPARE(model.columnCount(), int(MountTableModel::ColumnCount));
    proxy.sort(MountTableModel::Id);
    proxy.setHiddenOnly(true);
    model.setTree(smallTree());
    QCOMPARE(model.rowCount(), 4);
    model.setTree(lw::MountTree());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestMountTableModel::columnsShowTheMount()
{
    MountTableModel model;
    const lw::MountTree tree = smallTree();
    model.setTree(tree);
    const int row = model.rowOfMountId(100);
    QVERIFY(row >= 0);
    auto cell = [&](int col, int role = Qt::DisplayRole) { return model.index(row, col).data(role); };
    QCOMPARE(cell(MountTableModel::Id).toInt(), 100);
    QCOMPARE(cell(MountTableModel::Parent).toInt(), 7);
    QCOMPARE(cell(MountTableModel::MountPoint).toString(),
             QStringLiteral("/var/lib/docker/overlay2/abc/merged"));
    QCOMPARE(cell(MountTableModel::FsType).toString(), QStringLiteral("overlay"));
    QCOMPARE(cell(MountTableModel::Source).toString(), QStringLiteral("overlay"));
    QCOMPARE(cell(MountTableModel::Visibility).toString(), QStringLiteral("shadowed"));
    QCOMPARE(cell(MountTableModel::CoveredBy).toString(), QStringLiteral("3"));
    QCOMPARE(cell(MountTableModel::CoveredBy, MountTableModel::SortRole).toInt(), 3);
    QCOMPARE(cell(MountTableModel::LayerId).toString(), QStringLiteral("abc"));
    QVERIFY(cell(0, MountTableModel::HiddenRole).toBool());
    QVERIFY(cell(MountTableModel::CoveredBy, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("/var/lib/docker/overlay2")));

    const int rootRow = model.rowOfMountId(7);
    QCOMPARE(model.index(rootRow, MountTableModel::Visibility).data().toString(), QStringLiteral("visible"));
    QCOMPARE(model.index(rootRow, MountTableModel::CoveredBy).data().toString(), QString());
    QCOMPARE(model.index(rootRow, MountTableModel::CoveredBy, {}).data(MountTableModel::SortRole).toInt(),
             -1);
    QVERIFY(!model.index(rootRow, 0).data(MountTableModel::HiddenRole).toBool());
    QCOMPARE(model.headerData(MountTableModel::MountPoint, Qt::Horizontal).toString(),
             QStringLiteral("Mount point"));
    QCOMPARE(model.rowOfMountId(12345), -1);
}

void TestMountTableModel::numbersSortAsNumbers()
{
    MountTableModel model;
    model.setTree(smallTree());
    MountFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(MountTableModel::Id, Qt::AscendingOrder);
    QCOMPARE(column(proxy, MountTableModel::Id), (QList<int>{3, 7, 25, 100}));
    proxy.sort(MountTableModel::Id, Qt::DescendingOrder);
    QCOMPARE(column(proxy, MountTableModel::Id), (QList<int>{100, 25, 7, 3}));
    proxy.sort(MountTableModel::Parent, Qt::AscendingOrder);
    QCOMPARE(column(proxy, MountTableModel::Parent).first(), 1);
}

void TestMountTableModel::hiddenFirstAndHiddenOnly()
{
    const lw::MountTree tree = seedTree();
    const QList<int> hidden = tree.hiddenMounts();
    QVERIFY(!hidden.isEmpty());
    MountTableModel model;
    model.setTree(tree);
    MountFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(MountTableModel::Visibility, Qt::AscendingOrder);
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const bool isHidden = proxy.index(r, 0).data(MountTableModel::HiddenRole).toBool();
        QCOMPARE(isHidden, r < hidden.size());
    }
    proxy.setHiddenOnly(true);
    QCOMPARE(proxy.rowCount(), int(hidden.size()));
    QVERIFY(proxy.hiddenOnly());
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, MountTableModel::CoveredBy).data().toString(), QStringLiteral("950"));
    proxy.setHiddenOnly(false);
    QCOMPARE(proxy.rowCount(), tree.size());
}

void TestMountTableModel::allowedIdsRestrictRows()
{
    MountTableModel model;
    model.setTree(smallTree());
    MountFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setAllowedIds({7, 100}, true);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.sort(MountTableModel::Id);
    QCOMPARE(column(proxy, MountTableModel::Id), (QList<int>{7, 100}));
    proxy.setAllowedIds({}, false);
    QCOMPARE(proxy.rowCount(), 4);
}

QTEST_MAIN(TestMountTableModel)
#include "tst_mounttablemodel.moc"
