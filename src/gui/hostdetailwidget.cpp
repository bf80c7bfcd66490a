#include "hostdetailwidget.h"
#include "textescape.h"

#include "diskchartwidget.h"
#include "hostfacts.h"
#include "hostproblempanel.h"
#include "layeranalysis.h"
#include "mountgraphview.h"
#include "mounttablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

QColor severityColor(lw::Severity severity)
{
    switch (severity) {
    case lw::Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case lw::Severity::Warning:
        return QColor(0xe6, 0x5c, 0x00);
    case lw::Severity::Info:
        break;
    }
    return QColor(0x15, 0x65, 0xc0);
}

QString severityIconName(lw::Severity severity)
{
    switch (severity) {
    case lw::Severity::Critical:
        return QStringLiteral("critical");
    case lw::Severity::Warning:
        return QStringLiteral("warning");
    case lw::Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

// Serves the severity icons (lw-icon:critical, ...) to the Overview's rich text from the style.
class OverviewBrowser final : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("lw-icon")) {
            QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
            if (name.path() == QLatin1String("critical"))
                pixmap = QStyle::SP_MessageBoxCritical;
            else if (name.path() == QLatin1String("warning"))
                pixmap = QStyle::SP_MessageBoxWarning;
            else if (name.path() == QLatin1String("unknown"))
                pixmap = QStyle::SP_MessageBoxQuestion;
            return style()->standardIcon(pixmap).pixmap(18, 18).toImage();
        }
        return QTextBrowser::loadResource(type, name);
    }
};

// Text from a host (a mount point, a path in daemon.json, an error) as HTML: control characters written
// visibly first (\x1b, \n), so that none splits a line or hides text.
QString esc(const QString &text)
{
    return lw::escapeControlCharacters(text).toHtmlEscaped();
}

QString codeHtml(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(esc(text));
}

// The host's facts (core's hostFacts, the same the CLI prints) as an HTML table: the tone of a part is its
// colour, a host value is code, a mount is a link.
QString factsHtml(const QList<lw::HostFact> &facts)
{
    QString rows;
    for (const lw::HostFact &fact : facts) {
        QStringList lines;
        for (const QList<lw::FactPart> &line : fact.lines) {
            QStringList parts;
            for (const lw::FactPart &p : line) {
                QString h = p.code ? codeHtml(p.text) : esc(p.text);
                switch (p.tone) {
                case lw::Tone::Critical:
                    h = QStringLiteral("<b style='color:#c62828'>%1</b>").arg(h);
                    break;
                case lw::Tone::Warning:
                    h = QStringLiteral("<b style='color:#e65c00'>%1</b>").arg(h);
                    break;
                case lw::Tone::Unknown:
                    h = QStringLiteral("<span style='color:#6d4c41'><img src='lw-icon:unknown' width=14 "
                                       "height=14> %1</span>")
                            .arg(h);
                    break;
                case lw::Tone::Muted:
                    h = QStringLiteral("<span style='color:#555'>%1</span>").arg(h);
                    break;
                case lw::Tone::Normal:
                    break;
                }
                if (p.mountId >= 0)
                    h = QStringLiteral("<a href='lw-mount:%1'>%2</a>").arg(p.mountId).arg(h);
                parts.append(h);
            }
            lines.append(parts.join(QLatin1Char(' ')));
        }
        rows += QStringLiteral(
                    "<tr><td valign=top width='32%' style='padding-right:12px'><b>%1</b></td><td>%2</td>"
                    "</tr>")
                    .arg(esc(fact.label), lines.join(QStringLiteral("<br>")));
    }
    // The labels get a third of the width: left to itself the layout gave them half in a narrow detail, and
    // kernel releases and paths broke into pieces of a few characters.
    return QStringLiteral("<table width='100%' cellspacing=3>%1</table>").arg(rows);
}

QString probeOutputText(const QByteArray &bytes, const QString &probeId)
{
    QString text = QString::fromUtf8(bytes);
    if (probeId == QLatin1String(lw::ProbeId::DockerdCmdline)) {
        // argv is NUL-separated: show each NUL as a visible symbol followed by a space.
        text.replace(QChar(0), QStringLiteral("\u2400 "));
    } else {
        text.replace(QChar(0), QChar(0x2400));
    }
    return text;
}

} // namespace

