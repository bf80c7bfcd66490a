#include "fleetfilterproxy.h"
#include "fleetmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace lw;
using namespace lw::gui;

namespace {

HostRow row(const QString &host, int covered, double usage, std::optional<Severity> worst,
            const QStringList &ids, const QStringList &tags = {}, HostStatus status = HostStatus::Ok)
{
    auto snapshot = std::make_shared<HostSnapshot>();
    snapshot->host = host;
    auto analysis = std::make_shared<Analysis>();
    for (const QString &id : ids) {
        Finding f;
        f.id = id;
        f.severity = worst.value_or(Severity::Info);
        f.title = QStringLiteral("title of ") + id;
        analysis->findings.append(f);
    }
    HostRow r = makeHostRow(host, tags, status, snapshot, analysis);
    r.coveredMounts = covered;
    r.rootSize = 1000;
    r.rootUsed = qint64(usage * 1000);
    r.rootAvailable = r.rootSize - r.rootUsed;
    r.lastProbe = QDateTime::currentDateTimeUtc();
    return r;
}

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values.append(model.index(r, col).data(role).toString());
    return values;
}

} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT

private slots:
    void insertBatches();
    void updatesCollapseToRanges();
    void sortNumbersAsNumbers();
    void worstFirstPutsFailedHostsAboveHealthy();
    void filters();
    void removeAndStatus();
    void makeHostRowFromSnapshot();
    void twoThousandHosts();
};

void TestFleetModel::insertBatches()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.addHosts({{QStringLiteral("a"), {QStringLiteral("prod")}}, {QStringLiteral("b"), {}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(0, FleetModel::Status).data().toString(), QStringLiteral("not probed"));

    // One batch with known and new hosts: one insertion for all new ones, known ones updated in place.
    model.upsertRows(
        {row(QStringLiteral("a"), 0, 0.5, std::nullopt, {}),
         row(QStringLiteral("c"), 3, 0.2, Severity::Critical, {QStringLiteral("shadowed-overlay-mounts")}),
         row(QStringLiteral("d"), 0, 0.1, std::nullopt, {})});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 2);
    QCOMPARE(inserted.last().at(2).toInt(), 3);
    QCOMPARE(model.rowOfHost(QStringLiteral("c")), 2);
    // The update had no tags: the inventory's tags stay.
    QCOMPARE(model.index(0, FleetModel::Tags).data().toString(), QStringLiteral("prod"));
    QCOMPARE(model.index(2, FleetModel::CoveredMounts).data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(2, FleetModel::Host).data(FleetModel::SeverityRole).toInt(),
             int(Severity::Critical));
    QVERIFY(!model.index(2, FleetModel::Host).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.index(2, FleetModel::WorstFinding)
                .data()
                .toString()
                .contains(QStringLiteral("title of shadowed-overlay-mounts")));
}

void TestFleetModel::updatesCollapseToRanges()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<HostRow> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(row(QStringLiteral("h%1").arg(i), 0, 0.1, std::nullopt, {}));
    model.upsertRows(rows);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Rows 2,3,4 and 7,8: two ranges, not five signals.
    model.upsertRows({row(QStringLiteral("h3"), 1, 0.1, std::nullopt, {}),
                      row(QStringLiteral("h2"), 1, 0.1, std::nullopt, {}),
                      row(QStringLiteral("h8"), 1, 0.1, std::nullopt, {}),
                      row(QStringLiteral("h4"), 1, 0.1, std::nullopt, {}),
                      row(QStringLiteral("h7"), 1, 0.1, std::nullopt, {})});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 4);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), FleetModel::ColumnCount - 1);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 7);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 8);
    QCOMPARE(model.rowCount(), 10);
}

void TestFleetModel::sortNumbersAsNumbers()
{
    FleetModel model;
    FleetFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsertRows({row(QStringLiteral("web10"), 9, 0.91, std::nullopt, {}),
                      row(QStringLiteral("web2"), 10, 0.095, std::nullopt, {}),
                      row(QStringLiteral("web1"), 100, 0.5, std::nullopt, {})});
    proxy.sort(FleetModel::CoveredMounts, Qt::AscendingOrder);
    QCOMPARE(column(proxy, FleetModel::CoveredMounts),
             QStringList({QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("100")}));
    proxy.sort(FleetModel::DockerRootUsage, Qt::DescendingOrder);
    QCOMPARE(column(proxy, FleetModel::Host),
             QStringList({QStringLiteral("web10"), QStringLiteral("web1"), QStringLiteral("web2")}));
    // Host names in natural order: web2 before web10.
    proxy.sort(FleetModel::Host, Qt::AscendingOrder);
    QCOMPARE(column(proxy, FleetModel::Host),
             QStringList({QStringLiteral("web1"), QStringLiteral("web2"), QStringLiteral("web10")}));
    // Sorting stays live when rows change (dynamic sort).
    proxy.sort(FleetModel::CoveredMounts, Qt::AscendingOrder);
    model.upsertRows({row(QStringLiteral("web1"), 1, 0.5, std::nullopt, {})});
    QCOMPARE(column(proxy, FleetModel::Host).constFirst(), QStringLiteral("web1"));
}

