#pragma once

#include "sshtypes.h"

#include <QDialog>
#include <QList>

class QLabel;
class QDialogButtonBox;
class QPushButton;
class QTableWidget;

namespace lw::gui {

// A host key a sweep could not verify: unknown (the admin may trust it) or changed (never trusted here).
struct HostKeyQuestion
{
    enum class Kind { Unknown, Changed };
    QString host; // as the inventory names it
    lw::ssh::HostKeyInfo key;
    Kind kind = Kind::Unknown;
};

// The host keys of one sweep in one dialog. Unknown keys are listed with their fingerprints, each with a box
// to tick after comparing it with the host's own; "Trust selected" adds the ticked ones to the known_hosts
// file in use. Changed keys are listed in red with the fingerprints known_hosts expects beside the new one
// and the command that removes the old entry from that file: they offer no way to connect. "Reject all" is
// the default button: Enter never trusts a key.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    HostKeyDialog(const QList<HostKeyQuestion> &questions, const QString &knownHostsFile,
                  QWidget *parent = nullptr);

    // The unknown keys that were ticked (meaningful once the dialog was accepted).
    QList<HostKeyQuestion> trustedKeys() const;
    bool canTrust() const { return m_trustButton != nullptr; }

    QTableWidget *unknownTable() const { return m_unknownTable; }
    QTableWidget *changedTable() const { return m_changedTable; }
    QPushButton *trustButton() const { return m_trustButton; }
    QPushButton *rejectButton() const { return m_rejectButton; }
    // Every text the dialog shows, tables included: what a test reads.
    QString plainText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildChangedSection(QLayout *layout);
    void buildUnknownSection(QLayout *layout);
    void updateTrustButton();
    void retranslateUi();

    QList<HostKeyQuestion> m_unknown;
    QList<HostKeyQuestion> m_changed;
    QString m_knownHostsFile;
    QLabel *m_changedHeading = nullptr;
    QLabel *m_changedExplanation = nullptr;
    QTableWidget *m_changedTable = nullptr;
    QLabel *m_changedAdvice = nullptr;
    QLabel *m_changedCommands = nullptr;
    QLabel *m_unknownHeading = nullptr;
    QLabel *m_unknownExplanation = nullptr;
    QTableWidget *m_unknownTable = nullptr;
    QLabel *m_knownHostsLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_rejectButton = nullptr;
};

} // namespace lw::gui