HostDetailWidget::HostDetailWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setEnabled(false);
    layout->addWidget(m_emptyLabel);
    m_problem = new HostProblemPanel(this);
    m_problem->setVisible(false);
    connect(m_problem, &HostProblemPanel::actionRequested, this, &HostDetailWidget::hostActionRequested);
    layout->addWidget(m_problem);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // Overview.
    auto *overview = new OverviewBrowser(m_tabs);
    overview->setOpenLinks(false);
    connect(overview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("lw-mount"))
            showMount(url.path().toInt());
        else if (url.scheme() == QLatin1String("lw-probe"))
            showProbe(url.path());
    });
    // Evidence lines (overlay options) are long words: wrap them anywhere rather than scroll sideways.
    overview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_overview = overview;
    m_tabs->addTab(m_overview, QString());

    // Mounts: graph or table on the left, the selected mount's decoded line on the right.
    m_mountsPage = new QWidget(m_tabs);
    auto *mountsLayout = new QVBoxLayout(m_mountsPage);
    mountsLayout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_dockerRootOnly = new QCheckBox(m_mountsPage);
    m_dockerRootOnly->setObjectName(QStringLiteral("dockerRootOnly"));
    m_hiddenOnly = new QCheckBox(m_mountsPage);
    m_zoomIn = new QToolButton(m_mountsPage);
    m_zoomOut = new QToolButton(m_mountsPage);
    m_fit = new QToolButton(m_mountsPage);
    m_mountSummary = new QLabel(m_mountsPage);
    // The summary wraps rather than widen the detail (at 1024 px the bar was 704 px wide and moved the
    // table/detail divider when this tab was opened).
    m_mountSummary->setWordWrap(true);
    m_mountSummary->setMinimumWidth(60);
    // Two rows, so that both filters keep their whole text in a detail of 360 px (a 1024 px window).
    bar->addWidget(m_dockerRootOnly);
    bar->addWidget(m_hiddenOnly);
    bar->addStretch(1);
    mountsLayout->addLayout(bar);
    auto *viewBar = new QHBoxLayout;
    viewBar->addWidget(m_zoomOut);
    viewBar->addWidget(m_zoomIn);
    viewBar->addWidget(m_fit);
    viewBar->addSpacing(12);
    viewBar->addWidget(m_mountSummary, 1);
    mountsLayout->addLayout(viewBar);

    auto *splitter = new QSplitter(Qt::Horizontal, m_mountsPage);
    m_mountViews = new QTabWidget(splitter);
    m_mountViews->setTabPosition(QTabWidget::South);
    m_mountViews->setDocumentMode(true);
    m_graph = new MountGraphView(m_mountViews);
    m_mountViews->addTab(m_graph, QString());
    m_mountModel = new MountTableModel(this);
    m_mountProxy = new MountFilterProxy(this);
    m_mountProxy->setSourceModel(m_mountModel);
    m_table = new QTableView(m_mountViews);
    m_table->setModel(m_mountProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MountTableModel::Visibility, Qt::AscendingOrder); // hidden mounts first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_mountViews->addTab(m_table, QString());
    m_mountDetails = new QTextBrowser(splitter);
    m_mountDetails->setOpenLinks(false);
    m_mountDetails->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    splitter->addWidget(m_mountViews);
    splitter->addWidget(m_mountDetails);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 340});
    mountsLayout->addWidget(splitter, 1);
    m_tabs->addTab(m_mountsPage, QString());

    connect(m_dockerRootOnly, &QCheckBox::toggled, this, &HostDetailWidget::onDockerRootOnlyToggled);
    connect(m_hiddenOnly, &QCheckBox::toggled, m_mountProxy, &MountFilterProxy::setHiddenOnly);
    connect(m_zoomIn, &QToolButton::clicked, m_graph, &MountGraphView::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_graph, &MountGraphView::zoomOut);
    connect(m_fit, &QToolButton::clicked, m_graph, &MountGraphView::fitAll);
    connect(m_graph, &MountGraphView::mountSelected, this, &HostDetailWidget::onMountSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HostDetailWidget::onTableCurrentChanged);

    // Disk.
    m_disk = new DiskChartWidget(m_tabs);
    m_tabs->addTab(m_disk, QString());

    // Raw probe output.
    auto *rawSplitter = new QSplitter(Qt::Horizontal, m_tabs);
    m_probeList = new QListWidget(rawSplitter);
    auto *rawRight = new QWidget(rawSplitter);
    auto *rawLayout = new QVBoxLayout(rawRight);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    m_probeHeader = new QLabel(rawRight);
    m_probeHeader->setWordWrap(true);
    m_probeHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path or command in the header must not widen the detail (it moved the table/detail divider
    // when this tab was opened): it wraps, and what does not fit is still selectable.
    m_probeHeader->setMinimumWidth(80);
    m_probeList->setMinimumWidth(100);
    m_probeList->setIconSize(QSize(16, 16)); // the style's default made the list as wide as the output
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_probeOutput = new QPlainTextEdit(rawRight);
    m_probeOutput->setReadOnly(true);
    m_probeOutput->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_probeOutput->setFont(mono);
    m_probeError = new QPlainTextEdit(rawRight);
    m_probeError->setReadOnly(true);
    m_probeError->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_probeError->setFont(mono);
    m_probeError->setMaximumHeight(110);
    rawLayout->addWidget(m_probeHeader);
    rawLayout->addWidget(m_probeOutput, 1);
    rawLayout->addWidget(m_probeError);
    rawSplitter->addWidget(m_probeList);
    rawSplitter->addWidget(rawRight);
    rawSplitter->setStretchFactor(1, 1);
    rawSplitter->setSizes({170, 900});
    m_tabs->addTab(rawSplitter, QString());
    connect(m_probeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            displayProbe(m_probeList->item(row)->data(Qt::UserRole).toString());
    });

    retranslateUi();
    clear();
}