// #19: "worst first" (the default order) must not hide a host the admin has to act on below healthy ones.
void TestFleetModel::worstFirstPutsFailedHostsAboveHealthy()
{
    FleetModel model;
    FleetFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto failed = [](const QString &host, HostStatus status) {
        HostRow r = makeHostRow(host, {}, status, nullptr, nullptr);
        r.lastProbe = QDateTime::currentDateTimeUtc();
        return r;
    };
    model.addHosts({{QStringLiteral("never"), {}}});
    model.upsertRows({
        row(QStringLiteral("healthy"), 0, 0.5, std::nullopt, {}),
        failed(QStringLiteral("auth"), HostStatus::AuthFailed),
        row(QStringLiteral("warn"), 0, 0.5, Severity::Warning, {QStringLiteral("redirect-dir-disabled")}),
        failed(QStringLiteral("key-changed"), HostStatus::HostKeyChanged),
        row(QStringLiteral("covered"), 2, 0.5, Severity::Critical,
            {QStringLiteral("shadowed-overlay-mounts")}),
        failed(QStringLiteral("down"), HostStatus::Unreachable),
        row(QStringLiteral("info"), 0, 0.5, Severity::Info, {QStringLiteral("index-disabled")}),
        failed(QStringLiteral("stopped"), HostStatus::Cancelled),
    });
    proxy.sort(FleetModel::WorstFinding, Qt::DescendingOrder);
    const QStringList order = column(proxy, FleetModel::Host);
    QCOMPARE(order.mid(0, 5),
             QStringList({QStringLiteral("key-changed"), QStringLiteral("covered"), QStringLiteral("auth"),
                          QStringLiteral("down"), QStringLiteral("warn")}));
    QCOMPARE(order.at(5), QStringLiteral("info"));
    QCOMPARE(order.last(), QStringLiteral("never"));
    QVERIFY(order.indexOf(QStringLiteral("auth")) < order.indexOf(QStringLiteral("healthy")));
    // A host with covered mounts whose re-probe failed stays with the critical ones (its last known state).
    HostRow stale = model.hostRow(model.rowOfHost(QStringLiteral("covered")));
    stale.status = HostStatus::Timeout;
    model.upsertRows({stale});
    QCOMPARE(column(proxy, FleetModel::Host).at(1), QStringLiteral("covered"));
}

