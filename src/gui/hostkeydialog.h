#pragma once

#include "sshtypes.h"

#include <QDialog>

class QLabel;
class QDialogButtonBox;

namespace lw::gui {

// Asks whether to trust a host key the worker could not verify. For an unknown key the user compares the
// fingerprint with one obtained out of band and chooses "Trust and connect" or "Reject". A CHANGED key is
// shown with a red warning and offers no way to connect: the old entry has to be removed deliberately.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Unknown, Changed };

    HostKeyDialog(const QString &host, const lw::ssh::HostKeyInfo &key, Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    bool canTrust() const { return m_kind == Kind::Unknown; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_host;
    lw::ssh::HostKeyInfo m_key;
    Kind m_kind;
    QLabel *m_heading = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_typeLabel = nullptr;
    QLabel *m_fingerprintLabel = nullptr;
    QLabel *m_hostValue = nullptr;
    QLabel *m_typeValue = nullptr;
    QLabel *m_fingerprintValue = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_rejectButton = nullptr;
};

} // namespace lw::gui