HostDetailWidget::~HostDetailWidget() = default;

void HostDetailWidget::retranslateUi()
{
    m_tabs->setTabText(OverviewTab, tr("Overview"));
    m_tabs->setTabText(MountsTab, tr("Mounts"));
    m_tabs->setTabText(DiskTab, tr("Disk"));
    m_tabs->setTabText(RawTab, tr("Raw"));
    m_mountViews->setTabText(0, tr("Graph"));
    m_mountViews->setTabText(1, tr("Table"));
    m_dockerRootOnly->setText(tr("Docker root only"));
    m_dockerRootOnly->setToolTip(
        tr("Show only the mounts under the docker root, the mounts covering them and their parents"));
    m_hiddenOnly->setText(tr("Hidden mounts only (table)"));
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomIn->setToolTip(tr("Zoom in (+ or Ctrl+wheel)"));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Zoom out (- or Ctrl+wheel)"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Fit the whole graph into the view (F)"));
    m_emptyLabel->setText(tr("Select a host to see its details."));
    updateMountSummary();
    if (m_hasHost) {
        renderOverview();
        const QString probe = m_probeList->currentItem()
                                  ? m_probeList->currentItem()->data(Qt::UserRole).toString()
                                  : QString();
        renderRawList();
        selectProbe(probe);
        onMountSelected(m_selectedMount);
    } else {
        m_mountDetails->setHtml(QStringLiteral("<p><i>%1</i></p>")
                                    .arg(esc(tr("Click a mount to see its mountinfo line decoded."))));
    }
}

void HostDetailWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HostDetailWidget::clear()
{
    m_hasHost = false;
    m_snapshot = lw::HostSnapshot();
    m_analysis = lw::Analysis();
    m_history.clear();
    m_selectedMount = -1;
    m_graph->clear();
    m_mountModel->setTree(lw::MountTree());
    m_mountProxy->setAllowedIds({}, false);
    m_disk->clear();
    m_overview->clear();
    m_probeList->clear();
    m_probeHeader->clear();
    m_probeOutput->clear();
    m_probeError->clear();
    m_tabs->setVisible(false);
    m_emptyLabel->setVisible(true);
    m_problem->setVisible(false);
    m_mountDetails->setHtml(
        QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("Click a mount to see its mountinfo line decoded."))));
    updateMountSummary();
}

