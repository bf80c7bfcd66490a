#include "inventory.h"

#include <QFile>
#include <QtTest>

using namespace lw;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QFINDTESTDATA(QString::fromLatin1("inventory/") + QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const InventoryHost *find(const Inventory &inventory, const QString &name)
{
    for (const InventoryHost &host : inventory.hosts) {
        if (host.name == name)
            return &host;
    }
    return nullptr;
}

} // namespace

class TestInventory : public QObject
{
    Q_OBJECT
private slots:
    void hostSpec_data();
    void hostSpec();
    void simple_fixture();
    void simple_errorsHaveLineNumbers();
    void ansible_fixture();
    void ansible_hostWithPortIsTheHost();
    void hostListStartingWithHostStaysAHostList();
    void sshConfigIncludesAreFollowed();
    void duplicatesMergedWithANote();
    void sshConfig_fixture();
    void detect_data();
    void detect();
};

void TestInventory::hostSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("plain") << "web1" << true << ""
                           << "web1" << 0;
    QTest::newRow("user port") << "root@10.0.0.5:2222" << true << "root"
                               << "10.0.0.5" << 2222;
    QTest::newRow("fqdn") << "ops@db.example.com" << true << "ops"
                          << "db.example.com" << 0;
    QTest::newRow("v6 bracket port") << "[::1]:22" << true << ""
                                     << "::1" << 22;
    QTest::newRow("v6 bracket") << "admin@[fe80::1%eth0]" << true << "admin"
                                << "fe80::1%eth0" << 0;
    QTest::newRow("v6 bare") << "2001:db8::7" << true << ""
                             << "2001:db8::7" << 0;
    QTest::newRow("port 0") << "h:0" << false << ""
                            << "" << 0;
    QTest::newRow("port big") << "h:70000" << false << ""
                              << "" << 0;
    QTest::newRow("port text") << "h:ssh" << false << ""
                               << "" << 0;
    QTest::newRow("shell") << "h;rm" << false << ""
                           << "" << 0;
    QTest::newRow("dollar") << "$(reboot)" << false << ""
                            << "" << 0;
    QTest::newRow("option") << "-oProxyCommand=x" << false << ""
                            << "" << 0;
    QTest::newRow("bad user") << "a b@h" << false << ""
                              << "" << 0;
    QTest::newRow("unclosed") << "[::1:22" << false << ""
                              << "" << 0;
}

