#pragma once

#include "storeservice.h"

#include "fleetmodel.h"
#include "hostkeydialog.h"
#include "hostproblem.h"
#include "inventory.h"
#include "snapshotstore.h"
#include "sshsettings.h"
#include "sshtypes.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

class QComboBox;
class QSettings;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace Ui {
class MainWindow;
}

namespace lw {
class AuditLog;
struct HostResult;
class ProbeSweep;
namespace ssh {
class SshPool;
}
} // namespace lw

namespace lw::gui {

class FleetFilterProxy;
class SessionCredentials;
class HostDetailWidget;
class FleetChartsWidget;

struct MainWindowOptions
{
    QString dataDir;       // snapshots.db, inventory.json, settings; empty: QStandardPaths::AppDataLocation
    QString inventoryFile; // --inventory: imported at start-up (any format parseInventory reads)
    bool demo = false;     // show the demo captures; nothing is written to the data dir's store
    QString demoDir;       // where the demo captures are
    // SSH: empty means the user's own (~/.ssh/known_hosts, ~/.ssh/config, the agent and default keys).
    QString knownHostsFile;    // --known-hosts: replaces ~/.ssh/known_hosts, like UserKnownHostsFile
    QStringList identityFiles; // --identity (repeatable)
    QString sshConfigFile;     // --ssh-config FILE|none
};

// The console: fleet table with filters, probe toolbar and progress, host detail, fleet charts.
// Everything slow (SQLite, parsing captures, SSH) runs off the GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const MainWindowOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    FleetModel *fleetModel() const { return m_model; }
    // The SSH settings in use: kept for the data directory, the command line's options over them.
    const SshSettings &sshSettings() const { return m_ssh; }
    // What the next probe connects with.
    lw::ssh::SshOptions sshOptions() const;
    FleetFilterProxy *filterProxy() const { return m_proxy; }
    QTableView *fleetView() const { return m_view; }
    HostDetailWidget *hostDetail() const { return m_detail; }

    // Reads captures (one host's or a directory of them) in a worker, adds them to the table and, unless
    // in demo mode, to the snapshot store.
    void loadCaptures(const QString &dir);
    // True while start-up loading, capture loading or store writes are running.
    bool isBusy() const { return m_backgroundJobs > 0; }
    // For tests and screenshots: runs the event loop until no sweep, load or store write is running.
    bool waitUntilIdle(int msecs);

    void selectHost(const QString &host);
    // Probes every host once start-up loading is done (layerwatch --probe).
    void probeAllWhenReady();
    // Takes one batch of sweep results (connected to ProbeSweep::resultsReady; public so that
    // bench/bench_gui_sweep can feed a 2,000-host sweep without a lab).
    void onSweepResults(const QList<lw::HostResult> &batch);
    // Installs the translation ("en", "zh_CN"); every window retranslates through LanguageChange.
    // The settings of a data directory (layerwatch.ini in it), or the user's default settings when empty.
    static QSettings *openSettings(const QString &dataDir);
    static void switchLanguage(const QString &language);

signals:
    void backgroundIdle();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildCentralWidget();
    QWidget *buildEmptyState(QWidget *parent);
    void updateEmptyState();
    void openDemo();
    void leaveDemo();
    void setupActions();
    void retranslateUi();
    void reanalyzeInNewLanguage();
    void restoreSettings();
    void saveSettings();
    void updateFilterChoices();
    void updateCountLabel();
    void updateActions();
    void scheduleChartsUpdate();
    void updateCharts();
    void showCurrentHost();
    void contextMenu(const QPoint &pos);

    QStringList selectedHosts() const;
    // fullProbe: every probe runs again; else hosts with a kept probe shell get a refresh (ProbeSweep).
    void probeHosts(const QStringList &hosts, bool fullProbe = false);
    void stopProbing();
    // A lasting status-bar message, made again by text() when the language changes while it is shown.
    void showStatus(std::function<QString()> text);
    void onSweepProgress(int done, int failed, int total);
    void onSweepFinished();
    void onReprobed(const lw::HostResult &result);
    void refreshPendingDetail(const QStringList &hosts);
    void onHostAction(const QString &host, lw::HostAction action);
    void reviewHostKey(const QString &host);
    void askForCredentialsAndKeys();
    QStringList askAboutHostKeys(const QList<HostKeyQuestion> &questions);
    void forgetSavedSecrets();
    void removeHosts(const QStringList &hosts);

