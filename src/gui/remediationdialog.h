#pragma once

#include "batchrunner.h"
#include "remediation.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMainWindow;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace lw {
class AuditLog;
namespace ssh {
class SshPool;
}
} // namespace lw

namespace lw::gui {

// A host the operator may repair: its last probe result and the findings it has.
struct RemediationCandidate
{
    BatchHost host;
    QStringList findingIds;
    // Why the host cannot be repaired now (translated; e.g. its last probe failed): listed, never checked.
    QString notEligible;
};

// Supervised remediation in four pages: script and parameters, hosts and rollout, plan preview (with an
// optional dry run), approval. Nothing runs on the hosts before the operator approved, except the dry run he
// asks for; accept() hands back what BatchRunner::start needs.
class RemediationDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Page { ScriptPage, HostsPage, PreviewPage, ApprovalPage, PageCount };

    RemediationDialog(RemediationCatalog catalog, QList<RemediationCandidate> candidates,
                      QWidget *parent = nullptr);
    ~RemediationDialog() override;

    // With a pool and an audit log the preview page can run a dry run (recorded like any run).
    void setDryRunSupport(ssh::SshPool *pool, AuditLog *audit);

    // Selects a script; false if it is unknown or refused (unverified), the selection is unchanged then.
    bool selectScript(const QString &id);
    QString scriptId() const;
    int currentPage() const;
    void showPage(int page); // builds what the page shows (plans, counts)

    // Sets the value an operator parameter gets ("containers", "keep", "persist", "allow-running").
    void setParameter(const QString &name, const QString &value);
    // For migrate-and-reboot: the host name as the operator typed it for host.
    void setConfirmation(const QString &host, const QString &typed);
    void setHostChecked(const QString &host, bool checked);
    QStringList checkedHosts() const;

    QMap<QString, QString> operatorValues() const; // for every host (confirm-host excluded)
    QMap<QString, QString> operatorValues(const QString &host) const;
    QList<BatchHost> hosts() const;       // the checked hosts with a valid plan, in table order
    QList<RemediationPlan> plans() const; // of every checked host, valid or not
    int runnableCount() const;            // hosts with a valid plan
    RolloutOptions rolloutOptions() const;
    bool dryRunFirst() const;
    Approval approval() const; // as approved (valid after accept())
    QString previewText() const;

    QPushButton *approveButton() const { return m_approve; }
    QLineEdit *typedCountEdit() const { return m_typedCount; }
    QListWidget *scriptList() const { return m_scripts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildScriptPage();
    void buildHostsPage();
    void buildPreviewPage();
    void buildApprovalPage();
    void retranslateUi();
    void scriptChanged();
    void rebuildParameters();
    void rebuildHosts();
    void replan();
    void updatePreview();
    void updateApproval();
    void updateButtons();
    void runDryRun();
    void approve();
    const RemediationScript *currentScript() const;
    bool isRebootScript() const;

    RemediationCatalog m_catalog;
    QList<RemediationCandidate> m_candidates;
    QList<RemediationPlan> m_plans; // of the checked hosts
    QList<int> m_planCandidate;     // m_candidates index of each plan
    QMap<QString, QString> m_values;
    QHash<QString, QString> m_confirmations;
    Approval m_approval;

    QPointer<ssh::SshPool> m_pool;
    AuditLog *m_audit = nullptr;
    QPointer<BatchRunner> m_dryRunner;
    QHash<QString, QString> m_dryRunOutput;
    QHash<QString, QString> m_dryRunState;
    bool m_dryRunDone = false;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_stepLabel = nullptr;
    // script page
    QLabel *m_scriptsLabel = nullptr;
    QListWidget *m_scripts = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_risk = nullptr;
    QLabel *m_parametersLabel = nullptr;
    QWidget *m_parametersBox = nullptr;
    QFormLayout *m_parametersForm = nullptr;
    // hosts page
    QLabel *m_hostsLabel = nullptr;
    QTableWidget *m_hostTable = nullptr;
    QLabel *m_rebootNote = nullptr;
    QLabel *m_rolloutLabel = nullptr;
    QLabel *m_canaryLabel = nullptr;
    QLabel *m_batchLabel = nullptr;
    QLabel *m_maxFailLabel = nullptr;
    QLabel *m_maxPercentLabel = nullptr;
    QSpinBox *m_canary = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_maxFailures = nullptr;
    QDoubleSpinBox *m_maxPercent = nullptr;
    QCheckBox *m_dryRunFirst = nullptr;
    // preview page
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_runDry = nullptr;
    QLabel *m_dryRunStatus = nullptr;
    // approval page
    QLabel *m_summary = nullptr;
    QLabel *m_typedLabel = nullptr;
    QLineEdit *m_typedCount = nullptr;
    QLabel *m_approvalHint = nullptr;
    // buttons
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_cancel = nullptr;
};

// The whole supervised flow for a window: the dialog for candidates; once approved, a BatchRunner (child of
// window) runs the batch, shown in a BatchPanel dock. Without pool or audit log (demo mode) the plans can be
// previewed but nothing runs.
// Returns the runner of the batch that started (its hostReprobed() carries each verified host's new state),
// or nullptr.
BatchRunner *runRemediation(QMainWindow *window, QList<RemediationCandidate> candidates, ssh::SshPool *pool,
                            AuditLog *audit);

} // namespace lw::gui