void TestInventory::hostSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    InventoryHost parsed;
    QString error;
    QCOMPARE(parseHostSpec(spec, &parsed, &error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(parsed.user, user);
    QCOMPARE(parsed.address(), host);
    QCOMPARE(parsed.port, port);
}

void TestInventory::simple_fixture()
{
    const Inventory inv = parseInventory(fixture("simple.txt"));
    QVERIFY2(inv.errors.isEmpty(), qPrintable(inv.errors.value(0).message));
    QCOMPARE(inv.hosts.size(), 4);
    QCOMPARE(inv.hosts.at(0).name, QStringLiteral("web1"));
    QCOMPARE(inv.hosts.at(0).tags, (QStringList{QStringLiteral("frontend"), QStringLiteral("prod")}));
    QCOMPARE(inv.hosts.at(0).line, 2);
    // root@10.0.0.5:2222 appears twice: merged, tags unioned.
    const InventoryHost *db = find(inv, QStringLiteral("10.0.0.5"));
    QVERIFY(db);
    QCOMPARE(db->user, QStringLiteral("root"));
    QCOMPARE(db->port, 2222);
    QCOMPARE(db->tags,
             (QStringList{QStringLiteral("db"), QStringLiteral("prod"), QStringLiteral("replica")}));
    const InventoryHost *v6 = find(inv, QStringLiteral("::1"));
    QVERIFY(v6);
    QCOMPARE(v6->port, 22);
    // Same address, other user: a different host.
    QCOMPARE(inv.hosts.at(3).name, QStringLiteral("web1"));
    QCOMPARE(inv.hosts.at(3).user, QStringLiteral("ops"));
}

void TestInventory::simple_errorsHaveLineNumbers()
{
    const Inventory inv = parseInventory(
        "good1\n# comment\nbad;host tag\n\n  good2:2200 x # trailing\nh:99999\n", InventoryFormat::Simple);
    QCOMPARE(inv.hosts.size(), 2);
    QCOMPARE(inv.hosts.at(1).name, QStringLiteral("good2"));
    QCOMPARE(inv.hosts.at(1).port, 2200);
    QCOMPARE(inv.hosts.at(1).tags, QStringList{QStringLiteral("x")});
    QCOMPARE(inv.errors.size(), 2);
    QCOMPARE(inv.errors.at(0).line, 3);
    QCOMPARE(inv.errors.at(1).line, 6);
    QVERIFY(inv.errors.at(0).message.contains(QStringLiteral("bad;host")));
}

// Issue #16 item 6: Ansible's "host:22" became a host named "host:22", which ssh could not resolve.
void TestInventory::ansible_hostWithPortIsTheHost()
{
    const Inventory inv =
        parseInventory("[web]\nnode1:2222\nnode1:22 ansible_user=bob\nfe80::1 ansible_port=2299\n",
                       InventoryFormat::Ansible);
    QVERIFY2(inv.errors.isEmpty(), qPrintable(inv.errors.value(0).message));
    QCOMPARE(inv.hosts.size(), 3);
    QCOMPARE(inv.hosts.at(0).name, QStringLiteral("node1"));
    QCOMPARE(inv.hosts.at(0).port, 2222);
    QCOMPARE(inv.hosts.at(1).name, QStringLiteral("node1"));
    QCOMPARE(inv.hosts.at(1).port, 22);
    QCOMPARE(inv.hosts.at(1).user, QStringLiteral("bob"));
    QCOMPARE(inv.hosts.at(2).name, QStringLiteral("fe80::1"));
    QCOMPARE(inv.hosts.at(2).port, 2299);
}

// Issue #16 item 7: a host list whose first host is named "host" was read as an ssh config, and every other
// line (no ssh keyword) silently dropped.
void TestInventory::hostListStartingWithHostStaysAHostList()
{
    const QByteArray text = "host web\ndb1 db\nroot@db2:2222\n";
    QCOMPARE(detectInventoryFormat(text), InventoryFormat::Simple);
    const Inventory inv = parseInventory(text);
    QCOMPARE(inv.hosts.size(), 3);
    QCOMPARE(inv.hosts.at(0).name, QStringLiteral("host"));
    QCOMPARE(inv.notes.size(), 1);
    QVERIFY(inv.notes.first().message.contains(QLatin1String("host list")));
    // a real ssh config is still one
    QCOMPARE(detectInventoryFormat("Host web1\n  HostName 10.0.0.1\n  User root\n"),
             InventoryFormat::SshConfig);
}

// Issue #16 item 7: an inventory built from ssh_config with "Include conf.d/*" lost the included hosts.
void TestInventory::sshConfigIncludesAreFollowed()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("conf.d"))));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("conf.d/a.conf"), "Host web2\n  HostName 10.0.0.2\n");
    write(QStringLiteral("conf.d/b.conf"),
          "Host web3\n  Port 2222\n  Include " + dir.filePath(QStringLiteral("deep")).toUtf8() + "\n");
    write(QStringLiteral("deep"), "Host web4\n");
    write(QStringLiteral("config"),
          "Host web1\n  User root\nInclude " + dir.filePath(QStringLiteral("conf.d")).toUtf8() + "/*.conf\n");
    QString error;
    const Inventory inv =
        readInventoryFile(dir.filePath(QStringLiteral("config")), InventoryFormat::Auto, &error);
    QVERIFY(error.isEmpty());
    QVERIFY2(inv.errors.isEmpty(), qPrintable(inv.errors.value(0).message));
    QStringList names;
    for (const InventoryHost &h : inv.hosts)
        names << h.name;
    QCOMPARE(names, (QStringList{QStringLiteral("web1"), QStringLiteral("web2"), QStringLiteral("web3"),
                                 QStringLiteral("web4")}));
    QCOMPARE(inv.hosts.at(1).hostName, QStringLiteral("10.0.0.2"));
    QCOMPARE(inv.hosts.at(2).port, 2222);
    // an Include that names no file is an error, not a silence
    write(QStringLiteral("config"), "Host web1\nInclude /nonexistent/lw-config\n");
    QCOMPARE(readInventoryFile(dir.filePath(QStringLiteral("config")), InventoryFormat::Auto).errors.size(),
             1);
}