void HostDetailWidget::setProblem(const QString &host, const lw::HostProblem &problem)
{
    const bool banner = m_hasHost && host == m_snapshot.host;
    if (!banner && m_hasHost)
        clear();
    m_problem->setProblem(host, problem, banner);
    m_problem->setSizePolicy(QSizePolicy::Preferred, banner ? QSizePolicy::Maximum : QSizePolicy::Expanding);
    m_problem->setVisible(true);
    m_emptyLabel->setVisible(false);
    // A page of its own takes the room; a banner only what it needs above the tabs.
    static_cast<QVBoxLayout *>(layout())->setStretchFactor(m_problem, banner ? 0 : 1);
}

void HostDetailWidget::clearProblem()
{
    m_problem->setVisible(false);
    m_emptyLabel->setVisible(!m_hasHost);
}

QString HostDetailWidget::host() const
{
    if (m_hasHost)
        return m_snapshot.host;
    return m_problem->isHidden() ? QString() : m_problem->host();
}

void HostDetailWidget::setHost(const lw::HostSnapshot &snapshot, const lw::Analysis &analysis,
                               const QList<lw::DiskHistoryPoint> &history)
{
    const bool sameHost = m_hasHost && snapshot.host == m_snapshot.host;
    const int keepMount = sameHost ? m_selectedMount : -1;
    m_hasHost = true;
    m_snapshot = snapshot;
    m_analysis = analysis;
    m_history = history;
    m_selectedMount = -1;
    m_tabs->setVisible(true);
    m_emptyLabel->setVisible(false);
    if (m_problem->host() != snapshot.host)
        m_problem->setVisible(false); // another host's: its own problem, if any, is set after

    renderOverview();
    const lw::MountTree &tree = m_snapshot.mounts.value;
    m_graph->setContainers(lw::containersByMount(m_snapshot));
    m_graph->setTree(tree);
    m_mountModel->setTree(tree);
    if (m_dockerRootOnly->isChecked())
        onDockerRootOnlyToggled(true);
    else
        m_mountProxy->setAllowedIds({}, false);
    m_table->resizeColumnsToContents();
    if (m_table->columnWidth(MountTableModel::MountPoint) > 420)
        m_table->setColumnWidth(MountTableModel::MountPoint, 420);
    if (m_table->columnWidth(MountTableModel::Source) > 220)
        m_table->setColumnWidth(MountTableModel::Source, 220);
    updateMountSummary();
    onMountSelected(-1);
    if (keepMount >= 0 && tree.indexOfId(keepMount) >= 0)
        m_graph->selectMount(keepMount);

    const lw::DiskUsageTable disks = m_snapshot.disks.isOk() ? m_snapshot.disks.value : lw::DiskUsageTable();
    m_disk->setData(disks, m_snapshot.dockerRoot(), m_history, lw::dockerRootDisk(m_snapshot).covered);

    const QString probe = sameHost && m_probeList->currentItem()
                              ? m_probeList->currentItem()->data(Qt::UserRole).toString()
                              : QString();
    renderRawList();
    selectProbe(probe);
}

void HostDetailWidget::updateMountSummary()
{
    const lw::MountTree &tree = m_snapshot.mounts.value;
    if (!m_hasHost) {
        m_mountSummary->clear();
        return;
    }
    if (!m_snapshot.mounts.isOk()) {
        m_mountSummary->setText(tr("Mount table unknown: the mountinfo probe did not succeed (%1).")
                                    .arg(lw::probeStatusName(m_snapshot.mounts.status)));
        return;
    }
    const int hidden = int(tree.hiddenMounts().size());
    QString text = tr("%n mount(s)", nullptr, tree.size());
    if (hidden > 0)
        text +=
            QStringLiteral(", <b style='color:#c62828'>%1</b>").arg(esc(tr("%n hidden", nullptr, hidden)));
    if (m_dockerRootOnly->isChecked())
        text += QStringLiteral(", ") + esc(tr("%n shown", nullptr, m_graph->nodeCount()));
    m_mountSummary->setText(text);
}

void HostDetailWidget::onDockerRootOnlyToggled(bool on)
{
    m_graph->setDockerRootOnly(on);
    m_mountProxy->setAllowedIds(on ? m_graph->shownMountIds() : QSet<int>(), on);
    updateMountSummary();
}

