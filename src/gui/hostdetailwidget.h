#pragma once

#include "finding.h"
#include "hostproblem.h"
#include "hostsnapshot.h"
#include "snapshotstore.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace lw::gui {

class DiskChartWidget;
class HostProblemPanel;
class MountFilterProxy;
class MountGraphView;
class MountTableModel;

// Everything known about one host: Overview (facts, findings, rule checks), Mounts (graph + table +
// decoded line of the selected mount), Disk (charts) and Raw (each probe's output as collected).
class HostDetailWidget : public QWidget
{
    Q_OBJECT

public:
    enum Tab { OverviewTab, MountsTab, DiskTab, RawTab };

    explicit HostDetailWidget(QWidget *parent = nullptr);
    ~HostDetailWidget() override;

    void setHost(const lw::HostSnapshot &snapshot, const lw::Analysis &analysis,
                 const QList<lw::DiskHistoryPoint> &history);
    void clear();
    // Why the host has no current result (failed, not probed, under way) and what to do: a page of its own
    // when no earlier result of the host is shown (call after clear() or for another host), else a banner
    // above that result.
    void setProblem(const QString &host, const lw::HostProblem &problem);
    void clearProblem();
    QString host() const; // the host shown, with results or only its problem

    // Parts, for the main window and the tests.
    QTabWidget *tabs() const { return m_tabs; }
    MountGraphView *mountGraph() const { return m_graph; }
    QTableView *mountTable() const { return m_table; }
    DiskChartWidget *diskChart() const { return m_disk; }
    HostProblemPanel *problemPanel() const { return m_problem; }
    QString overviewText() const;     // the Overview tab as plain text
    QString mountDetailsText() const; // the side panel as plain text
    QString rawText() const;          // the Raw tab's current probe output

public slots:
    // Switches to the Mounts tab and selects the mount in the graph, the table and the side panel.
    void showMount(int mountId);
    void showProbe(const QString &probeId);

signals:
    // A button of the problem page or banner (probe again, SSH settings, review the host key).
    void hostActionRequested(const QString &host, lw::HostAction action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void renderOverview();
    void renderRawList();
    void selectProbe(const QString &probeId); // in the list, without leaving the current tab
    void displayProbe(const QString &probeId);
    void onMountSelected(int mountId);
    void onTableCurrentChanged();
    void onDockerRootOnlyToggled(bool on);
    void updateMountSummary();

    lw::HostSnapshot m_snapshot;
    lw::Analysis m_analysis;
    QList<lw::DiskHistoryPoint> m_history;
    bool m_hasHost = false;
    int m_selectedMount = -1;
    bool m_syncing = false;

    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_overview = nullptr;

    QWidget *m_mountsPage = nullptr;
    QCheckBox *m_dockerRootOnly = nullptr;
    QCheckBox *m_hiddenOnly = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QToolButton *m_fit = nullptr;
    QLabel *m_mountSummary = nullptr;
    QTabWidget *m_mountViews = nullptr;
    MountGraphView *m_graph = nullptr;
    QTableView *m_table = nullptr;
    MountTableModel *m_mountModel = nullptr;
    MountFilterProxy *m_mountProxy = nullptr;
    QTextBrowser *m_mountDetails = nullptr;

    DiskChartWidget *m_disk = nullptr;

    QListWidget *m_probeList = nullptr;
    QLabel *m_probeHeader = nullptr;
    QPlainTextEdit *m_probeOutput = nullptr;
    QPlainTextEdit *m_probeError = nullptr;
    QLabel *m_emptyLabel = nullptr;
    HostProblemPanel *m_problem = nullptr;
};

} // namespace lw::gui
