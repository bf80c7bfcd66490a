#include "sshsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace lw::gui {

SshSettingsDialog::SshSettingsDialog(const SshSettings &settings, const QString &settingsFile,
                                     QWidget *parent)
    : QDialog(parent), m_settingsFile(settingsFile)
{
    setObjectName(QStringLiteral("sshSettingsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *grid = new QGridLayout;
    int row = 0;
    m_identityLabel = new QLabel(this);
    m_identities = new QListWidget(this);
    m_identities->setObjectName(QStringLiteral("identityFiles"));
    m_identities->setMaximumHeight(fontMetrics().height() * 6);
    m_addIdentity = new QPushButton(this);
    m_removeIdentity = new QPushButton(this);
    auto *identityButtons = new QVBoxLayout;
    identityButtons->addWidget(m_addIdentity);
    identityButtons->addWidget(m_removeIdentity);
    identityButtons->addStretch(1);
    grid->addWidget(m_identityLabel, row, 0, Qt::AlignTop);
    grid->addWidget(m_identities, row, 1);
    grid->addLayout(identityButtons, row++, 2);
    m_useAgent = new QCheckBox(this);
    m_useAgent->setObjectName(QStringLiteral("useAgent"));
    grid->addWidget(m_useAgent, row++, 1, 1, 2);

    m_knownHostsLabel = new QLabel(this);
    m_knownHosts = new QLineEdit(this);
    m_knownHosts->setObjectName(QStringLiteral("knownHostsFile"));
    m_browseKnownHosts = new QPushButton(this);
    grid->addWidget(m_knownHostsLabel, row, 0);
    grid->addWidget(m_knownHosts, row, 1);
    grid->addWidget(m_browseKnownHosts, row++, 2);

    m_sshConfigLabel = new QLabel(this);
    m_sshConfig = new QLineEdit(this);
    m_sshConfig->setObjectName(QStringLiteral("sshConfigFile"));
    m_browseSshConfig = new QPushButton(this);
    grid->addWidget(m_sshConfigLabel, row, 0);
    grid->addWidget(m_sshConfig, row, 1);
    grid->addWidget(m_browseSshConfig, row++, 2);
    m_noSshConfig = new QCheckBox(this);
    m_noSshConfig->setObjectName(QStringLiteral("noSshConfig"));
    grid->addWidget(m_noSshConfig, row++, 1, 1, 2);

    m_userLabel = new QLabel(this);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("defaultUser"));
    grid->addWidget(m_userLabel, row, 0);
    grid->addWidget(m_user, row++, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    m_inUse = new QLabel(this);
    m_inUse->setObjectName(QStringLiteral("knownHostsInUse"));
    m_inUse->setWordWrap(true);
    m_inUse->setTextFormat(Qt::PlainText);
    m_inUse->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_inUse);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sshSettingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SshSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_addIdentity, &QPushButton::clicked, this, &SshSettingsDialog::addIdentity);
    connect(m_removeIdentity, &QPushButton::clicked, this, &SshSettingsDialog::removeIdentity);
    connect(m_browseKnownHosts, &QPushButton::clicked, this, &SshSettingsDialog::browseKnownHosts);
    connect(m_browseSshConfig, &QPushButton::clicked, this, &SshSettingsDialog::browseSshConfig);
    connect(m_noSshConfig, &QCheckBox::toggled, this, [this](bool off) {
        m_sshConfig->setEnabled(!off);
        m_browseSshConfig->setEnabled(!off);
    });
    connect(m_knownHosts, &QLineEdit::textChanged, this, &SshSettingsDialog::updateKnownHostsPlaceholder);
    setSettings(settings);
    setMinimumWidth(640);
    retranslateUi();
}

void SshSettingsDialog::setHost(const QString &host)
{
    m_host = host;
    if (!m_editHost) {
        m_editHost = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
        m_editHost->setObjectName(QStringLiteral("editHostEntry"));
        connect(m_editHost, &QPushButton::clicked, this, [this] { done(EditHostRequested); });
    }
    retranslateUi();
}