// Real duplicates (same user, address and port) are merged, and said so.
void TestInventory::duplicatesMergedWithANote()
{
    const Inventory inv = parseInventory("web1 a\nroot@web1:2222\nweb1 b\n", InventoryFormat::Simple);
    QVERIFY(inv.errors.isEmpty());
    QCOMPARE(inv.hosts.size(), 2);
    QCOMPARE(inv.hosts.at(0).tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(inv.notes.size(), 1);
    QCOMPARE(inv.notes.first().line, 3);
    QVERIFY2(inv.notes.first().message.contains(QLatin1String("line 1")),
             qPrintable(inv.notes.first().message));
}

void TestInventory::ansible_fixture()
{
    const QByteArray text = fixture("ansible.ini");
    QCOMPARE(detectInventoryFormat(text), InventoryFormat::Ansible);
    const Inventory inv = parseInventory(text);
    QCOMPARE(inv.errors.size(), 2); // the host range and the bad port
    QCOMPARE(inv.errors.at(0).line, 18);
    QCOMPARE(inv.errors.at(1).line, 19);

    const InventoryHost *web1 = find(inv, QStringLiteral("web1"));
    QVERIFY(web1);
    QCOMPARE(web1->hostName, QStringLiteral("192.0.2.10"));
    QCOMPARE(web1->port, 2201);
    QCOMPARE(web1->user, QStringLiteral("deploy")); // from [webservers:vars]
    // web1 is in webservers and (through prod:children) prod; also listed in [canary].
    QCOMPARE(web1->tags,
             (QStringList{QStringLiteral("canary"), QStringLiteral("prod"), QStringLiteral("webservers")}));

    const InventoryHost *db1 = find(inv, QStringLiteral("db1.example.com"));
    QVERIFY(db1);
    QCOMPARE(db1->user, QStringLiteral("admin")); // host var beats group var
    QCOMPARE(db1->port, 0);
    QCOMPARE(db1->tags, (QStringList{QStringLiteral("dbservers"), QStringLiteral("prod")}));

    const InventoryHost *lone = find(inv, QStringLiteral("lonely"));
    QVERIFY(lone);
    QVERIFY(lone->tags.isEmpty());
    QCOMPARE(lone->user, QStringLiteral("root")); // [all:vars]
    QCOMPARE(inv.hosts.first().name, QStringLiteral("lonely"));
}

void TestInventory::sshConfig_fixture()
{
    const QByteArray text = fixture("ssh_config");
    QCOMPARE(detectInventoryFormat(text), InventoryFormat::SshConfig);
    const Inventory inv = parseInventory(text);
    QStringList names;
    for (const InventoryHost &host : inv.hosts)
        names << host.name;
    QCOMPARE(names,
             (QStringList{QStringLiteral("bastion"), QStringLiteral("node1"), QStringLiteral("node2")}));
    QCOMPARE(inv.hosts.at(0).hostName, QStringLiteral("203.0.113.4"));
    QCOMPARE(inv.hosts.at(0).port, 2022);
    QCOMPARE(inv.hosts.at(0).user, QStringLiteral("jump"));
    QCOMPARE(inv.hosts.at(1).hostName, QStringLiteral("10.1.0.1"));
    QCOMPARE(inv.hosts.at(2).hostName, QString());
    QCOMPARE(inv.errors.size(), 1);
    QCOMPARE(inv.errors.first().line, 15);
    QCOMPARE(inv.hosts.at(1).user, QStringLiteral("root"));
    QCOMPARE(inv.hosts.at(1).port, 0);
}

void TestInventory::detect_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("format");
    QTest::newRow("simple") << QByteArray("# x\nhost1 tag\n[::1]:22\n") << int(InventoryFormat::Simple);
    QTest::newRow("ansible group") << QByteArray("[web]\nh1\n") << int(InventoryFormat::Ansible);
    QTest::newRow("ansible vars") << QByteArray("h1 ansible_host=1.2.3.4\n") << int(InventoryFormat::Ansible);
    QTest::newRow("ssh") << QByteArray("  Host a b\n  HostName x\n") << int(InventoryFormat::SshConfig);
}

void TestInventory::detect()
{
    QFETCH(QByteArray, text);
    QFETCH(int, format);
    QCOMPARE(int(detectInventoryFormat(text)), format);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
