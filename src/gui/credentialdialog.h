#pragma once

#include "credentials.h"

#include <QDialog>
#include <QHash>
#include <QMutex>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace lw::gui {

// Secrets the user typed in this session, for the SSH workers. Kept in memory only (never written to
// disk) and wiped on clear() and destruction. Thread-safe: workers call passphrase()/password(); a missing
// secret returns nullopt (the host then fails with auth-failed and the GUI asks, then probes again).
class SessionCredentials final : public lw::ssh::CredentialProvider
{
public:
    ~SessionCredentials() override;

    std::optional<QByteArray> passphrase(const lw::ssh::HostTarget &target, const QString &keyFile) override;
    std::optional<QByteArray> password(const lw::ssh::HostTarget &target, const QString &prompt) override;

    void setPassphrase(const QString &keyFile, const QByteArray &secret);
    void setPassword(const QString &host, const QByteArray &secret);
    bool hasPassword(const QString &host) const;
    // Key files the workers asked a passphrase for that is not known yet.
    QStringList missingPassphrases() const;
    void clear();

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_passphrases; // by key file
    QHash<QString, QByteArray> m_passwords;   // by host name
    QStringList m_missing;
};

// Asks for a key passphrase or a login password. The secret is kept for the session only.
class CredentialDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Passphrase, Password };

    // subject: the key file (Passphrase) or "user@host" (Password).
    CredentialDialog(Kind kind, const QString &subject, QWidget *parent = nullptr);
    ~CredentialDialog() override;

    QByteArray secret() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Kind m_kind;
    QString m_subject;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_edit = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace lw::gui