void HostDetailWidget::showMount(int mountId)
{
    m_tabs->setCurrentIndex(MountsTab);
    if (!m_graph->hasNode(mountId) && m_dockerRootOnly->isChecked())
        m_dockerRootOnly->setChecked(false);
    m_graph->selectMount(mountId);
    onMountSelected(mountId);
}

void HostDetailWidget::onMountSelected(int mountId)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_selectedMount = mountId;
    const lw::MountTree &tree = m_snapshot.mounts.value;
    const int index = mountId >= 0 ? tree.indexOfId(mountId) : -1;
    if (index >= 0) {
        m_mountDetails->setHtml(MountGraphView::describeMount(tree, index));
        if (m_graph->selectedMount() != mountId)
            m_graph->selectMount(mountId);
        const QModelIndex source = m_mountModel->index(index, 0);
        const QModelIndex proxy = m_mountProxy->mapFromSource(source);
        if (proxy.isValid() && m_table->currentIndex().row() != proxy.row()) {
            m_table->setCurrentIndex(proxy);
            m_table->scrollTo(proxy);
        }
    } else {
        m_mountDetails->setHtml(QStringLiteral("<p><i>%1</i></p>")
                                    .arg(esc(tr("Click a mount to see its mountinfo line decoded."))));
    }
    m_syncing = false;
}

void HostDetailWidget::onTableCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || m_syncing)
        return;
    onMountSelected(current.data(MountTableModel::MountIdRole).toInt());
}

QString HostDetailWidget::overviewText() const
{
    return m_overview->toPlainText();
}

QString HostDetailWidget::mountDetailsText() const
{
    return m_mountDetails->toPlainText();
}

QString HostDetailWidget::rawText() const
{
    return m_probeOutput->toPlainText();
}

void HostDetailWidget::renderRawList()
{
    const QSignalBlocker blocker(m_probeList);
    m_probeList->clear();
    QStringList ids = lw::ProbeId::all();
    for (auto it = m_snapshot.raw.probes.cbegin(); it != m_snapshot.raw.probes.cend(); ++it) {
        if (!ids.contains(it.key()))
            ids.append(it.key());
    }
    for (const QString &id : std::as_const(ids)) {
        const lw::ProbeOutput probe = m_snapshot.raw.probe(id);
        const bool unchanged = m_snapshot.raw.unchanged.contains(id);
        const QString state = unchanged ? tr("%1, unchanged").arg(lw::probeStatusName(probe.status))
                                        : lw::probeStatusName(probe.status);
        auto *item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(id, state), m_probeList);
        item->setData(Qt::UserRole, id);
        if (unchanged)
            item->setToolTip(
                tr("On the last refresh the host reported this probe unchanged since its previous "
                   "probe over the same connection; the output shown is from that probe. "
                   "Probe > Full probe of all runs every probe again."));
        QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
        switch (probe.status) {
        case lw::ProbeStatus::Ok:
            break;
        case lw::ProbeStatus::Absent:
            icon = QStyle::SP_FileIcon;
            break;
        case lw::ProbeStatus::NotCollected:
            icon = QStyle::SP_MessageBoxQuestion;
            break;
        default:
            icon = QStyle::SP_MessageBoxWarning;
            break;
        }
        item->setIcon(style()->standardIcon(icon));
    }
    // Wide enough for its longest entry ("dockerd-execstart  (ok, unchanged)"), so nothing is cut.
    const int needed = m_probeList->sizeHintForColumn(0) + 2 * m_probeList->frameWidth() +
                       m_probeList->verticalScrollBar()->sizeHint().width();
    m_probeList->setMinimumWidth(qMin(needed, 420));
}

void HostDetailWidget::showProbe(const QString &probeId)
{
    for (int i = 0; i < m_probeList->count(); ++i) {
        if (m_probeList->item(i)->data(Qt::UserRole).toString() == probeId) {
            const QSignalBlocker blocker(m_probeList);
            m_probeList->setCurrentRow(i);
        }
    }
    m_tabs->setCurrentIndex(RawTab);
    displayProbe(probeId);
}

