#include "hostkeydialog.h"
#include "knownhosts.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace lw::gui;
using lw::ssh::HostKeyInfo;

namespace {

HostKeyInfo key(const QString &host, const QString &fingerprint)
{
    HostKeyInfo k;
    k.keyType = QStringLiteral("ssh-ed25519");
    k.fingerprintSha256 = QStringLiteral("SHA256:") + fingerprint;
    k.publicKeyBase64 = "AAAAC3NzaC1lZDI1NTE5AAAAIGJ1c3k=";
    k.knownHostsHost = host;
    return k;
}

const QString knownHosts = QStringLiteral("/srv/layerwatch/known_hosts");

} // namespace

class TestHostKeyDialog : public QObject
{
    Q_OBJECT

private slots:
    void unknownKeysOfASweepInOneDialog();
    void enterNeverTrusts();
    void changedKeyShowsExpectedKeyAndTheFileInUse();
    void hostileNamesAreShownEscaped();
};

// #16 item 11: ten unknown hosts are one dialog, each with its fingerprint and a box to tick; only the
// ticked ones are trusted.
void TestHostKeyDialog::unknownKeysOfASweepInOneDialog()
{
    QList<HostKeyQuestion> questions;
    for (int i = 0; i < 10; ++i) {
        const QString host = QStringLiteral("node-%1").arg(i);
        questions.append({host, key(host, QStringLiteral("fp%1").arg(i)), HostKeyQuestion::Kind::Unknown});
    }
    HostKeyDialog dialog(questions, knownHosts);
    QTableWidget *table = dialog.unknownTable();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 10);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(table->item(i, 0)->text(), QStringLiteral("node-%1").arg(i));
        QCOMPARE(table->item(i, 0)->checkState(), Qt::Unchecked);
        QCOMPARE(table->item(i, 2)->text(), QStringLiteral("SHA256:fp%1").arg(i));
    }
    QVERIFY(dialog.plainText().contains(knownHosts)); // the file the keys go to
    QVERIFY(!dialog.trustButton()->isEnabled());      // nothing ticked, nothing to trust
    table->item(2, 0)->setCheckState(Qt::Checked);
    table->item(7, 0)->setCheckState(Qt::Checked);
    QVERIFY(dialog.trustButton()->isEnabled());
    dialog.show();
    dialog.trustButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<HostKeyQuestion> trusted = dialog.trustedKeys();
    QCOMPARE(trusted.size(), 2);
    QCOMPARE(trusted.at(0).host, QStringLiteral("node-2"));
    QCOMPARE(trusted.at(1).key.fingerprintSha256, QStringLiteral("SHA256:fp7"));
}

// Reject is the default button: Enter rejects, wherever the focus is, ticked boxes or not.
void TestHostKeyDialog::enterNeverTrusts()
{
    const QList<HostKeyQuestion> questions = {
        {QStringLiteral("a"), key(QStringLiteral("a"), QStringLiteral("x")), HostKeyQuestion::Kind::Unknown}};
    for (int focus = 0; focus < 3; ++focus) {
        HostKeyDialog dialog(questions, knownHosts);
        dialog.unknownTable()->item(0, 0)->setCheckState(Qt::Checked);
        QVERIFY(dialog.rejectButton()->isDefault());
        QVERIFY(!dialog.trustButton()->isDefault());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QWidget *target = focus == 0   ? static_cast<QWidget *>(&dialog)
                          : focus == 1 ? static_cast<QWidget *>(dialog.unknownTable())
                                       : static_cast<QWidget *>(dialog.trustButton());
        target->setFocus();
        QTest::keyClick(target, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }
}

// #16 item 12: a changed key is shown beside the one known_hosts expects, with the command that removes the
// old entry from the file actually in use; it offers no way to connect.
void TestHostKeyDialog::changedKeyShowsExpectedKeyAndTheFileInUse()
{
    HostKeyInfo changed = key(QStringLiteral("[db1]:2222"), QStringLiteral("NEW"));
    changed.knownFingerprints = {QStringLiteral("ssh-ed25519 SHA256:OLD")};
    HostKeyDialog dialog({{QStringLiteral("db1"), changed, HostKeyQuestion::Kind::Changed}}, knownHosts);
    QVERIFY(!dialog.canTrust());
    QVERIFY(!dialog.trustButton());
    QVERIFY(dialog.rejectButton()->isDefault());
    QTableWidget *table = dialog.changedTable();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("ssh-ed25519 SHA256:OLD"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("ssh-ed25519 SHA256:NEW"));
    const QString text = dialog.plainText();
    QVERIFY2(text.contains(lw::ssh::KnownHosts::removeCommand(QStringLiteral("[db1]:2222"), knownHosts)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ssh-keygen -R '[db1]:2222' -f /srv/layerwatch/known_hosts")),
             qPrintable(text));
}

// #16 item 4: a name from a host (a capture, an ssh_config alias) never reaches a label raw.
void TestHostKeyDialog::hostileNamesAreShownEscaped()
{
    const QString hostile = QStringLiteral("evil\x1b[2J\nhost");
    HostKeyInfo changed = key(hostile, QStringLiteral("NEW"));
    HostKeyDialog dialog({{hostile, changed, HostKeyQuestion::Kind::Changed},
                          {hostile + QLatin1Char('2'), key(hostile + QLatin1Char('2'), QStringLiteral("U")),
                           HostKeyQuestion::Kind::Unknown}},
                         knownHosts);
    const QString text = dialog.plainText();
    QVERIFY(!text.contains(QChar(0x1b)));
    QVERIFY(text.contains(QStringLiteral("evil\\x1b[2J\\nhost")));
}

QTEST_MAIN(TestHostKeyDialog)
#include "tst_hostkeydialog.moc"
