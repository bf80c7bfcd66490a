#include "credentialdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMutexLocker>
#include <QPushButton>
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

} // namespace

SessionCredentials::~SessionCredentials()
{
    clear();
}

std::optional<QByteArray> SessionCredentials::passphrase(const lw::ssh::HostTarget &, const QString &keyFile)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_passphrases.constFind(keyFile);
    if (it != m_passphrases.cend())
        return it.value();
    if (!m_missing.contains(keyFile))
        m_missing.append(keyFile);
    return std::nullopt;
}

std::optional<QByteArray> SessionCredentials::password(const lw::ssh::HostTarget &target, const QString &)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_passwords.constFind(target.name);
    if (it != m_passwords.cend())
        return it.value();
    return std::nullopt;
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
}

CredentialDialog::CredentialDialog(Kind kind, const QString &subject, QWidget *parent)
    : QDialog(parent), m_kind(kind), m_subject(subject)
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
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    QPalette palette = m_note->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    m_note->setPalette(palette);
    layout->addWidget(m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
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
    m_note->setText(tr("Kept in memory for this session only; never written to disk."));
}

} // namespace lw::gui
