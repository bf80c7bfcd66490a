#include "sshsettings.h"
#include "sshsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace lw::gui;

class TestSshSettings : public QObject
{
    Q_OBJECT

private slots:
    void keptAndOverridden();
    void dialogRefusesWhatCannotWork();
    void dialogTakesValidSettings();

private:
    QString touch(const QString &name);
    QTemporaryDir m_dir;
};

QString TestSshSettings::touch(const QString &name)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write fixture");
    return f.fileName();
}

// #16 item 11: what the command line gave is kept per data directory; an option given again replaces it.
void TestSshSettings::keptAndOverridden()
{
    const QString ini = m_dir.filePath(QStringLiteral("layerwatch.ini"));
    SshSettings given = SshSettings().overriddenBy(touch(QStringLiteral("kh")), {touch(QStringLiteral("id"))},
                                                   QStringLiteral("none"));
    given.defaultUser = QStringLiteral("ops");
    given.useAgent = false;
    {
        QSettings settings(ini, QSettings::IniFormat);
        given.save(settings);
    }
    QSettings settings(ini, QSettings::IniFormat);
    const SshSettings kept = SshSettings::load(settings);
    QVERIFY(kept == given);
    QCOMPARE(kept.knownHostsFile, m_dir.filePath(QStringLiteral("kh")));
    QCOMPARE(kept.sshConfigFile, QStringLiteral("none"));
    QCOMPARE(kept.effectiveKnownHostsFile(), m_dir.filePath(QStringLiteral("kh")));
    const SshSettings over = kept.overriddenBy(QString(), {}, touch(QStringLiteral("config")));
    QCOMPARE(over.knownHostsFile, kept.knownHostsFile); // not given: kept
    QCOMPARE(over.identityFiles, kept.identityFiles);
    QCOMPARE(over.sshConfigFile, m_dir.filePath(QStringLiteral("config")));
    lw::ssh::SshOptions options;
    over.applyTo(options);
    QCOMPARE(options.knownHostsFile, kept.knownHostsFile);
    QCOMPARE(options.identityFiles, kept.identityFiles);
    QCOMPARE(options.useAgent, false);
    QCOMPARE(options.defaultUser, QStringLiteral("ops"));
    QVERIFY(SshSettings().problems().isEmpty()); // the user's own ~/.ssh
}

void TestSshSettings::dialogRefusesWhatCannotWork()
{
    SshSettings bad;
    bad.identityFiles = {m_dir.filePath(QStringLiteral("no-such-key"))};
    bad.knownHostsFile = m_dir.filePath(QStringLiteral("no-such-dir/known_hosts"));
    bad.sshConfigFile = m_dir.filePath(QStringLiteral("no-such-config"));
    bad.defaultUser = QStringLiteral("root@evil");
    SshSettingsDialog dialog(bad, QStringLiteral("/tmp/layerwatch.ini"));
    dialog.show();
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.isVisible()); // stays open
    QCOMPARE(dialog.result(), 0);
    const QString error = dialog.errorLabel()->text();
    QVERIFY(dialog.errorLabel()->isVisible());
    for (const QString &named : {QStringLiteral("no-such-key"), QStringLiteral("no-such-dir"),
                                 QStringLiteral("no-such-config"), QStringLiteral("root@evil")})
        QVERIFY2(error.contains(named), qPrintable(error));
    QCOMPARE(bad.problems().size(), 4);
}

void TestSshSettings::dialogTakesValidSettings()
{
    SshSettingsDialog dialog(SshSettings(), m_dir.filePath(QStringLiteral("layerwatch.ini")));
    auto *knownHosts = dialog.findChild<QLineEdit *>(QStringLiteral("knownHostsFile"));
    auto *none = dialog.findChild<QCheckBox *>(QStringLiteral("noSshConfig"));
    auto *inUse = dialog.findChild<QLabel *>(QStringLiteral("knownHostsInUse"));
    QVERIFY(knownHosts && none && inUse);
    QVERIFY(inUse->text().contains(lw::ssh::defaultKnownHostsFile()));
    const QString file = m_dir.filePath(QStringLiteral("new_known_hosts")); // need not exist yet
    knownHosts->setText(file);
    QVERIFY(inUse->text().contains(file)); // the file in use is always visible
    none->setChecked(true);
    dialog.show();
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().knownHostsFile, file);
    QCOMPARE(dialog.settings().sshConfigFile, QStringLiteral("none"));
}

QTEST_MAIN(TestSshSettings)
#include "tst_sshsettings.moc"
