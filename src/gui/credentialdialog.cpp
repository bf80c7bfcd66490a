#include "credentialdialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMutexLocker>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

void wipe(QByteArray &secret)
{
    secret.fill('\0');
    secret.clear();
}

void wipeAll(QHash<QString, QByteArray> &secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        wipe(it.value());
    secrets.clear();
}

bool inGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}

} // namespace

SessionCredentials::SessionCredentials(const QString &keychainService)
{
    if (!keychainService.isEmpty())
        m_keychain = std::make_unique<KeychainStore>(keychainService);
}

SessionCredentials::~SessionCredentials()
{
    clear();
}

// Called in a worker thread, without m_mutex held: other workers go on while this one waits for the
// keychain. Each key is read at most once per session, so a fleet of hosts sharing one key asks once, and
// a locked or refusing keychain is not asked again for every host.
std::optional<QByteArray> SessionCredentials::fromKeychain(const QString &keychainKey)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_keychain || m_keychainAsked.contains(keychainKey) || inGuiThread())
            return std::nullopt;
    }
    QByteArray secret;
    const KeychainResult result = m_keychain->readBlocking(keychainKey, &secret);
    QMutexLocker lock(&m_mutex);
    m_keychainAsked.insert(keychainKey);
    if (result.ok())
        return secret;
    // Not there, or no keychain at all: nothing to tell. Locked, denied, broken: the dialog says so.
    if (result.code != KeychainResult::Code::NotFound && result.code != KeychainResult::Code::Unavailable)
        m_keychainErrors.insert(keychainKey, result.message);
    return std::nullopt;
}

std::optional<QByteArray> SessionCredentials::passphrase(const lw::ssh::HostTarget &, const QString &keyFile)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_passphrases.constFind(keyFile);
        if (it != m_passphrases.cend())
            return it.value();
    }
    if (std::optional<QByteArray> saved = fromKeychain(KeychainStore::passphraseKey(keyFile))) {
        QMutexLocker lock(&m_mutex);
        // A secret typed meanwhile wins over the saved one.
        return m_passphrases.contains(keyFile) ? m_passphrases.value(keyFile)
                                               : *m_passphrases.insert(keyFile, *saved);
    }
    QMutexLocker lock(&m_mutex);
    if (m_passphrases.contains(keyFile))
        return m_passphrases.value(keyFile);
    if (!m_missing.contains(keyFile))
        m_missing.append(keyFile);
    return std::nullopt;
}

std::optional<QByteArray> SessionCredentials::password(const lw::ssh::HostTarget &target, const QString &)
{
    // In memory: "user@host" (found in the keychain) or the host name (typed, for any user of it).
    const QString who = target.user.isEmpty() ? target.name : target.user + QLatin1Char('@') + target.name;
    const auto inMemory = [&]() -> std::optional<QByteArray> {
        for (const QString &key : {who, target.name}) {
            const auto it = m_passwords.constFind(key);
            if (it != m_passwords.cend())
                return it.value();
        }
        return std::nullopt;
    };
    {
        QMutexLocker lock(&m_mutex);
        if (std::optional<QByteArray> known = inMemory())
            return known;
    }
    std::optional<QByteArray> saved = fromKeychain(KeychainStore::passwordKey(who));
    QMutexLocker lock(&m_mutex);
    if (std::optional<QByteArray> known = inMemory()) // typed meanwhile: that wins
        return known;
    if (saved)
        m_passwords.insert(who, *saved);
    return saved;
}

void SessionCredentials::setPassphrase(const QString &keyFile, const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    m_passphrases.insert(keyFile, secret);
    m_missing.removeAll(keyFile);
}

void SessionCredentials::setPassword(const QString &host, const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    m_passwords.insert(host, secret);
}

bool SessionCredentials::hasPassword(const QString &host) const
{
    QMutexLocker lock(&m_mutex);
    return m_passwords.contains(host);
}

QStringList SessionCredentials::missingPassphrases() const
{
    QMutexLocker lock(&m_mutex);
    return m_missing;
}

void SessionCredentials::clear()
{
    QMutexLocker lock(&m_mutex);
    wipeAll(m_passphrases);
    wipeAll(m_passwords);
    m_missing.clear();
    m_keychainAsked.clear();
    m_keychainErrors.clear();
}

KeychainStore *SessionCredentials::keychain() const
{
    return m_keychain.get();
}

QString SessionCredentials::keychainReadError(const QString &keychainKey) const
{
    QMutexLocker lock(&m_mutex);
    return m_keychainErrors.value(keychainKey);
}

void SessionCredentials::forgetSavedSecrets(QObject *context,
                                            std::function<void(const KeychainResult &, int removed)> done)
{
    if (!m_keychain) {
        KeychainResult result;
        result.code = KeychainResult::Code::Unavailable;
        result.message = KeychainStore::tr("The system keychain is not used in this session.");
        done(result, 0);
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_keychainAsked.clear();
        m_keychainErrors.clear();
    }
    m_keychain->forgetAll(context, std::move(done));
}

