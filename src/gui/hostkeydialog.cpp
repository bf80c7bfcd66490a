#include "hostkeydialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace lw::gui {

HostKeyDialog::HostKeyDialog(const QString &host, const lw::ssh::HostKeyInfo &key, Kind kind, QWidget *parent)
    : QDialog(parent), m_host(host), m_key(key), m_kind(kind)
{
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(m_explanation);

    auto *form = new QFormLayout;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_hostLabel = new QLabel(this);
    m_typeLabel = new QLabel(this);
    m_fingerprintLabel = new QLabel(this);
    // Remote strings are shown as plain text, never interpreted as rich text.
    m_hostValue = new QLabel(key.knownHostsHost.isEmpty() ? host : key.knownHostsHost, this);
    m_typeValue = new QLabel(key.keyType, this);
    m_fingerprintValue = new QLabel(key.fingerprintSha256, this);
    for (QLabel *value : {m_hostValue, m_typeValue, m_fingerprintValue}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setFont(mono);
    }
    form->addRow(m_hostLabel, m_hostValue);
    form->addRow(m_typeLabel, m_typeValue);
    form->addRow(m_fingerprintLabel, m_fingerprintValue);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(this);
    if (kind == Kind::Unknown) {
        m_trustButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
        m_trustButton->setObjectName(QStringLiteral("trustButton"));
        m_rejectButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
        m_rejectButton->setDefault(true); // Enter must not trust a key by accident
    } else {
        m_rejectButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
        m_rejectButton->setDefault(true);
        m_heading->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_explanation->setStyleSheet(QStringLiteral("color: #c62828;"));
    }
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    retranslateUi();
}

void HostKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void HostKeyDialog::retranslateUi()
{
    m_hostLabel->setText(tr("Host:"));
    m_typeLabel->setText(tr("Key type:"));
    m_fingerprintLabel->setText(tr("Fingerprint:"));
    if (m_kind == Kind::Unknown) {
        setWindowTitle(tr("Unknown host key - %1").arg(m_host));
        m_heading->setText(tr("The authenticity of host %1 cannot be established.").arg(m_host));
        m_explanation->setText(
            tr("Compare the fingerprint below with one obtained from the host's administrator or console "
               "(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Trust it only if they match: "
               "it is then added to your known_hosts file and the host is probed."));
        m_trustButton->setText(tr("Trust and connect"));
        m_rejectButton->setText(tr("Reject"));
    } else {
        setWindowTitle(tr("HOST KEY CHANGED - %1").arg(m_host));
        m_heading->setText(tr("WARNING: the host key of %1 has CHANGED.").arg(m_host));
        m_explanation->setText(
            tr("Someone could be intercepting the connection (man-in-the-middle attack), or the host was "
               "reinstalled. Layerwatch will not connect to it. If the change is legitimate, verify the new "
               "fingerprint out of band, remove the old entry (ssh-keygen -R %1) and probe again.")
                .arg(m_key.knownHostsHost.isEmpty() ? m_host : m_key.knownHostsHost));
        m_rejectButton->setText(tr("Close"));
    }
}

} // namespace lw::gui
