// The optional system keychain, against a real Secret Service. Run through run_tst_keychain.sh, which
// starts gnome-keyring-daemon in a private D-Bus session (LW_KEYCHAIN_TEST_MODE=daemon) and then runs
// the binary again with no D-Bus session at all (LW_KEYCHAIN_TEST_MODE=nobus).
#include "credentialdialog.h"
#include "i18n.h"
#include "keychainstore.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <future>
#include <vector>

using namespace lw::gui;

namespace {

const QString KeyFile = QStringLiteral("/keys/id_ed25519_test");

lw::ssh::HostTarget target(const QString &name, const QString &user = QString())
{
    lw::ssh::HostTarget t;
    t.name = name;
    t.user = user;
    return t;
}

// As an SSH worker asks: in a thread of its own, while the GUI thread just waits for the answer (no event
// processing), which proves the read never needs the GUI thread.
std::optional<QByteArray> passphraseFromWorker(SessionCredentials &credentials, const QString &keyFile)
{
    return std::async(std::launch::async,
                      [&] { return credentials.passphrase(target(QStringLiteral("node-1")), keyFile); })
        .get();
}

bool waitForAvailability(const KeychainStore &store)
{
    QElapsedTimer timer;
    timer.start();
    while (store.availability() == KeychainStore::Availability::Checking && timer.elapsed() < 10000)
        QTest::qWait(20);
    return store.availability() != KeychainStore::Availability::Checking;
}

// What the Secret Service itself holds for our service, as another client (secret-tool) sees it.
QString secretToolSearch()
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                            QStringLiteral("server"), KeychainStore::defaultService()});
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool hung>");
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

void typeAndSave(CredentialDialog &dialog, const QString &secret)
{
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"));
    auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    QVERIFY(edit && remember);
    QTRY_VERIFY_WITH_TIMEOUT(remember->isEnabled(), 10000);
    edit->setText(secret);
    remember->setChecked(true);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

} // namespace