void SshSettingsDialog::setSettings(const SshSettings &settings)
{
    m_identities->clear();
    m_identities->addItems(settings.identityFiles);
    m_useAgent->setChecked(settings.useAgent);
    m_knownHosts->setText(settings.knownHostsFile);
    const bool none = settings.sshConfigFile == QLatin1String("none");
    m_noSshConfig->setChecked(none);
    m_sshConfig->setText(none ? QString() : settings.sshConfigFile);
    m_user->setText(settings.defaultUser);
    updateKnownHostsPlaceholder();
}

SshSettings SshSettingsDialog::settings() const
{
    SshSettings s;
    for (int i = 0; i < m_identities->count(); ++i)
        s.identityFiles << m_identities->item(i)->text();
    s.useAgent = m_useAgent->isChecked();
    s.knownHostsFile = m_knownHosts->text().trimmed();
    s.sshConfigFile = m_noSshConfig->isChecked() ? QStringLiteral("none") : m_sshConfig->text().trimmed();
    s.defaultUser = m_user->text().trimmed();
    return s;
}

void SshSettingsDialog::accept()
{
    const QStringList problems = settings().problems();
    m_error->setText(problems.join(QLatin1Char('\n')));
    m_error->setVisible(!problems.isEmpty());
    if (problems.isEmpty())
        QDialog::accept();
}

void SshSettingsDialog::addIdentity()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Identity files"),
                                                            QDir::home().filePath(QStringLiteral(".ssh")));
    m_identities->addItems(files);
}

void SshSettingsDialog::removeIdentity()
{
    delete m_identities->currentItem();
}

void SshSettingsDialog::browseKnownHosts()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("known_hosts file"), settings().effectiveKnownHostsFile(),
                                     QString(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_knownHosts->setText(file);
}

void SshSettingsDialog::browseSshConfig()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("ssh_config file"),
                                                      QDir::home().filePath(QStringLiteral(".ssh")));
    if (!file.isEmpty())
        m_sshConfig->setText(file);
}

void SshSettingsDialog::updateKnownHostsPlaceholder()
{
    m_knownHosts->setPlaceholderText(lw::ssh::defaultKnownHostsFile());
    m_inUse->setText(tr("Host keys are checked against and approved into: %1\nSaved in: %2")
                         .arg(settings().effectiveKnownHostsFile(), m_settingsFile));
}

void SshSettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SshSettingsDialog::retranslateUi()
{
    setWindowTitle(tr("SSH settings"));
    m_intro->setText(tr("How Layerwatch connects to every host. These settings are kept for this data "
                        "directory; an option given on the command line replaces the kept one and is kept "
                        "in its turn. An inventory entry's own user and port win over them."));
    m_identityLabel->setText(tr("Identity files:"));
    m_addIdentity->setText(tr("&Add..."));
    m_removeIdentity->setText(tr("Re&move"));
    m_useAgent->setText(tr("Offer the keys of the SSH &agent first (SSH_AUTH_SOCK)"));
    m_knownHostsLabel->setText(tr("&known_hosts file:"));
    m_knownHostsLabel->setBuddy(m_knownHosts);
    m_browseKnownHosts->setText(tr("Browse..."));
    m_sshConfigLabel->setText(tr("ssh_&config file:"));
    m_sshConfigLabel->setBuddy(m_sshConfig);
    m_sshConfig->setPlaceholderText(QDir::home().filePath(QStringLiteral(".ssh/config")));
    m_browseSshConfig->setText(tr("Browse..."));
    m_noSshConfig->setText(tr("Read &no ssh_config at all"));
    m_userLabel->setText(tr("Default &user:"));
    m_userLabel->setBuddy(m_user);
    m_user->setPlaceholderText(tr("from ssh_config, else your local user"));
    if (m_editHost)
        m_editHost->setText(tr("&Edit %1 in the inventory...").arg(m_host));
    updateKnownHostsPlaceholder();
}

} // namespace lw::gui