CredentialDialog::CredentialDialog(Kind kind, const QString &subject, QWidget *parent)
    : CredentialDialog(kind, subject, nullptr, parent)
{}

CredentialDialog::CredentialDialog(Kind kind, const QString &subject, SessionCredentials *credentials,
                                   QWidget *parent)
    : QDialog(parent), m_kind(kind), m_subject(subject), m_credentials(credentials)
{
    auto *layout = new QVBoxLayout(this);
    m_prompt = new QLabel(this);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setWordWrap(true);
    layout->addWidget(m_prompt);
    m_edit = new QLineEdit(this);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setObjectName(QStringLiteral("secretEdit"));
    layout->addWidget(m_edit);
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(false);
    m_remember->setVisible(m_credentials && m_credentials->keychain());
    layout->addWidget(m_remember);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    QPalette palette = m_note->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    m_note->setPalette(palette);
    layout->addWidget(m_note);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("keychainStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CredentialDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_remember, &QCheckBox::toggled, this, &CredentialDialog::retranslateUi);
    if (m_credentials && m_credentials->keychain()) {
        connect(m_credentials->keychain(), &KeychainStore::availabilityChanged, this,
                &CredentialDialog::updateKeychainState);
        // The keyring may have been started since the last look.
        if (m_credentials->keychain()->availability() == KeychainStore::Availability::Unavailable &&
            KeychainStore::compiledIn())
            m_credentials->keychain()->recheckAvailability();
        const QString readError = m_credentials->keychainReadError(keychainKey());
        if (!readError.isEmpty()) {
            m_status->setText(
                tr("The saved secret could not be read from the system keychain: %1").arg(readError));
            m_status->show();
        }
    }
    setMinimumWidth(440);
    retranslateUi();
}

CredentialDialog::~CredentialDialog()
{
    m_edit->clear();
}

QByteArray CredentialDialog::secret() const
{
    return m_edit->text().toUtf8();
}

QString CredentialDialog::keychainKey() const
{
    return m_kind == Kind::Passphrase ? KeychainStore::passphraseKey(m_subject)
                                      : KeychainStore::passwordKey(m_subject);
}

void CredentialDialog::setBusy(bool busy)
{
    m_saving = busy;
    m_edit->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    m_remember->setEnabled(!busy);
    if (!busy)
        updateKeychainState();
}

void CredentialDialog::accept()
{
    if (m_saving)
        return;
    const bool remember = m_remember->isVisible() && m_remember->isEnabled() && m_remember->isChecked();
    if (!remember || !m_credentials || !m_credentials->keychain()) {
        QDialog::accept();
        return;
    }
    setBusy(true);
    m_status->setText(tr("Saving in the system keychain..."));
    m_status->show();
    m_credentials->keychain()->write(keychainKey(), secret(), this, [this](const KeychainResult &result) {
        setBusy(false);
        if (result.ok()) {
            m_saved = true;
            m_saveError.clear();
            QDialog::accept();
            return;
        }
        // Nothing is lost: the secret is still in the field, and OK now keeps it for this session only.
        m_saveError = result.message;
        m_remember->setChecked(false);
        m_status->setText(
            tr("Not saved in the system keychain: %1\nPress OK to use the secret for this session "
               "only.")
                .arg(result.message));
        m_buttons->button(QDialogButtonBox::Ok)->setFocus();
    });
}

void CredentialDialog::reject()
{
    if (m_saving)
        return; // the keychain answers within its time-out; closing now would leave the user guessing
    QDialog::reject();
}

void CredentialDialog::updateKeychainState()
{
    if (!m_credentials || !m_credentials->keychain())
        return;
    const KeychainStore *store = m_credentials->keychain();
    switch (store->availability()) {
    case KeychainStore::Availability::Checking:
        m_remember->setEnabled(false);
        m_remember->setToolTip(tr("Looking for a system keychain..."));
        break;
    case KeychainStore::Availability::Available:
        m_remember->setEnabled(!m_saving);
        m_remember->setToolTip(tr("Saves the secret in the system keychain (service \"%1\"), so that later "
                                  "sessions do not ask again. File > Forget saved secrets deletes it.")
                                   .arg(store->service()));
        break;
    case KeychainStore::Availability::Unavailable:
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        m_remember->setToolTip(tr("Not available: %1").arg(store->unavailableReason()));
        break;
    }
}

void CredentialDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CredentialDialog::retranslateUi()
{
    if (m_kind == Kind::Passphrase) {
        setWindowTitle(tr("Key passphrase"));
        m_prompt->setText(tr("Passphrase for the private key %1:").arg(m_subject));
    } else {
        setWindowTitle(tr("Password"));
        m_prompt->setText(tr("Password for %1:").arg(m_subject));
    }
    m_remember->setText(tr("Remember in the system keychain"));
    if (m_remember->isChecked())
        m_note->setText(tr("Kept in memory for this session and saved in the system keychain when you press "
                           "OK; never written to a file by Layerwatch."));
    else
        m_note->setText(tr("Kept in memory for this session only; never written to disk."));
    updateKeychainState();
}

} // namespace lw::gui