// With gnome-keyring-daemon on a private session bus.
class TestKeychainDaemon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!KeychainStore::compiledIn())
            QSKIP("This build has no keychain support (LAYERWATCH_KEYCHAIN=OFF or QtKeychain missing).");
        KeychainStore store;
        QVERIFY(waitForAvailability(store));
        QVERIFY2(store.availability() == KeychainStore::Availability::Available,
                 qPrintable(store.unavailableReason()));
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty());
    }

    void dialogOffersTheKeychainUncheckedByDefault()
    {
        SessionCredentials credentials;
        CredentialDialog dialog(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        QVERIFY(remember);
        QVERIFY(!remember->isHidden());
        QVERIFY(!remember->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(remember->isEnabled(), 10000);
        QVERIFY(remember->toolTip().contains(QStringLiteral("layerwatch")));
        // Memory only: nothing to offer.
        SessionCredentials memoryOnly{QString()};
        CredentialDialog plain(CredentialDialog::Kind::Passphrase, KeyFile, &memoryOnly);
        QVERIFY(plain.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isHidden());
    }

    void storedFromTheDialogANewSessionFindsIt()
    {
        {
            SessionCredentials credentials;
            CredentialDialog dialog(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
            dialog.show();
            typeAndSave(dialog, QStringLiteral("correct horse"));
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
            QVERIFY2(dialog.savedInKeychain(), qPrintable(dialog.keychainError()));
            QCOMPARE(dialog.secret(), QByteArray("correct horse"));
        }
        QVERIFY(secretToolSearch().contains(KeychainStore::passphraseKey(KeyFile)));

        SessionCredentials later;
        QCOMPARE(passphraseFromWorker(later, KeyFile),
                 std::optional<QByteArray>(QByteArray("correct horse")));
        QVERIFY(later.missingPassphrases().isEmpty());
        QVERIFY(later.keychainReadError(KeychainStore::passphraseKey(KeyFile)).isEmpty());
    }

    void manyWorkersAtOnceAllGetIt()
    {
        SessionCredentials credentials;
        std::vector<std::future<std::optional<QByteArray>>> workers;
        for (int i = 0; i < 8; ++i)
            workers.push_back(std::async(std::launch::async, [&credentials, i] {
                return credentials.passphrase(target(QStringLiteral("node-%1").arg(i)), KeyFile);
            }));
        for (auto &w : workers)
            QCOMPARE(w.get(), std::optional<QByteArray>(QByteArray("correct horse")));
    }

    void memoryComesFirst()
    {
        SessionCredentials credentials;
        credentials.setPassphrase(KeyFile, "typed this session");
        QCOMPARE(passphraseFromWorker(credentials, KeyFile),
                 std::optional<QByteArray>(QByteArray("typed this session")));
    }

    void guiThreadNeverWaitsForTheKeychain()
    {
        SessionCredentials credentials;
        QElapsedTimer timer;
        timer.start();
        // In the GUI thread only memory is looked at: nothing there yet.
        QCOMPARE(credentials.passphrase(target(QStringLiteral("node-1")), KeyFile), std::nullopt);
        QVERIFY(timer.elapsed() < 200);
        QByteArray secret;
        QCOMPARE(credentials.keychain()->readBlocking(KeychainStore::passphraseKey(KeyFile), &secret).code,
                 KeychainResult::Code::Failed);
        // A worker still finds it afterwards.
        QCOMPARE(passphraseFromWorker(credentials, KeyFile),
                 std::optional<QByteArray>(QByteArray("correct horse")));
    }

    void unknownKeyIsMissingWithoutError()
    {
        SessionCredentials credentials;
        const QString other = QStringLiteral("/keys/never_saved");
        QCOMPARE(passphraseFromWorker(credentials, other), std::nullopt);
        QCOMPARE(credentials.missingPassphrases(), QStringList{other});
        QVERIFY(credentials.keychainReadError(KeychainStore::passphraseKey(other)).isEmpty());
    }

    void passwordStoredAndFoundByUserAtHost()
    {
        {
            SessionCredentials credentials;
            CredentialDialog dialog(CredentialDialog::Kind::Password, QStringLiteral("ops@node-7"),
                                    &credentials);
            dialog.show();
            typeAndSave(dialog, QStringLiteral("pa55 word"));
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
            QVERIFY2(dialog.savedInKeychain(), qPrintable(dialog.keychainError()));
        }
        SessionCredentials later;
        const auto found = std::async(std::launch::async, [&] {
                               return later.password(target(QStringLiteral("node-7"), QStringLiteral("ops")),
                                                     QStringLiteral("Password:"));
                           }).get();
        QCOMPARE(found, std::optional<QByteArray>(QByteArray("pa55 word")));
        // Another user on that host is another entry.
        const auto other = std::async(std::launch::async, [&] {
                               return later.password(target(QStringLiteral("node-7"), QStringLiteral("root")),
                                                     QStringLiteral("Password:"));
                           }).get();
        QCOMPARE(other, std::nullopt);
    }

    void forgetDeletesWhatWasStoredAndKeepsTheSession()
    {
        const QString before = secretToolSearch();
        QVERIFY2(before.contains(KeychainStore::passphraseKey(KeyFile)), qPrintable(before));
        QVERIFY2(before.contains(KeychainStore::passwordKey(QStringLiteral("ops@node-7"))),
                 qPrintable(before));

        SessionCredentials credentials;
        QCOMPARE(passphraseFromWorker(credentials, KeyFile),
                 std::optional<QByteArray>(QByteArray("correct horse")));
        QObject context;
        bool done = false;
        KeychainResult result;
        int removed = -1;
        credentials.forgetSavedSecrets(&context, [&](const KeychainResult &r, int n) {
            done = true;
            result = r;
            removed = n;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(removed, 2);

        const QString after = secretToolSearch();
        QVERIFY2(!after.contains(QStringLiteral("passphrase:")) &&
                     !after.contains(QStringLiteral("password:")) && !after.contains(QStringLiteral("index")),
                 qPrintable(after));
        SessionCredentials later;
        QCOMPARE(passphraseFromWorker(later, KeyFile), std::nullopt);
        // What this session already had stays in memory.
        QCOMPARE(passphraseFromWorker(credentials, KeyFile),
                 std::optional<QByteArray>(QByteArray("correct horse")));

        // Forgetting again is harmless.
        done = false;
        credentials.forgetSavedSecrets(&context, [&](const KeychainResult &r, int n) {
            done = true;
            result = r;
            removed = n;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(removed, 0);
    }

    // The console's File > Forget saved secrets deletes them and says how many.
    void consoleForgetAction()
    {
        {
            SessionCredentials credentials;
            CredentialDialog dialog(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
            dialog.show();
            typeAndSave(dialog, QStringLiteral("for the console"));
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        }
        QVERIFY(secretToolSearch().contains(KeychainStore::passphraseKey(KeyFile)));
        QTemporaryDir data;
        MainWindowOptions options;
        options.dataDir = data.path();
        MainWindow window(options);
        auto *forget = window.findChild<QAction *>(QStringLiteral("actionForgetSecrets"));
        QVERIFY(forget);
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("menuFile"))->actions().contains(forget));
        forget->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("Deleted 1 saved")), 10000);
        QVERIFY(forget->isEnabled());
        QVERIFY(!secretToolSearch().contains(KeychainStore::passphraseKey(KeyFile)));
    }

    // Last: locks the keyring. Headless, gnome-keyring cannot show its unlock prompt, so it refuses.
    void lockedKeyringFailsClearlyAndLosesNothing()
    {
        {
            SessionCredentials credentials;
            CredentialDialog dialog(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
            dialog.show();
            typeAndSave(dialog, QStringLiteral("stored before the lock"));
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        }
        QProcess lock;
        lock.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.secrets"),
                    QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        QVERIFY(lock.waitForFinished(10000));
        QCOMPARE(lock.exitCode(), 0);

        SessionCredentials credentials;
        CredentialDialog dialog(CredentialDialog::Kind::Passphrase, QStringLiteral("/keys/second"),
                                &credentials);
        dialog.show();
        typeAndSave(dialog, QStringLiteral("typed while locked"));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("keychainStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.keychainError().isEmpty(), 20000);
        qInfo("save into a locked keyring: %s", qPrintable(dialog.keychainError()));
        QVERIFY(dialog.isVisible()); // stays open and says why
        QVERIFY(status->text().contains(dialog.keychainError()));
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isChecked());
        QVERIFY(!dialog.savedInKeychain());
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.secret(), QByteArray("typed while locked"));

        // A worker reading a locked keyring gets nothing, and the host is asked for as usual.
        QCOMPARE(passphraseFromWorker(credentials, KeyFile), std::nullopt);
        QCOMPARE(credentials.missingPassphrases(), QStringList{KeyFile});
        const QString readError = credentials.keychainReadError(KeychainStore::passphraseKey(KeyFile));
        qInfo("read from a locked keyring: %s", qPrintable(readError));
        QVERIFY(readError.contains(QStringLiteral("locked")));
        // ...and the next dialog for that key says why it asks again.
        CredentialDialog again(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("keychainStatus"))->text().contains(readError));

        // Forget cannot delete from a locked keyring: it must say so, not report "0 deleted".
        QObject context;
        bool done = false;
        KeychainResult result;
        credentials.forgetSavedSecrets(&context, [&](const KeychainResult &r, int) {
            done = true;
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        qInfo("forget in a locked keyring: %s", qPrintable(result.message));
        QCOMPARE(result.code, KeychainResult::Code::Denied);
        QVERIFY(result.message.contains(QStringLiteral("locked")));
    }
};

// With no D-Bus session bus: nothing can be stored, the user is told why, nothing typed is lost.
class TestKeychainNoBus : public QObject
{
    Q_OBJECT

private slots:
    void unavailableWithAClearReason()
    {
        KeychainStore store;
        QVERIFY(waitForAvailability(store));
        QCOMPARE(store.availability(), KeychainStore::Availability::Unavailable);
        if (KeychainStore::compiledIn())
            QVERIFY2(store.unavailableReason().contains(QStringLiteral("D-Bus")),
                     qPrintable(store.unavailableReason()));
        else
            QVERIFY(store.unavailableReason().contains(QStringLiteral("no system keychain support")));
    }

    void checkboxDisabledAndTheSecretStaysInMemory()
    {
        SessionCredentials credentials;
        CredentialDialog dialog(CredentialDialog::Kind::Passphrase, KeyFile, &credentials);
        dialog.show();
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        QVERIFY(remember && !remember->isHidden());
        QVERIFY(waitForAvailability(*credentials.keychain()));
        QTRY_VERIFY(remember->toolTip().startsWith(QStringLiteral("Not available: ")));
        QVERIFY(!remember->isEnabled());
        QVERIFY(remember->toolTip().contains(credentials.keychain()->unavailableReason()));
        dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))
            ->setText(QStringLiteral("only in memory"));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.savedInKeychain());
        credentials.setPassphrase(KeyFile, dialog.secret());
        QCOMPARE(passphraseFromWorker(credentials, KeyFile),
                 std::optional<QByteArray>(QByteArray("only in memory")));
    }

    void writeAndForgetFailClearlyLosingNothing()
    {
        SessionCredentials credentials;
        credentials.setPassphrase(KeyFile, "kept");
        QVERIFY(waitForAvailability(*credentials.keychain()));
        QObject context;
        bool done = false;
        KeychainResult result;
        credentials.keychain()->write(KeychainStore::passphraseKey(KeyFile), "kept", &context,
                                      [&](const KeychainResult &r) {
                                          done = true;
                                          result = r;
                                      });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!result.ok());
        QVERIFY(!result.message.isEmpty());
        qInfo("write without a bus: %s", qPrintable(result.message));

        done = false;
        credentials.forgetSavedSecrets(&context, [&](const KeychainResult &r, int) {
            done = true;
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!result.ok());
        QVERIFY(!result.message.isEmpty());
        qInfo("forget without a bus: %s", qPrintable(result.message));

        QCOMPARE(passphraseFromWorker(credentials, KeyFile), std::optional<QByteArray>(QByteArray("kept")));
    }

    void workersDoNotWaitForAnAbsentKeychain()
    {
        SessionCredentials credentials;
        QVERIFY(waitForAvailability(*credentials.keychain()));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(passphraseFromWorker(credentials, QStringLiteral("/keys/other")), std::nullopt);
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(credentials.missingPassphrases(), QStringList{QStringLiteral("/keys/other")});
        // No keychain at all is not an error worth showing in the dialog.
        QVERIFY(credentials.keychainReadError(KeychainStore::passphraseKey(QStringLiteral("/keys/other")))
                    .isEmpty());
    }
};

// The wrapper could not start gnome-keyring-daemon: a skip that says why, never a silent pass.
class TestKeychainNoDaemon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QByteArray why =
            "gnome-keyring-daemon could not be started: " + qgetenv("LW_KEYCHAIN_SKIP_REASON");
        QSKIP(why.constData());
    }
    void secretService() {}
};

