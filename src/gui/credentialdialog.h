#pragma once

#include "credentials.h"
#include "keychainstore.h"

#include <QDialog>
#include <QHash>
#include <QMutex>
#include <QSet>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lw::gui {

// Secrets for the SSH workers: those the user typed in this session (in memory only, wiped on clear() and
// destruction), then those the user chose to remember in the system keychain. Thread-safe: workers call
// passphrase()/password(); memory is looked at first, then the keychain, once per key and session (the
// worker waits for that read; see KeychainStore for why this never waits for the GUI thread). A missing
// secret returns nullopt (the host then fails with auth-failed and the GUI asks, then probes again).
// Create it in the GUI thread.
class SessionCredentials final : public lw::ssh::CredentialProvider
{
public:
    // keychainService: where remembered secrets live; empty: memory only, no keychain at all.
    explicit SessionCredentials(const QString &keychainService = KeychainStore::defaultService());
    ~SessionCredentials() override;

    std::optional<QByteArray> passphrase(const lw::ssh::HostTarget &target, const QString &keyFile) override;
    std::optional<QByteArray> password(const lw::ssh::HostTarget &target, const QString &prompt) override;

    void setPassphrase(const QString &keyFile, const QByteArray &secret);
    void setPassword(const QString &host, const QByteArray &secret);
    bool hasPassword(const QString &host) const;
    // Key files the workers asked a passphrase for that is not known yet.
    QStringList missingPassphrases() const;
    void clear();

    // nullptr when memory only.
    KeychainStore *keychain() const;
    // Why reading this entry (KeychainStore::passphraseKey()/passwordKey()) from the keychain failed, for
    // the dialog (translated); empty when it did not fail or was simply not there.
    QString keychainReadError(const QString &keychainKey) const;
    // Deletes what Layerwatch saved in the keychain. Secrets in memory stay for the session.
    void forgetSavedSecrets(QObject *context, std::function<void(const KeychainResult &, int removed)> done);

private:
    std::optional<QByteArray> fromKeychain(const QString &keychainKey);

    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_passphrases; // by key file
    QHash<QString, QByteArray> m_passwords;   // by host name (typed) or "user@host" (from the keychain)
    QStringList m_missing;
    std::unique_ptr<KeychainStore> m_keychain;
    QSet<QString> m_keychainAsked;            // keys read from the keychain once already
    QHash<QString, QString> m_keychainErrors; // by keychain key
};

// Asks for a key passphrase or a login password. The secret is kept for the session; with "Remember in the
// system keychain" checked it is also saved there before the dialog closes. If saving fails the dialog
// stays open, says why, and OK then goes on with the secret in memory only.
class CredentialDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Passphrase, Password };

    // subject: the key file (Passphrase) or "user@host" (Password). Without credentials (or with a
    // memory-only one) the keychain is not offered.
    CredentialDialog(Kind kind, const QString &subject, QWidget *parent = nullptr);
    CredentialDialog(Kind kind, const QString &subject, SessionCredentials *credentials,
                     QWidget *parent = nullptr);
    ~CredentialDialog() override;

    QByteArray secret() const;
    // The keychain entry name of this subject.
    QString keychainKey() const;
    bool savedInKeychain() const { return m_saved; }
    // Why the last attempt to save failed (translated), empty if none did.
    QString keychainError() const { return m_saveError; }

public slots:
    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateKeychainState();
    void setBusy(bool busy);

    Kind m_kind;
    QString m_subject;
    SessionCredentials *m_credentials = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_edit = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_saving = false;
    bool m_saved = false;
    QString m_saveError;
};

} // namespace lw::gui