void HostDetailWidget::selectProbe(const QString &probeId)
{
    int row = 0;
    for (int i = 0; i < m_probeList->count(); ++i) {
        if (m_probeList->item(i)->data(Qt::UserRole).toString() == probeId)
            row = i;
    }
    if (m_probeList->count() == 0)
        return;
    if (m_probeList->currentRow() == row)
        displayProbe(m_probeList->item(row)->data(Qt::UserRole).toString());
    else
        m_probeList->setCurrentRow(row);
}

void HostDetailWidget::displayProbe(const QString &probeId)
{
    const lw::ProbeOutput probe = m_snapshot.raw.probe(probeId);
    const QLocale locale;
    QString header =
        QStringLiteral("<b>%1</b> &nbsp; %2: <b>%3</b> &nbsp; %4: %5 &nbsp; %6: %7 &nbsp; %8: %9")
            .arg(esc(probeId), esc(tr("status")), esc(lw::probeStatusName(probe.status)),
                 esc(tr("exit code")),
                 probe.exitCode >= 0 ? QString::number(probe.exitCode) : esc(tr("unknown")),
                 esc(tr("duration")),
                 probe.durationMs >= 0 ? esc(tr("%1 ms").arg(probe.durationMs)) : esc(tr("unknown")),
                 esc(tr("output")), esc(lw::formatBytes(probe.output.size())));
    if (probe.truncated)
        header += QStringLiteral(" &nbsp; <b style='color:#c62828'>%1</b>")
                      .arg(esc(tr("output truncated by the probe's size cap")));
    m_probeHeader->setText(header);
    m_probeOutput->setPlainText(probeOutputText(probe.output, probeId));
    m_probeError->setPlainText(probeOutputText(probe.errorOutput, probeId));
    m_probeError->setVisible(!probe.errorOutput.isEmpty());
}