// Not a test: LW_KEYCHAIN_TEST_MODE=shot saves the dialog to LW_KEYCHAIN_SHOT (PNG) in LW_KEYCHAIN_LANG, with
// the checkbox checked when a keychain is available, for the screenshots of the report.
int saveScreenshot()
{
    lw::installTranslations(qEnvironmentVariable("LW_KEYCHAIN_LANG"));
    SessionCredentials credentials;
    waitForAvailability(*credentials.keychain());
    CredentialDialog dialog(CredentialDialog::Kind::Passphrase, QStringLiteral("/home/ops/.ssh/id_ed25519"),
                            &credentials);
    auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    remember->setChecked(remember->isEnabled());
    dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(QStringLiteral("secret"));
    dialog.show();
    QTest::qWait(300);
    std::printf("checkbox enabled=%d tooltip: %s\n", remember->isEnabled(), qPrintable(remember->toolTip()));
    return dialog.grab().save(qEnvironmentVariable("LW_KEYCHAIN_SHOT")) ? 0 : 1;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QByteArray mode = qgetenv("LW_KEYCHAIN_TEST_MODE");
    if (mode == "shot")
        return saveScreenshot();
    if (mode == "daemon") {
        TestKeychainDaemon test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == "nobus") {
        TestKeychainNoBus test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == "nodaemon") {
        TestKeychainNoDaemon test;
        return QTest::qExec(&test, argc, argv);
    }
    qWarning(
        "tst_keychain: run it through tests/gui/run_tst_keychain.sh (LW_KEYCHAIN_TEST_MODE=daemon|nobus)");
    return 1;
}

#include "tst_keychain.moc"
