#pragma once

#include "sshsettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace lw::gui {

// Preferences > SSH settings: the identity files, the agent, the known_hosts file, the ssh_config (a file or
// none) and the default user, checked before they are taken (files exist; the errors are named).
class SshSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    // Returned by exec() when the admin asked for the host's inventory entry (its address, port, user).
    enum { EditHostRequested = 2 };

    SshSettingsDialog(const SshSettings &settings, const QString &settingsFile, QWidget *parent = nullptr);

    // host: offers to edit this host's inventory entry as well.
    void setHost(const QString &host);
    void setSettings(const SshSettings &settings);
    SshSettings settings() const;

    QLabel *errorLabel() const { return m_error; }

    // OK: takes the settings if they are valid, else shows what is wrong and stays open.
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void addIdentity();
    void removeIdentity();
    void browseKnownHosts();
    void browseSshConfig();
    void updateKnownHostsPlaceholder();
    void retranslateUi();

    QString m_settingsFile;
    QString m_host;
    QLabel *m_intro = nullptr;
    QLabel *m_identityLabel = nullptr;
    QListWidget *m_identities = nullptr;
    QPushButton *m_addIdentity = nullptr;
    QPushButton *m_removeIdentity = nullptr;
    QCheckBox *m_useAgent = nullptr;
    QLabel *m_knownHostsLabel = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QPushButton *m_browseKnownHosts = nullptr;
    QLabel *m_sshConfigLabel = nullptr;
    QLineEdit *m_sshConfig = nullptr;
    QPushButton *m_browseSshConfig = nullptr;
    QCheckBox *m_noSshConfig = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_inUse = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_editHost = nullptr;
};

} // namespace lw::gui