void HostDetailWidget::renderOverview()
{
    const lw::HostSnapshot &s = m_snapshot;
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(esc(s.host));
    if (s.raw.collectedAt.isValid())
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(
                        tr("Collected %1")
                            .arg(QLocale().toString(s.raw.collectedAt.toLocalTime(), QLocale::ShortFormat))));
    html += factsHtml(lw::hostFacts(s));

    // Findings.
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Findings")));
    if (m_analysis.findings.isEmpty()) {
        const int unknownChecks = m_analysis.unknownCount();
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(unknownChecks > 0
                                 ? tr("No problem found, but %n check(s) could not run (see below).", nullptr,
                                      unknownChecks)
                                 : tr("No problem found.")));
    }
    for (const lw::Finding &f : std::as_const(m_analysis.findings)) {
        const QColor color = severityColor(f.severity);
        html += QStringLiteral("<table width='100%' cellspacing=0 cellpadding=6 style='margin-bottom:8px;"
                               "border-left:4px solid %1'><tr><td>")
                    .arg(color.name());
        html += QStringLiteral("<p><img src='lw-icon:%1' width=18 height=18> <b style='color:%2'>%3</b> "
                               "<b>%4</b> <span style='color:#777'>[%5]</span></p>")
                    .arg(severityIconName(f.severity), color.name(), esc(lw::severityDisplayName(f.severity)),
                         esc(f.title), esc(f.id));
        QString explanation = esc(f.explanation);
        explanation.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        html += QStringLiteral("<p>%1</p>").arg(explanation);
        if (!f.evidence.isEmpty()) {
            // The overview stays readable with hundreds of hidden mounts; the Raw tab has every line.
            constexpr int MaxEvidenceLines = 8;
            const QStringList shown = f.evidence.mid(0, MaxEvidenceLines);
            html += QStringLiteral(
                        "<p><b>%1</b></p><pre style='background:#f5f5f5; white-space:pre-wrap'>%2</pre>")
                        .arg(esc(tr("Evidence")), esc(shown.join(QLatin1Char('\n'))));
            if (f.evidence.size() > MaxEvidenceLines)
                html += QStringLiteral("<p><i>%1</i></p>")
                            .arg(esc(tr("and %n more evidence line(s); see the Raw tab", nullptr,
                                        int(f.evidence.size()) - MaxEvidenceLines)));
        }
        if (!f.containers.isEmpty()) {
            // the containers concerned, linked to their mount; removed ones (leaked) flagged
            constexpr int MaxContainers = 12;
            const QHash<int, lw::FindingContainer> byMount = lw::containersByMount(s);
            QStringList items;
            for (int i = 0; i < f.containers.size() && i < MaxContainers; ++i) {
                const lw::FindingContainer &c = f.containers.at(i);
                int mountId = -1;
                for (auto it = byMount.cbegin(); it != byMount.cend(); ++it) {
                    if (it->layerId == c.layerId)
                        mountId = it.key();
                }
                const QString label = esc(c.label());
                items << (mountId >= 0
                              ? QStringLiteral("<a href='lw-mount:%1'>%2</a>").arg(mountId).arg(label)
                              : label);
            }
            QString text = items.join(QStringLiteral(", "));
            if (f.containers.size() > MaxContainers)
                text += QLatin1Char(' ') +
                        esc(tr("and %n more", nullptr, int(f.containers.size()) - MaxContainers));
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(esc(tr("Containers (%1):").arg(f.containers.size())), text);
        }
        if (f.bytes >= 0)
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(esc(tr("Disk space:")), esc(lw::formatBytes(f.bytes)));
        if (!f.mountIds.isEmpty()) {
            QStringList links;
            constexpr int MaxLinks = 12;
            for (int i = 0; i < f.mountIds.size() && i < MaxLinks; ++i)
                links << QStringLiteral("<a href='lw-mount:%1'>#%1</a>").arg(f.mountIds.at(i));
            QString text = links.join(QStringLiteral(", "));
            if (f.mountIds.size() > MaxLinks)
                text += QLatin1Char(' ') + esc(tr("and %n more", nullptr, int(f.mountIds.size()) - MaxLinks));
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(esc(tr("Affected mounts (%1):").arg(f.mountIds.size())), text);
        }
        if (!f.coveredBy.isEmpty()) {
            QList<int> covers = f.coveredBy;
            std::sort(covers.begin(), covers.end());
            covers.erase(std::unique(covers.begin(), covers.end()), covers.end());
            QStringList links;
            const lw::MountTree &tree = s.mounts.value;
            for (int id : std::as_const(covers)) {
                const int index = tree.indexOfId(id);
                const QString where = index >= 0 ? tree.mounts().at(index).mountPoint : QString();
                links << QStringLiteral("<a href='lw-mount:%1'>#%1</a> %2").arg(id).arg(codeHtml(where));
            }
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(esc(tr("Covered by:")), links.join(QStringLiteral(", ")));
        }
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(esc(tr("Recommended repair:")),
                         f.remediation.isEmpty() ? esc(tr("none (manual review)")) : codeHtml(f.remediation));
        html += QStringLiteral("</td></tr></table>");
    }

    // Checks, unknown ones first: an unknown check is not a healthy one.
    if (!m_analysis.checks.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table cellspacing=2>").arg(esc(tr("Checks")));
        QList<lw::RuleCheck> checks = m_analysis.checks;
        std::stable_sort(checks.begin(), checks.end(), [](const lw::RuleCheck &a, const lw::RuleCheck &b) {
            auto rank = [](lw::RuleState st) {
                return st == lw::RuleState::Unknown ? 0 : st == lw::RuleState::Failed ? 1 : 2;
            };
            return rank(a.state) < rank(b.state);
        });
        for (const lw::RuleCheck &c : std::as_const(checks)) {
            QString state;
            switch (c.state) {
            case lw::RuleState::Passed:
                state = QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(esc(tr("passed")));
                break;
            case lw::RuleState::Failed:
                state = QStringLiteral("<b style='color:#c62828'>%1</b>").arg(esc(tr("failed")));
                break;
            case lw::RuleState::Unknown:
                state = QStringLiteral(
                            "<img src='lw-icon:unknown' width=14 height=14> <b style='color:#6d4c41'>%1</b>")
                            .arg(esc(tr("unknown")));
                break;
            }
            html += QStringLiteral("<tr><td style='padding-right:10px'><code>%1</code></td><td "
                                   "style='padding-right:10px'>%2</td><td>%3</td></tr>")
                        .arg(esc(c.ruleId), state, esc(c.reason));
        }
        html += QStringLiteral("</table>");
    }
    m_overview->setHtml(html);
}

} // namespace lw::gui