    void loadInventory();
    void saveInventory();
    void importInventory();
    void editInventory(const QString &host = QString()); // host: the row selected at first
    void openCapture();
    void about();
    // Remediation (engineer P): Repair... and Audit log...
    void openRemediation();
    void openAuditLog();
    lw::ssh::SshPool *ensurePool();

    void startStore();
    void writeToStore(const QList<StoredSnapshot> &snapshots);
    QString dataPath(const QString &name) const;
    QString knownHostsFile() const;
    void initSshSettings();
    void editSshSettings(const QString &host = QString()); // host: its problem page asked
    void applySshSettings(const SshSettings &settings);
    void updateKnownHostsStatus();

    // Runs work() in pool, then done(result) in the GUI thread.
    template<typename Work, typename Done> void runInBackground(QThreadPool *pool, Work work, Done done);
    void backgroundJobDone();

    std::unique_ptr<Ui::MainWindow> ui;
    MainWindowOptions m_options;
    FleetModel *m_model = nullptr;
    FleetFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_fleetStack = nullptr; // the table, or the first-start page while there is no host
    QWidget *m_emptyState = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyImport = nullptr;
    QPushButton *m_emptyAdd = nullptr;
    QPushButton *m_emptyDemo = nullptr;
    QPushButton *m_emptyCapture = nullptr;
    bool m_demoFromEmptyState = false; // the demo was opened here, not with --demo: leaving it is possible
    QSplitter *m_splitter = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    HostDetailWidget *m_detail = nullptr;
    QLabel *m_detailPlaceholder = nullptr;
    FleetChartsWidget *m_charts = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_severityFilter = nullptr;
    QComboBox *m_findingFilter = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QLabel *m_statusFilterLabel = nullptr;
    QLabel *m_severityFilterLabel = nullptr;
    QLabel *m_findingFilterLabel = nullptr;
    QLabel *m_tagFilterLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_concurrencyLabel = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_knownHostsStatus = nullptr; // the known_hosts file in use, always in the status bar
    QAction *m_sshSettingsAction = nullptr;
    SshSettings m_ssh;
    bool m_poolOutdated = false; // the SSH settings changed while the pool was in use
    QTimer m_elapsedTimer;
    QElapsedTimer m_sweepClock;
    QTimer m_chartsTimer;
    int m_done = 0;
    int m_failed = 0;
    int m_total = 0;
    bool m_sweepRunning = false;
    bool m_sweepStopped = false;           // the user stopped the sweep that runs
    std::function<QString()> m_statusText; // the lasting status message (showStatus) and what it showed
    QString m_statusShown;
    bool m_lastSweepStopped = false; // the sweep that just finished was stopped: no questions after it
    qint64 m_sweepDurationMs = 0;    // of the last sweep, once finished
    int m_batchDockHeight = 0;       // as the user left it; 0: a third of the window
    bool m_reanalysisQueued = false;
    quint64 m_languageGeneration = 0;

    QList<InventoryHost> m_inventory;
    std::unique_ptr<SessionCredentials> m_credentials;
    lw::ssh::SshPool *m_pool = nullptr;
    lw::ProbeSweep *m_sweep = nullptr;
    QList<StoredSnapshot> m_sweepSnapshots;
    QHash<QString, lw::ssh::HostKeyInfo> m_hostKeys; // the key a host presented when it was refused
    QList<QPair<QString, lw::ssh::HostKeyInfo>> m_unknownKeys;
    QList<QPair<QString, lw::ssh::HostKeyInfo>> m_changedKeys;
    QStringList m_authFailed;

    lw::StoreService *m_store = nullptr; // null in the demo
    QThreadPool m_workPool;              // parsing captures
    int m_backgroundJobs = 0;
    quint64 m_detailRequest = 0;
    QMenu *m_remediationMenu = nullptr;
    QAction *m_repairAction = nullptr;
    QAction *m_auditLogAction = nullptr;
    QAction *m_forgetSecretsAction = nullptr; // system keychain (task K)
    std::unique_ptr<lw::AuditLog> m_audit;
};

} // namespace lw::gui