void TestFleetModel::filters()
{
    FleetModel model;
    FleetFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsertRows({
        row(QStringLiteral("db1"), 4, 0.5, Severity::Critical,
            {QStringLiteral("shadowed-overlay-mounts"), QStringLiteral("index-disabled")},
            {QStringLiteral("prod"), QStringLiteral("db")}),
        row(QStringLiteral("web1"), 0, 0.5, Severity::Warning, {QStringLiteral("redirect-dir-disabled")},
            {QStringLiteral("prod")}),
        row(QStringLiteral("web2"), 0, 0.5, Severity::Info, {QStringLiteral("index-disabled")},
            {QStringLiteral("staging")}),
        row(QStringLiteral("ok1"), 0, 0.5, std::nullopt, {}, {QStringLiteral("staging")}),
    });
    HostRow down;
    down.host = QStringLiteral("down1");
    down.status = HostStatus::Unreachable;
    model.upsertRows({down});
    QCOMPARE(proxy.rowCount(), 5);

    proxy.setFindingIdFilter(QStringLiteral("index-disabled"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setTagFilter(QStringLiteral("prod"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("db1"));
    proxy.clearFilters();

    proxy.setMinimumSeverity(Severity::Warning);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMinimumSeverity(Severity::Critical);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMinimumSeverity(std::nullopt);

    proxy.setStatusFilter(FleetFilterProxy::AnyFailure);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("down1"));
    proxy.setStatusFilter(QStringLiteral("ok"));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setStatusFilter(QString());

    // Free text: every word must match something (host, tag, finding ID, ...), case-insensitively.
    proxy.setSearchText(QStringLiteral("STAGING index"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("web2"));
    proxy.setSearchText(QStringLiteral("shadowed"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), 5);

    // A filtered-out host that changes to match appears.
    proxy.setFindingIdFilter(QStringLiteral("low-space-copy-up"));
    QCOMPARE(proxy.rowCount(), 0);
    model.upsertRows(
        {row(QStringLiteral("ok1"), 0, 0.97, Severity::Warning, {QStringLiteral("low-space-copy-up")})});
    QCOMPARE(proxy.rowCount(), 1);
}

void TestFleetModel::removeAndStatus()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<QPair<QString, QStringList>> hosts;
    for (int i = 0; i < 8; ++i)
        hosts.append({QStringLiteral("h%1").arg(i), {}});
    model.addHosts(hosts);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeHosts(
        {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h5"), QStringLiteral("nope")});
    QCOMPARE(removed.size(), 2); // two contiguous ranges
    QCOMPARE(model.hosts(), QStringList({QStringLiteral("h0"), QStringLiteral("h3"), QStringLiteral("h4"),
                                         QStringLiteral("h6"), QStringLiteral("h7")}));
    QCOMPARE(model.rowOfHost(QStringLiteral("h6")), 3);
    model.setStatus({QStringLiteral("h6")}, HostStatus::Probing);
    QCOMPARE(model.index(3, FleetModel::Status).data(FleetModel::StatusRole).toString(),
             QStringLiteral("probing"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfHost(QStringLiteral("h0")), -1);
}

void TestFleetModel::makeHostRowFromSnapshot()
{
    auto s = std::make_shared<HostSnapshot>();
    s->host = QStringLiteral("x");
    s->kernelRelease.status = ProbeStatus::Ok;
    s->kernelRelease.value.valid = true;
    s->kernelRelease.value.text = QStringLiteral("3.10.0-1160.el7.x86_64");
    s->kernelRelease.value.major = 3;
    s->kernelRelease.value.minor = 10;
    s->kernelRelease.value.distroBuild = 1160;
    s->daemonJson.status = ProbeStatus::Ok;
    s->daemonJson.value.valid = true;
    s->daemonJson.value.storageDriver = QStringLiteral("overlay2");
    s->dockerStorage.status = ProbeStatus::Ok;
    s->dockerStorage.value.flags.storageDriver = QStringLiteral("overlay2");
    s->overlayParams.status = ProbeStatus::Ok;
    s->overlayParams.value.values.insert(QStringLiteral("redirect_dir"), QStringLiteral("N"));
    const HostRow r = makeHostRow(QStringLiteral("x"), {}, HostStatus::Ok, s, std::make_shared<Analysis>());
    QCOMPARE(r.kernel, QStringLiteral("3.10.0-1160.el7.x86_64"));
    QCOMPARE(r.driverConfigured, QStringLiteral("overlay2"));
    QCOMPARE(r.driverSources, QStringList({QStringLiteral("/etc/docker/daemon.json"),
                                           QStringLiteral("/etc/sysconfig/docker-storage")}));
    QCOMPARE(r.redirectDir, std::optional<bool>(false));
    QVERIFY(!r.dType.has_value()); // docker info not collected: unknown, not "no"
    QCOMPARE(r.coveredMounts, -1);
    FleetModel model;
    model.upsertRows({r});
    QCOMPARE(model.index(0, FleetModel::DType).data().toString(), QStringLiteral("unknown"));
    QCOMPARE(model.index(0, FleetModel::RedirectDir).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.index(0, FleetModel::DriverConfigured).data().toString(),
             QStringLiteral("overlay2 (/etc/docker/daemon.json + /etc/sysconfig/docker-storage)"));
}

void TestFleetModel::twoThousandHosts()
{
    FleetModel model;
    FleetFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(FleetModel::DockerRootUsage, Qt::DescendingOrder);
    QList<HostRow> all;
    for (int i = 0; i < 2000; ++i)
        all.append(row(QStringLiteral("host-%1").arg(i), i % 7, (i % 97) / 100.0,
                       i % 3 ? std::optional<Severity>() : Severity::Warning,
                       i % 3 ? QStringList() : QStringList{QStringLiteral("low-space-copy-up")}));
    QElapsedTimer timer;
    timer.start();
    // 20 batches of 100, as a sweep delivers them.
    for (int b = 0; b < 20; ++b)
        model.upsertRows(all.mid(b * 100, 100));
    const qint64 insertMs = timer.elapsed();
    timer.restart();
    for (int b = 0; b < 20; ++b)
        model.upsertRows(all.mid(b * 100, 100)); // a second sweep: updates only
    const qint64 updateMs = timer.elapsed();
    timer.restart();
    proxy.setSearchText(QStringLiteral("host-19"));
    const qint64 filterMs = timer.elapsed();
    qInfo("2000 hosts, sorted proxy: insert %lld ms, update %lld ms, filter %lld ms", insertMs, updateMs,
          filterMs);
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(proxy.rowCount(), 111); // host-19, host-190..199, host-1900..1999
    QVERIFY(insertMs < 2000);
    QVERIFY(updateMs < 2000);
}

QTEST_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
