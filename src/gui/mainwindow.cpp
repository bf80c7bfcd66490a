#include "mainwindow.h"

#include "auditlog.h"
#include "auditlogviewer.h"
#include "capture.h"
#include "credentialdialog.h"
#include "fleetfilterproxy.h"
#include "hostkeydialog.h"
#include "i18n.h"
#include "inventorydialog.h"
#include "knownhosts.h"
#include "probesweep.h"
#include "remediationdialog.h"
#include "reportexportdialog.h"
#include "rules.h"
#include "sshpool.h"
#include "sshsettingsdialog.h"
#include "textescape.h"
#include "ui_mainwindow.h"

#if __has_include("hostdetailwidget.h")
#include "hostdetailwidget.h"
#define LAYERWATCH_HAVE_HOST_DETAIL 1
#endif
#if __has_include("fleetchartswidget.h")
#include "fleetchartswidget.h"
#define LAYERWATCH_HAVE_FLEET_CHARTS 1
#endif

#include <QAbstractItemView>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTranslator>
#include <QVBoxLayout>

#include <limits>

static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace lw::gui {

namespace {

QString formatElapsed(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// Parsing and analysis of one capture, off the GUI thread.
struct LoadedHost
{
    HostRow row;
    StoredSnapshot stored;
};

LoadedHost loadHost(const RawCapture &capture, HostStatus status, const QDateTime &time)
{
    auto snapshot = std::make_shared<HostSnapshot>(buildSnapshot(capture));
    auto analysis = std::make_shared<Analysis>(analyze(*snapshot));
    LoadedHost loaded;
    const QString host = capture.host;
    loaded.row = makeHostRow(host, {}, status, snapshot, analysis);
    if (time.isValid())
        loaded.row.lastProbe = time;
    loaded.stored.host = host;
    loaded.stored.time =
        loaded.row.lastProbe.isValid() ? loaded.row.lastProbe : QDateTime::currentDateTimeUtc();
    loaded.stored.status = status;
    loaded.stored.capture = capture;
    summarize(loaded.stored, *snapshot, *analysis);
    return loaded;
}

struct CaptureLoadResult
{
    QList<HostRow> rows;
    QList<StoredSnapshot> stored;
    QStringList errors;
};

} // namespace

template<typename Work, typename Done>
void MainWindow::runInBackground(QThreadPool *pool, Work work, Done done)
{
    ++m_backgroundJobs;
    pool->start([this, work, done]() {
        auto result = work();
        QMetaObject::invokeMethod(
            this,
            [this, result, done]() {
                done(result);
                backgroundJobDone();
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::backgroundJobDone()
{
    if (--m_backgroundJobs == 0)
        emit backgroundIdle();
}

bool MainWindow::waitUntilIdle(int msecs)
{
    QElapsedTimer timer;
    timer.start();
    // A running sweep too: a host's result may land after the statuses a caller waited for.
    auto busy = [this] {
        return m_sweepRunning || m_backgroundJobs > 0 || (m_store && m_store->pending() > 0);
    };
    while (busy() && timer.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    return !busy();
}

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent), ui(std::make_unique<Ui::MainWindow>()), m_options(options),
      m_credentials(std::make_unique<SessionCredentials>())
{
    initIconResources();
    m_workPool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/layerwatch.png")));

    m_model = new FleetModel(this);
    m_proxy = new FleetFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    buildCentralWidget();
    setupActions();
    initSshSettings();
    retranslateUi();
    restoreSettings();

    m_chartsTimer.setSingleShot(true);
    m_chartsTimer.setInterval(300);
    connect(&m_chartsTimer, &QTimer::timeout, this, [this] {
        updateCharts();
        updateFilterChoices();
        updateCountLabel();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::scheduleChartsUpdate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::scheduleChartsUpdate);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::scheduleChartsUpdate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::scheduleChartsUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(this, &MainWindow::backgroundIdle, this, &MainWindow::updateEmptyState);

    m_elapsedTimer.setInterval(500);
    connect(&m_elapsedTimer, &QTimer::timeout, this, [this] { onSweepProgress(m_done, m_failed, m_total); });

    if (m_options.demo) {
        m_model->setStaleAfter(std::numeric_limits<qint64>::max() / 2); // demo captures are old by design
        showStatus([] { return tr("Demo mode: showing the demo captures; nothing is probed or stored."); });
        loadCaptures(m_options.demoDir);
    } else {
        loadInventory();
        if (!m_options.inventoryFile.isEmpty()) {
            QString error;
            const Inventory inventory = importInventoryFile(m_options.inventoryFile, &error);
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Inventory"), error);
            } else {
                const int added = mergeInventoryHosts(m_inventory, inventory.hosts);
                statusBar()->showMessage(
                    tr("%1: %n new host(s)", nullptr, added).arg(m_options.inventoryFile), 10000);
                saveInventory();
            }
        }
        QList<QPair<QString, QStringList>> hosts;
        for (const InventoryHost &h : std::as_const(m_inventory))
            hosts.append({h.name, h.tags});
        m_model->addHosts(hosts);
        startStore();
    }
    updateActions();
    updateCountLabel();
    updateEmptyState();
}

MainWindow::~MainWindow()
{
    if (m_sweep)
        m_sweep->cancel();
    // Workers post their results to this window: let them finish while it still exists.
    m_workPool.waitForDone();
    if (m_store)
        m_store->waitForDone();
    delete m_sweep;
    m_sweep = nullptr;
    delete m_pool;
    m_pool = nullptr;
}

// What a first start shows instead of an empty table: what Layerwatch needs and the ways to give it.
QWidget *MainWindow::buildEmptyState(QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    m_emptyTitle = new QLabel(page);
    QFont title = m_emptyTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_emptyTitle->setFont(title);
    m_emptyText = new QLabel(page);
    m_emptyText->setWordWrap(true);
    m_emptyText->setMaximumWidth(560);
    column->addWidget(m_emptyTitle);
    column->addWidget(m_emptyText);
    column->addSpacing(8);
    auto addButton = [&](QPushButton *&button, const char *name, QStyle::StandardPixmap icon) {
        button = new QPushButton(style()->standardIcon(icon), QString(), page);
        button->setObjectName(QLatin1String(name));
        button->setMinimumHeight(button->sizeHint().height() + 6);
        column->addWidget(button);
    };
    addButton(m_emptyImport, "emptyImport", QStyle::SP_FileDialogNewFolder);
    addButton(m_emptyAdd, "emptyAdd", QStyle::SP_FileDialogDetailedView);
    addButton(m_emptyCapture, "emptyCapture", QStyle::SP_DirOpenIcon);
    addButton(m_emptyDemo, "emptyDemo", QStyle::SP_ComputerIcon);
    m_emptyImport->setDefault(true);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    connect(m_emptyImport, &QPushButton::clicked, this, &MainWindow::importInventory);
    connect(m_emptyAdd, &QPushButton::clicked, this, [this] { editInventory(); });
    connect(m_emptyCapture, &QPushButton::clicked, this, &MainWindow::openCapture);
    connect(m_emptyDemo, &QPushButton::clicked, this, &MainWindow::openDemo);
    return page;
}

// The first-start page while there is no host (and nothing is still loading), else the table.
void MainWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0 && m_backgroundJobs == 0;
    m_fleetStack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_view));
    m_emptyDemo->setVisible(!m_options.demo && QFileInfo(m_options.demoDir).isDir());
}

// The demo fleet in this window, as with --demo: nothing is probed or stored. Leaving it (an inventory is
// imported or edited) empties the table again.
void MainWindow::openDemo()
{
    if (m_options.demo || m_model->rowCount() > 0)
        return;
    m_options.demo = true;
    m_demoFromEmptyState = true;
    m_model->setStaleAfter(std::numeric_limits<qint64>::max() / 2);
    showStatus([] { return tr("Demo mode: showing the demo captures; nothing is probed or stored."); });
    loadCaptures(m_options.demoDir);
    updateActions();
    updateCountLabel();
}

void MainWindow::leaveDemo()
{
    if (!m_demoFromEmptyState)
        return;
    m_demoFromEmptyState = false;
    m_options.demo = false;
    m_model->setStaleAfter(FleetModel().staleAfter());
    m_model->removeHosts(m_model->hosts());
    statusBar()->showMessage(tr("Left the demo."), 5000);
    updateActions();
    updateCountLabel();
}

void MainWindow::buildCentralWidget()
{
    auto *central = ui->centralwidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(central);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(150); // the filter bar fits 1024 px in every language
    m_search->setObjectName(QStringLiteral("searchEdit"));
    filters->addWidget(m_search, 2);
    auto addCombo = [&](QLabel *&label, QComboBox *&combo, const char *name) {
        label = new QLabel(central);
        combo = new QComboBox(central);
        combo->setObjectName(QLatin1String(name));
        // Sized by a few characters, not by the longest entry: a long finding title or a language switch
        // must not widen the window (the popup list is as wide as its entries anyway).
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(7);
        label->setBuddy(combo);
        filters->addSpacing(8);
        filters->addWidget(label);
        filters->addWidget(combo, qstrcmp(name, "findingFilter") == 0 ? 2 : 0); // the long entries get room
    };
    addCombo(m_statusFilterLabel, m_statusFilter, "statusFilter");
    addCombo(m_severityFilterLabel, m_severityFilter, "severityFilter");
    addCombo(m_findingFilterLabel, m_findingFilter, "findingFilter");
    addCombo(m_tagFilterLabel, m_tagFilter, "tagFilter");
    filters->addStretch(1);
    m_countLabel = new QLabel(central);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    filters->addWidget(m_countLabel);
    layout->addLayout(filters);

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("fleetView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QList<QPair<int, int>> widths = {{FleetModel::Host, 150},
                                           {FleetModel::Tags, 100},
                                           {FleetModel::Status, 110},
                                           {FleetModel::LastProbe, 135},
                                           {FleetModel::Kernel, 150},
                                           {FleetModel::DriverConfigured, 170},
                                           {FleetModel::DriverRunning, 90},
                                           {FleetModel::BackingFs, 85},
                                           {FleetModel::DType, 55},
                                           {FleetModel::RedirectDir, 85},
                                           {FleetModel::CoveredMounts, 110},
                                           {FleetModel::Containers, 200},
                                           {FleetModel::DockerRootUsage, 130},
                                           {FleetModel::WorstFinding, 260}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_leftSplitter = new QSplitter(Qt::Vertical, m_splitter);
    m_leftSplitter->setObjectName(QStringLiteral("leftSplitter"));
    m_fleetStack = new QStackedWidget(m_leftSplitter);
    m_fleetStack->addWidget(m_view);
    m_emptyState = buildEmptyState(m_fleetStack);
    m_fleetStack->addWidget(m_emptyState);
    m_leftSplitter->addWidget(m_fleetStack);
#ifdef LAYERWATCH_HAVE_FLEET_CHARTS
    m_charts = new FleetChartsWidget(m_leftSplitter);
    m_charts->setObjectName(QStringLiteral("fleetCharts"));
    m_leftSplitter->addWidget(m_charts);
    m_leftSplitter->setStretchFactor(0, 3);
    m_leftSplitter->setStretchFactor(1, 1);
    connect(m_charts, &FleetChartsWidget::hostActivated, this, &MainWindow::selectHost);
    connect(m_charts, &FleetChartsWidget::findingActivated, this, [this](const QString &id) {
        const int i = m_findingFilter->findData(id);
        if (i >= 0)
            m_findingFilter->setCurrentIndex(i);
    });
#endif
    m_splitter->addWidget(m_leftSplitter);
#ifdef LAYERWATCH_HAVE_HOST_DETAIL
    m_detail = new HostDetailWidget(m_splitter);
    m_detail->setObjectName(QStringLiteral("hostDetail"));
    connect(m_detail, &HostDetailWidget::hostActionRequested, this, &MainWindow::onHostAction);
    m_splitter->addWidget(m_detail);
#else
    m_detailPlaceholder = new QLabel(m_splitter);
    m_detailPlaceholder->setAlignment(Qt::AlignCenter);
    m_splitter->addWidget(m_detailPlaceholder);
#endif
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    // Fixed minimums: the splitter then never moves the divider because a tab or a language changed what
    // the detail's pages would like (the Mounts tab's bar, a long path in the Raw tab); the divider stays
    // where the admin put it. The pages wrap or scroll below their own preference.
    m_leftSplitter->setMinimumWidth(320);
    m_splitter->widget(1)->setMinimumWidth(360);
    layout->addWidget(m_splitter, 1);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_progressLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &FleetFilterProxy::setSearchText);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatusFilter(m_statusFilter->currentData().toString()); });
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_severityFilter->currentData().toInt();
        m_proxy->setMinimumSeverity(value < 0 ? std::nullopt : std::optional<Severity>(Severity(value)));
    });
    connect(m_findingFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setFindingIdFilter(m_findingFilter->currentData().toString()); });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setTagFilter(m_tagFilter->currentData().toString()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentHost);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_view, &QTableView::doubleClicked, this, &MainWindow::showCurrentHost);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::contextMenu);
}

void MainWindow::setupActions()
{
    ui->actionProbeAll->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    ui->actionProbeSelected->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    ui->actionStop->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    ui->actionOpenCapture->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    ui->actionImportInventory->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));

    m_concurrencyLabel = new QLabel(this);
    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(32);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    ui->toolBar->addSeparator();
    ui->toolBar->addWidget(m_concurrencyLabel);
    ui->toolBar->addWidget(m_concurrency);
    ui->toolBar->addSeparator();
    ui->toolBar->addAction(ui->actionImportInventory);
    ui->toolBar->addAction(ui->actionOpenCapture);
    ui->toolBar->setObjectName(QStringLiteral("probeToolBar"));
    connect(m_concurrency, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_pool)
            m_pool->setMaxConcurrent(value);
    });

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionProbeAll, &QAction::triggered, this, [this] { probeHosts(m_model->hosts()); });
    connect(ui->actionFullProbeAll, &QAction::triggered, this,
            [this] { probeHosts(m_model->hosts(), true); });
    connect(ui->actionProbeSelected, &QAction::triggered, this, [this] { probeHosts(selectedHosts()); });
    connect(ui->actionStop, &QAction::triggered, this, &MainWindow::stopProbing);
    connect(ui->actionImportInventory, &QAction::triggered, this, &MainWindow::importInventory);
    connect(ui->actionEditInventory, &QAction::triggered, this, [this] { editInventory(); });
    connect(ui->actionOpenCapture, &QAction::triggered, this, &MainWindow::openCapture);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::about);
    connect(ui->actionFind, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(ui->actionClearFilters, &QAction::triggered, this, [this] {
        m_search->clear();
        for (QComboBox *combo : {m_statusFilter, m_severityFilter, m_findingFilter, m_tagFilter})
            combo->setCurrentIndex(0);
    });
    ui->actionShowDetails->setChecked(true);
    ui->actionShowCharts->setChecked(true);
    connect(ui->actionShowDetails, &QAction::toggled, this,
            [this](bool on) { m_splitter->widget(1)->setVisible(on); });
    connect(ui->actionShowCharts, &QAction::toggled, this, [this](bool on) {
        if (m_charts)
            m_charts->setVisible(on);
        if (on)
            updateCharts();
    });
    if (!m_charts)
        ui->actionShowCharts->setEnabled(false);

    auto *languages = new QActionGroup(this);
    languages->addAction(ui->actionLangEnglish);
    languages->addAction(ui->actionLangChinese);
    ui->actionLangEnglish->setData(QStringLiteral("en"));
    ui->actionLangChinese->setData(QStringLiteral("zh_CN"));
    const bool chinese = QLocale().name().startsWith(QLatin1String("zh"));
    (chinese ? ui->actionLangChinese : ui->actionLangEnglish)->setChecked(true);
    m_remediationMenu = new QMenu(this);
    menuBar()->insertMenu(ui->menuLanguage->menuAction(), m_remediationMenu);
    m_repairAction = m_remediationMenu->addAction(QIcon(QStringLiteral(":/icons/repair.png")), QString());
    m_repairAction->setObjectName(QStringLiteral("actionRepair"));
    m_repairAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_auditLogAction = m_remediationMenu->addAction(QString());
    m_auditLogAction->setObjectName(QStringLiteral("actionAuditLog"));
    connect(m_repairAction, &QAction::triggered, this, &MainWindow::openRemediation);
    connect(m_auditLogAction, &QAction::triggered, this, &MainWindow::openAuditLog);
    m_forgetSecretsAction = new QAction(this);
    m_forgetSecretsAction->setObjectName(QStringLiteral("actionForgetSecrets"));
    ui->menuFile->insertAction(ui->actionQuit, m_forgetSecretsAction);
    ReportExportDialog::addMenuEntry(ui->menuFile, m_forgetSecretsAction, this, m_model);
    ui->menuFile->insertSeparator(ui->actionQuit);
    connect(m_forgetSecretsAction, &QAction::triggered, this, &MainWindow::forgetSavedSecrets);

    connect(languages, &QActionGroup::triggered, this, [this](QAction *action) {
        const QString language = action->data().toString();
        switchLanguage(language);
        std::unique_ptr<QSettings> settings(openSettings(m_options.dataDir));
        settings->setValue(QStringLiteral("language"), language);
    });
}

QSettings *MainWindow::openSettings(const QString &dataDir)
{
    if (!dataDir.isEmpty())
        return new QSettings(QDir(dataDir).filePath(QStringLiteral("layerwatch.ini")), QSettings::IniFormat);
    return new QSettings;
}

void MainWindow::switchLanguage(const QString &language)
{
    // Drop the translators installed before, so that the new language is not shadowed by the old one.
    const QList<QTranslator *> old =
        QCoreApplication::instance()->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : old) {
        QCoreApplication::removeTranslator(translator);
        translator->deleteLater();
    }
    lw::installTranslations(language);
    QLocale::setDefault(QLocale(language == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                                language == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslateUi();
        if (!m_reanalysisQueued) { // one LanguageChange or several: one new analysis
            m_reanalysisQueued = true;
            QTimer::singleShot(0, this, &MainWindow::reanalyzeInNewLanguage);
        }
    }
    QMainWindow::changeEvent(event);
}

// Findings are text the rules write in the language of their time: after a switch every host is analysed
// again (off the GUI thread, from the snapshot it has) and every view shows the new text.
void MainWindow::reanalyzeInNewLanguage()
{
    m_reanalysisQueued = false;
    QList<HostRow> rows;
    for (const HostRow &r : m_model->hostRows()) {
        if (r.snapshot)
            rows.append(r);
    }
    if (rows.isEmpty())
        return;
    const quint64 generation = ++m_languageGeneration;
    runInBackground(
        &m_workPool,
        [rows]() {
            QList<HostRow> again;
            again.reserve(rows.size());
            for (const HostRow &r : rows) {
                HostRow row = makeHostRow(r.host, r.tags, r.status, r.snapshot,
                                          std::make_shared<Analysis>(analyze(*r.snapshot)));
                row.lastProbe = r.lastProbe;
                row.fromStore = r.fromStore;
                again.append(row);
            }
            return again;
        },
        [this, generation](const QList<HostRow> &again) {
            if (generation != m_languageGeneration)
                return;           // another switch since: its analysis comes
            QList<HostRow> still; // rows a newer result has not replaced meanwhile
            for (HostRow row : again) {
                const int i = m_model->rowOfHost(row.host);
                if (i < 0 || m_model->hostRow(i).snapshot != row.snapshot)
                    continue;
                row.status = m_model->hostRow(i).status;
                row.message = m_model->hostRow(i).message;
                still.append(row);
            }
            m_model->upsertRows(still);
            showCurrentHost();
            updateFilterChoices();
            scheduleChartsUpdate();
        });
}

void MainWindow::retranslateUi()
{
    m_emptyTitle->setText(tr("No hosts yet"));
    m_emptyText->setText(tr(
        "Layerwatch connects to your Docker hosts over SSH, runs read-only probes and shows what is wrong "
        "with their overlay2 storage - above all, mounts covered by a later mount. Add hosts to start: "
        "import an inventory (a plain list, an Ansible INI file or your ~/.ssh/config), add hosts by hand, "
        "or open captures saved with layerwatch-cli probe --save. The demo fleet shows what a problem "
        "looks like, without connecting anywhere."));
    m_emptyImport->setText(tr("Import an inventory..."));
    m_emptyAdd->setText(tr("Add hosts by hand..."));
    m_emptyCapture->setText(tr("Open a capture..."));
    m_emptyDemo->setText(tr("Open the demo fleet"));
    m_search->setPlaceholderText(tr("Search hosts, tags, kernels, finding IDs (Ctrl+F)"));
    m_remediationMenu->setTitle(tr("&Remediation"));
    m_repairAction->setText(tr("&Repair..."));
    m_repairAction->setToolTip(tr("Run a reviewed repair script on the selected hosts, supervised"));
    m_auditLogAction->setText(tr("&Audit log..."));
    m_sshSettingsAction->setText(tr("&SSH settings..."));
    m_sshSettingsAction->setToolTip(
        tr("Identity files, the SSH agent, the known_hosts file, ssh_config and the default user"));
    updateKnownHostsStatus();
    // The status bar's lasting message follows the language (one that another message replaced does not).
    if (m_statusText && statusBar()->currentMessage() == m_statusShown)
        showStatus(m_statusText);
    m_forgetSecretsAction->setText(tr("&Forget saved secrets"));
    m_forgetSecretsAction->setToolTip(
        tr("Delete the passphrases and passwords Layerwatch saved in the system keychain"));
    m_statusFilterLabel->setText(tr("&Status:"));
    m_severityFilterLabel->setText(tr("Se&verity:"));
    m_findingFilterLabel->setText(tr("F&inding:"));
    m_tagFilterLabel->setText(tr("&Tag:"));
    m_concurrencyLabel->setText(tr(" Concurrency: "));
    m_concurrency->setToolTip(tr("How many hosts are probed at the same time"));
    if (m_detailPlaceholder)
        m_detailPlaceholder->setText(tr("Select a host to see its details."));

    {
        const QSignalBlocker blocker(m_statusFilter);
        const QString current = m_statusFilter->currentData().toString();
        m_statusFilter->clear();
        m_statusFilter->addItem(tr("All"), QString());
        m_statusFilter->addItem(tr("OK"), QStringLiteral("ok"));
        m_statusFilter->addItem(tr("Any failure"), FleetFilterProxy::AnyFailure);
        m_statusFilter->addItem(tr("Not probed"), FleetFilterProxy::NotProbed);
        for (const char *status :
             {"unreachable", "auth-failed", "host-key-unknown", "host-key-changed", "timeout", "error"})
            m_statusFilter->addItem(hostStatusDisplayName(*hostStatusFromName(QLatin1String(status))),
                                    QLatin1String(status));
        m_statusFilter->setCurrentIndex(qMax(0, m_statusFilter->findData(current)));
    }
    {
        const QSignalBlocker blocker(m_severityFilter);
        const int current = m_severityFilter->currentIndex();
        m_severityFilter->clear();
        m_severityFilter->addItem(tr("All"), -1);
        m_severityFilter->addItem(QIcon(QStringLiteral(":/icons/critical.png")), tr("Critical"),
                                  int(Severity::Critical));
        m_severityFilter->addItem(QIcon(QStringLiteral(":/icons/warning.png")), tr("Warning or worse"),
                                  int(Severity::Warning));
        m_severityFilter->addItem(QIcon(QStringLiteral(":/icons/info.png")), tr("Any finding"),
                                  int(Severity::Info));
        m_severityFilter->setCurrentIndex(qMax(0, current));
    }
    updateFilterChoices();
    updateCountLabel();
    m_model->headerDataChanged(Qt::Horizontal, 0, FleetModel::ColumnCount - 1);
    if (m_model->rowCount() > 0)
        emit m_model->dataChanged(m_model->index(0, 0),
                                  m_model->index(m_model->rowCount() - 1, FleetModel::ColumnCount - 1));
    if (m_total > 0)
        onSweepProgress(m_done, m_failed, m_total);
}

void MainWindow::updateFilterChoices()
{
    QStringList ids;
    QStringList tags;
    for (const HostRow &row : m_model->hostRows()) {
        for (const QString &id : row.findingIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
        for (const QString &tag : row.tags) {
            if (!tags.contains(tag))
                tags.append(tag);
        }
    }
    // Every rule's ID is offered, in rule order, so that a filter can be set before any host has it.
    QStringList allIds = ruleIds();
    for (const QString &id : std::as_const(ids)) {
        if (!allIds.contains(id))
            allIds.append(id);
    }
    tags.sort();
    auto refill = [](QComboBox *combo, const QString &allText, const QStringList &values,
                     const std::function<QString(const QString &)> &text) {
        const QSignalBlocker blocker(combo);
        const QString current = combo->currentData().toString();
        combo->clear();
        combo->addItem(allText, QString());
        for (const QString &value : values)
            combo->addItem(text(value), value);
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
    };
    refill(m_findingFilter, tr("All"), allIds, [](const QString &id) {
        const QString title = findingTitle(id);
        const QString label = title.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, title);
        return label;
    });
    refill(m_tagFilter, tr("All"), tags, [](const QString &tag) { return tag; });
    m_findingFilter->view()->setMinimumWidth(m_findingFilter->view()->sizeHintForColumn(0) + 24);
}

void MainWindow::updateCountLabel()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    // Critical among the hosts shown: the count reads as a part of what the table lists.
    int critical = 0;
    for (int i = 0; i < shown; ++i) {
        const int source = m_proxy->mapToSource(m_proxy->index(i, 0)).row();
        if (m_model->hostRow(source).worstSeverity == Severity::Critical)
            ++critical;
    }
    QString text =
        shown == total ? tr("%n host(s)", nullptr, total) : tr("%1 of %n host(s)", nullptr, total).arg(shown);
    if (critical > 0)
        text += QStringLiteral(" · ") + tr("%n critical", nullptr, critical);
    m_countLabel->setText(text);
    QString title = total > 0 ? tr("Layerwatch - %n host(s)", nullptr, total) : tr("Layerwatch");
    if (m_options.demo)
        title += QLatin1Char(' ') + tr("(demo)");
    setWindowTitle(title);
}

void MainWindow::updateActions()
{
    const bool canProbe = !m_options.demo;
    ui->actionProbeAll->setEnabled(canProbe && !m_sweepRunning && m_model->rowCount() > 0);
    ui->actionFullProbeAll->setEnabled(ui->actionProbeAll->isEnabled());
    ui->actionProbeSelected->setEnabled(canProbe && !m_sweepRunning && !selectedHosts().isEmpty());
    ui->actionStop->setEnabled(m_sweepRunning);
    if (m_repairAction)
        m_repairAction->setEnabled(!selectedHosts().isEmpty());
}

void MainWindow::scheduleChartsUpdate()
{
    if (!m_chartsTimer.isActive())
        m_chartsTimer.start();
    updateActions();
}

void MainWindow::updateCharts()
{
#ifdef LAYERWATCH_HAVE_FLEET_CHARTS
    if (!m_charts || !m_charts->isVisible())
        return;
    QList<FleetChartRow> rows;
    rows.reserve(m_model->rowCount());
    for (const HostRow &r : m_model->hostRows()) {
        if (!r.probed())
            continue;
        FleetChartRow c;
        c.host = r.host;
        c.dockerRootUsedRatio =
            r.rootCovered ? -1.0 : r.dockerRootUsedRatio(); // not docker's data: not charted
        c.findingIds = r.findingIds;
        c.worstSeverity = r.worstSeverity ? int(*r.worstSeverity) : -1;
        rows.append(c);
    }
    m_charts->setFleet(rows);
#endif
}

QStringList MainWindow::selectedHosts() const
{
    QStringList hosts;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        hosts.append(index.data(FleetModel::HostRole).toString());
    return hosts;
}

void MainWindow::selectHost(const QString &host)
{
    const int sourceRow = m_model->rowOfHost(host);
    if (sourceRow < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        // Filtered out: show every host again rather than ignore the request.
        ui->actionClearFilters->trigger();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::showCurrentHost()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int sourceRow = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
#ifdef LAYERWATCH_HAVE_HOST_DETAIL
    if (sourceRow < 0) {
        m_detail->clear();
        return;
    }
    if (!m_model->hostRow(sourceRow).probed()) {
        // Nothing known: the host's state is the page (not probed, failed, under way), with what to do.
        const HostRow &row = m_model->hostRow(sourceRow);
        m_detail->setProblem(row.host, explainHostStatus(row.status, row.message));
        return;
    }
    const HostRow row = m_model->hostRow(sourceRow);
    // The docker root's usage history comes from the store (off the GUI thread); until it arrives, or
    // without a store, the current probe is the only point.
    QList<DiskHistoryPoint> now;
    if (row.rootSize > 0)
        now.append({row.lastProbe, row.rootSize, row.rootUsed, row.rootAvailable});
    m_detail->setHost(*row.snapshot, row.analysis ? *row.analysis : Analysis(), now);
    // Older results of a host whose last probe failed: the failure above them, with what to do.
    if (isFailedHostStatus(row.status))
        m_detail->setProblem(row.host, explainHostStatus(row.status, row.message, !row.fromStore));
    else
        m_detail->clearProblem();
    if (!m_store || !m_store->isUsable())
        return;
    const quint64 request = ++m_detailRequest;
    m_store->diskHistory(row.host, [this, request, row](const QList<DiskHistoryPoint> &history) {
        if (request != m_detailRequest || history.size() < 2)
            return;
        m_detail->setHost(*row.snapshot, row.analysis ? *row.analysis : Analysis(), history);
    });
#else
    Q_UNUSED(sourceRow);
#endif
}

// The detail of a host without results shows its status: follow it while the probe moves on.
void MainWindow::refreshPendingDetail(const QStringList &hosts)
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const int row = m_proxy->mapToSource(current).row();
    if (!m_model->hostRow(row).probed() && hosts.contains(m_model->hostRow(row).host))
        showCurrentHost();
}

// A button of a host's problem page: probe it again, its SSH settings, its host key.
void MainWindow::onHostAction(const QString &host, lw::HostAction action)
{
    switch (action) {
    case lw::HostAction::Probe:
        if (m_options.demo) {
            statusBar()->showMessage(tr("Demo mode: nothing is probed."), 5000);
            return;
        }
        if (m_sweepRunning) {
            statusBar()->showMessage(tr("A probe is running: %1 is probed when it is done.").arg(host), 5000);
            connect(
                m_sweep, &lw::ProbeSweep::finished, this, [this, host] { probeHosts({host}, true); },
                Qt::SingleShotConnection);
            return;
        }
        probeHosts({host}, true);
        return;
    case lw::HostAction::EditSshSettings:
        editSshSettings(host);
        return;
    case lw::HostAction::ReviewHostKey:
        reviewHostKey(host);
        return;
    }
}

// The key the host presented at its last failed probe, against known_hosts: an unknown key can be approved
// (then the host is probed); a changed or revoked one is shown, never accepted here.
void MainWindow::reviewHostKey(const QString &host)
{
    const auto key = m_hostKeys.constFind(host);
    if (key == m_hostKeys.cend()) {
        // Not seen in this session (the console restarted): probing again fetches it and asks.
        onHostAction(host, lw::HostAction::Probe);
        return;
    }
    const int row = m_model->rowOfHost(host);
    const bool unknown = row >= 0 && m_model->hostRow(row).status == HostStatus::HostKeyUnknown;
    const QStringList trusted = askAboutHostKeys(
        {{host, *key, unknown ? HostKeyQuestion::Kind::Unknown : HostKeyQuestion::Kind::Changed}});
    if (!trusted.isEmpty())
        onHostAction(host, lw::HostAction::Probe);
}

// One dialog for all of them; the ticked unknown keys are added to known_hosts. Returns their hosts.
QStringList MainWindow::askAboutHostKeys(const QList<HostKeyQuestion> &questions)
{
    if (questions.isEmpty())
        return {};
    HostKeyDialog dialog(questions, knownHostsFile(), this);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QStringList trusted;
    QStringList errors;
    for (const HostKeyQuestion &q : dialog.trustedKeys()) {
        QString error;
        if (lw::ssh::KnownHosts::approve(knownHostsFile(), q.key, &error))
            trusted.append(q.host);
        else
            errors.append(tr("%1: %2").arg(q.host, error));
    }
    if (!errors.isEmpty()) {
        QMessageBox::warning(
            this, tr("Host key"),
            tr("Could not add these keys to %1:\n%2")
                .arg(knownHostsFile(), escapeControlCharacters(errors).join(QLatin1Char('\n'))));
    }
    return trusted;
}

void MainWindow::contextMenu(const QPoint &pos)
{
    const QStringList hosts = selectedHosts();
    if (hosts.isEmpty())
        return;
    QMenu menu(this);
    QAction *probe = menu.addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Probe"));
    probe->setEnabled(!m_options.demo && !m_sweepRunning);
    QAction *details = menu.addAction(tr("Show details"));
    details->setEnabled(hosts.size() == 1);
    QAction *copy = menu.addAction(tr("Copy host name(s)"));
    menu.addAction(m_repairAction);
    menu.addSeparator();
    QAction *remove =
        menu.addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("Remove from inventory..."));
    remove->setEnabled(!m_sweepRunning);
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    if (chosen == probe) {
        probeHosts(hosts);
    } else if (chosen == details) {
        ui->actionShowDetails->setChecked(true);
        selectHost(hosts.constFirst());
        showCurrentHost();
    } else if (chosen == copy) {
        QApplication::clipboard()->setText(hosts.join(QLatin1Char('\n')));
    } else if (chosen == remove) {
        const auto answer =
            QMessageBox::question(this, tr("Remove hosts"),
                                  tr("Remove %n host(s) from the inventory and forget their probe history?",
                                     nullptr, int(hosts.size())));
        if (answer == QMessageBox::Yes)
            removeHosts(hosts);
    }
}

void MainWindow::removeHosts(const QStringList &hosts)
{
    m_model->removeHosts(hosts);
    m_inventory.erase(std::remove_if(m_inventory.begin(), m_inventory.end(),
                                     [&hosts](const InventoryHost &h) { return hosts.contains(h.name); }),
                      m_inventory.end());
    if (m_options.demo)
        return;
    saveInventory();
    if (!m_store)
        return;
    m_store->removeHosts(hosts, [this](const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(error, 10000);
    });
}

// --- probing --------------------------------------------------------------------------------------

QString MainWindow::knownHostsFile() const
{
    return m_ssh.effectiveKnownHostsFile();
}

lw::ssh::SshOptions MainWindow::sshOptions() const
{
    lw::ssh::SshOptions options;
    m_ssh.applyTo(options);
    options.maxConcurrent = m_concurrency->value();
    return options;
}

// The kept settings of this data directory, the command line's options over them (and kept: a restart with
// only --data-dir connects as this start does).
void MainWindow::initSshSettings()
{
    std::unique_ptr<QSettings> settings(openSettings(m_options.dataDir));
    const SshSettings kept = SshSettings::load(*settings);
    m_ssh = kept.overriddenBy(m_options.knownHostsFile, m_options.identityFiles, m_options.sshConfigFile);
    if (m_ssh != kept)
        m_ssh.save(*settings);
    m_knownHostsStatus = new QLabel(this);
    m_knownHostsStatus->setObjectName(QStringLiteral("knownHostsStatus"));
    m_knownHostsStatus->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_knownHostsStatus);
    m_sshSettingsAction = new QAction(this);
    m_sshSettingsAction->setObjectName(QStringLiteral("actionSshSettings"));
    m_sshSettingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    ui->menuFile->insertAction(ui->actionOpenCapture, m_sshSettingsAction);
    connect(m_sshSettingsAction, &QAction::triggered, this, [this] { editSshSettings(); });
}

void MainWindow::updateKnownHostsStatus()
{
    m_knownHostsStatus->setText(tr("known_hosts: %1").arg(knownHostsFile()));
    m_knownHostsStatus->setToolTip(
        tr("Host keys are checked against this file, and keys you approve are added to it. File > SSH "
           "settings changes it."));
}

void MainWindow::editSshSettings(const QString &host)
{
    std::unique_ptr<QSettings> settings(openSettings(m_options.dataDir));
    SshSettingsDialog dialog(m_ssh, settings->fileName(), this);
    if (!host.isEmpty())
        dialog.setHost(host);
    const int result = dialog.exec();
    if (result == SshSettingsDialog::EditHostRequested) {
        editInventory(host);
        return;
    }
    if (result == QDialog::Accepted)
        applySshSettings(dialog.settings());
}

// Kept for the data directory at once; the next probe connects with them (a running one ends with the old).
void MainWindow::applySshSettings(const SshSettings &settings)
{
    if (settings == m_ssh)
        return;
    m_ssh = settings;
    std::unique_ptr<QSettings> kept(openSettings(m_options.dataDir));
    m_ssh.save(*kept);
    m_poolOutdated = m_pool != nullptr;
    updateKnownHostsStatus();
}

lw::ssh::SshPool *MainWindow::ensurePool()
{
    const QList<BatchRunner *> runners = findChildren<BatchRunner *>();
    const bool batchRunning = std::any_of(runners.cbegin(), runners.cend(),
                                          [](const BatchRunner *runner) { return runner->isRunning(); });
    if (m_poolOutdated && !m_sweepRunning && !batchRunning) {
        // Kept connections were made with the old settings: a new pool connects with the new ones.
        delete m_sweep;
        m_sweep = nullptr;
        delete m_pool;
        m_pool = nullptr;
        m_poolOutdated = false;
    }
    if (!m_pool) {
        const lw::ssh::SshOptions options = sshOptions();
        m_pool = new lw::ssh::SshPool(options, m_credentials.get(), this);
        m_sweep = new lw::ProbeSweep(m_pool, this);
        connect(m_sweep, &lw::ProbeSweep::resultsReady, this, &MainWindow::onSweepResults);
        connect(m_sweep, &lw::ProbeSweep::hostsStaged, this,
                [this](const QStringList &hosts, HostStatus status) {
                    m_model->setStatus(hosts, status);
                    refreshPendingDetail(hosts);
                });
        connect(m_sweep, &lw::ProbeSweep::progress, this, &MainWindow::onSweepProgress);
        connect(m_sweep, &lw::ProbeSweep::finished, this, &MainWindow::onSweepFinished);
    }
    return m_pool;
}

// Remediation (engineer P): the selected hosts that were probed, with their inventory entry and findings.
void MainWindow::openRemediation()
{
    QHash<QString, const InventoryHost *> byName;
    for (const InventoryHost &h : std::as_const(m_inventory))
        byName.insert(h.name, &h);
    QList<RemediationCandidate> candidates;
    for (const QString &host : selectedHosts()) {
        const int row = m_model->rowOfHost(host);
        if (row < 0)
            continue;
        const HostRow &hostRow = m_model->hostRow(row);
        RemediationCandidate c;
        // A plan is made from the host's current state: without a probe, or after a failed one, it has none.
        if (!hostRow.snapshot)
            c.notEligible =
                tr("not eligible: never probed successfully (%1)").arg(hostStatusDisplayName(hostRow.status));
        else if (isFailedHostStatus(hostRow.status))
            c.notEligible = tr("not eligible: its last probe failed (%1); probe it again")
                                .arg(hostStatusDisplayName(hostRow.status));
        else if (isPendingHostStatus(hostRow.status))
            c.notEligible = tr("not eligible: a probe of it is under way");
        c.host.target.name = host;
        if (const InventoryHost *h = byName.value(host)) {
            c.host.target.hostName = h->hostName;
            c.host.target.port = h->port;
            c.host.target.user = h->user;
        }
        if (hostRow.snapshot)
            c.host.snapshot = *hostRow.snapshot;
        c.findingIds = hostRow.findingIds;
        candidates.append(c);
    }
    if (!m_options.demo && !m_audit)
        m_audit = std::make_unique<lw::AuditLog>(dataPath(QStringLiteral("audit.jsonl")));
    BatchRunner *runner =
        runRemediation(this, candidates, m_options.demo ? nullptr : ensurePool(), m_audit.get());
    if (!runner)
        return;
    connect(runner, &BatchRunner::hostReprobed, this, &MainWindow::onReprobed);
    // The batch dock takes the height it had last time (a third of the window at first) and the fleet
    // keeps the rest; its height is remembered as the user drags it.
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>(QStringLiteral("batchDock"));
    QDockWidget *dock = docks.isEmpty() ? nullptr : docks.last(); // the batch's, made last
    if (!dock)
        return;
    const int wanted = m_batchDockHeight > 0 ? m_batchDockHeight : height() / 3;
    resizeDocks({dock}, {qBound(120, wanted, height() * 2 / 3)}, Qt::Vertical);
    dock->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched->objectName() == QLatin1String("batchDock")) {
        auto *dock = static_cast<QDockWidget *>(watched);
        if (dock->isVisible() && !dock->isFloating())
            m_batchDockHeight = dock->height();
    }
    return QMainWindow::eventFilter(watched, event);
}

// A repair's verification re-probed a host: that is its current state, in the table, the detail, the charts
// and the store, as after any sweep.
void MainWindow::onReprobed(const lw::HostResult &result)
{
    onSweepResults({result});
    if (!m_sweepRunning) {
        if (!m_sweepSnapshots.isEmpty())
            writeToStore(m_sweepSnapshots);
        m_sweepSnapshots.clear();
    }
    scheduleChartsUpdate();
    updateFilterChoices();
    updateCountLabel();
}

void MainWindow::openAuditLog()
{
    auto *viewer =
        new AuditLogViewer(m_audit ? m_audit->path() : dataPath(QStringLiteral("audit.jsonl")), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void MainWindow::probeHosts(const QStringList &hosts, bool fullProbe)
{
    if (hosts.isEmpty() || m_options.demo || m_sweepRunning)
        return;
    ensurePool();
    QHash<QString, const InventoryHost *> byName;
    for (const InventoryHost &h : std::as_const(m_inventory))
        byName.insert(h.name, &h);
    QList<lw::SweepHost> targets;
    for (const QString &host : hosts) {
        lw::SweepHost target;
        target.target.name = host;
        if (const InventoryHost *h = byName.value(host)) {
            target.target.hostName = h->hostName;
            target.target.port = h->port;
            target.target.user = h->user;
            target.tags = h->tags;
        }
        targets.append(target);
    }
    m_sweepSnapshots.clear();
    m_unknownKeys.clear();
    m_changedKeys.clear();
    m_authFailed.clear();
    m_model->setStatus(hosts, HostStatus::Queued);
    refreshPendingDetail(hosts);
    m_sweepRunning = true;
    m_sweepStopped = false;
    m_done = m_failed = 0;
    m_total = int(targets.size());
    m_sweepClock.start();
    m_elapsedTimer.start();
    m_progress->setRange(0, m_total);
    m_progress->setValue(0);
    m_progress->show();
    onSweepProgress(0, 0, m_total);
    updateActions();
    m_sweep->setFullProbe(fullProbe);
    m_sweep->start(targets);
}

void MainWindow::probeAllWhenReady()
{
    if (m_backgroundJobs == 0) {
        probeHosts(m_model->hosts());
        return;
    }
    connect(
        this, &MainWindow::backgroundIdle, this, [this] { probeHosts(m_model->hosts()); },
        Qt::SingleShotConnection);
}

void MainWindow::showStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_statusShown = m_statusText();
    statusBar()->showMessage(m_statusShown);
}

void MainWindow::stopProbing()
{
    if (m_sweep && m_sweepRunning) {
        showStatus([] { return tr("Stopping..."); });
        m_sweepStopped = true;
        m_sweep->cancel(); // finished() comes at once and says what was done
    }
}

void MainWindow::onSweepResults(const QList<lw::HostResult> &batch)
{
    QList<HostRow> rows;
    rows.reserve(batch.size());
    for (const lw::HostResult &result : batch) {
        const QString host = result.target.name;
        std::shared_ptr<const HostSnapshot> snapshot;
        std::shared_ptr<const Analysis> analysis;
        if (result.snapshot)
            snapshot = std::make_shared<HostSnapshot>(*result.snapshot);
        if (result.analysis)
            analysis = std::make_shared<Analysis>(*result.analysis);
        const int existing = m_model->rowOfHost(host);
        if (!snapshot && existing >= 0 && m_model->hostRow(existing).probed()) {
            // A failed probe keeps showing what was known before, with the new status.
            HostRow row = m_model->hostRow(existing);
            row.status = result.status;
            row.message = result.message;
            row.fromStore = true; // what is shown is old: mark it stale
            rows.append(row);
        } else {
            HostRow row = makeHostRow(host, result.tags, result.status, snapshot, analysis);
            row.message = result.message;
            if (!row.lastProbe.isValid())
                row.lastProbe = QDateTime::currentDateTimeUtc();
            rows.append(row);
        }

        StoredSnapshot stored;
        stored.host = host;
        stored.time = QDateTime::currentDateTimeUtc();
        stored.status = result.status;
        stored.message = result.message;
        stored.capture = result.capture;
        if (snapshot && analysis)
            summarize(stored, *snapshot, *analysis);
        if (result.status != HostStatus::Cancelled)
            m_sweepSnapshots.append(stored);

        if (result.status == HostStatus::HostKeyUnknown || result.status == HostStatus::HostKeyChanged)
            m_hostKeys.insert(host, result.hostKey);
        if (result.status == HostStatus::HostKeyUnknown)
            m_unknownKeys.append({host, result.hostKey});
        else if (result.status == HostStatus::HostKeyChanged)
            m_changedKeys.append({host, result.hostKey});
        else if (result.status == HostStatus::AuthFailed)
            m_authFailed.append(host);
    }
    m_model->upsertRows(rows);
    updateCountLabel(); // severities changed
    // The detail panel follows the selected host when its new result arrives.
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (current.isValid()) {
        const QString host = current.data(FleetModel::HostRole).toString();
        for (const HostRow &row : std::as_const(rows)) {
            if (row.host == host) {
                showCurrentHost();
                break;
            }
        }
    }
}

void MainWindow::onSweepProgress(int done, int failed, int total)
{
    m_done = done;
    m_failed = failed;
    m_total = total;
    m_progress->setMaximum(qMax(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(QStringLiteral("%1 / %2").arg(done).arg(total));
    // A finished sweep keeps its own duration (a retranslation redraws this line later: no jump).
    const qint64 ms = m_sweepRunning && m_sweepClock.isValid() ? m_sweepClock.elapsed() : m_sweepDurationMs;
    const QString elapsed = formatElapsed(ms);
    m_progressLabel->setText(
        tr("%1 done, %2 failed, %3 total - %4 elapsed").arg(done).arg(failed).arg(total).arg(elapsed));
}

void MainWindow::onSweepFinished()
{
    m_sweepDurationMs = m_sweepClock.isValid() ? m_sweepClock.elapsed() : 0;
    m_sweepRunning = false;
    m_elapsedTimer.stop();
    onSweepProgress(m_sweep->done(), m_sweep->failed(), m_sweep->total());
    m_progress->hide();
    showStatus([stopped = m_sweepStopped, ok = m_done - m_failed, total = m_total, failed = m_failed,
                ms = m_sweepDurationMs] {
        return (stopped ? tr("Probe stopped: %1 of %2 host(s) ok, %3 failed, in %4.")
                        : tr("Probe finished: %1 of %2 host(s) ok, %3 failed, in %4."))
            .arg(ok)
            .arg(total)
            .arg(failed)
            .arg(formatElapsed(ms));
    });
    m_lastSweepStopped = std::exchange(m_sweepStopped, false);
    // Hosts that were queued but never reached keep their last known state, marked cancelled.
    QStringList stillQueued;
    for (const HostRow &row : m_model->hostRows()) {
        if (isPendingHostStatus(row.status))
            stillQueued.append(row.host);
    }
    m_model->setStatus(stillQueued, HostStatus::Cancelled);
    refreshPendingDetail(stillQueued);
    if (!m_sweepSnapshots.isEmpty())
        writeToStore(m_sweepSnapshots);
    m_sweepSnapshots.clear();
    // The charts coalesce updates during a sweep (at most one a second): its final state shows now.
    m_chartsTimer.stop();
    updateCharts();
    updateFilterChoices();
    updateCountLabel();
#ifdef LAYERWATCH_HAVE_FLEET_CHARTS
    if (m_charts && m_charts->isVisible())
        m_charts->refreshNow();
#endif
    updateActions();
    // Ask only now, after the sweep: one dialog at a time, never in the middle of results.
    QTimer::singleShot(0, this, &MainWindow::askForCredentialsAndKeys);
}

void MainWindow::askForCredentialsAndKeys()
{
    QStringList again;
    const auto unknown = std::exchange(m_unknownKeys, {});
    const auto changed = std::exchange(m_changedKeys, {});
    const auto authFailed = std::exchange(m_authFailed, {});
    // A stopped sweep asks nothing: the admin wanted it to end. Its hosts keep their status, and the host
    // page's "Review host key" asks about one of them when the admin chooses to.
    if (std::exchange(m_lastSweepStopped, false))
        return;
    // Changed keys first (they are the alarm), then every unknown key, in one dialog.
    QList<HostKeyQuestion> questions;
    QSet<QString> asked;
    const auto ask = [&](const QString &host, const lw::ssh::HostKeyInfo &key, HostKeyQuestion::Kind kind) {
        if (!asked.contains(host)) {
            asked.insert(host);
            questions.append({host, key, kind});
        }
    };
    for (const auto &[host, key] : changed)
        ask(host, key, HostKeyQuestion::Kind::Changed);
    for (const auto &[host, key] : unknown)
        ask(host, key, HostKeyQuestion::Kind::Unknown);
    again += askAboutHostKeys(questions);
    if (!authFailed.isEmpty()) {
        bool asked = false;
        for (const QString &keyFile : m_credentials->missingPassphrases()) {
            CredentialDialog dialog(CredentialDialog::Kind::Passphrase, keyFile, m_credentials.get(), this);
            if (dialog.exec() == QDialog::Accepted) {
                m_credentials->setPassphrase(keyFile, dialog.secret());
                asked = true;
            }
        }
        if (asked)
            again += authFailed;
    }
    if (!again.isEmpty()) {
        again.removeDuplicates();
        probeHosts(again);
    }
}

// Deletes what Layerwatch saved in the system keychain; secrets typed in this session stay in memory.
void MainWindow::forgetSavedSecrets()
{
    m_forgetSecretsAction->setEnabled(false);
    m_credentials->forgetSavedSecrets(this, [this](const KeychainResult &result, int removed) {
        m_forgetSecretsAction->setEnabled(true);
        if (!result.ok()) {
            QMessageBox::warning(
                this, tr("Forget saved secrets"),
                tr("Could not delete the saved secrets: %1\nSecrets typed in this session are "
                   "still kept in memory.")
                    .arg(result.message));
            return;
        }
        statusBar()->showMessage(tr("Deleted %n saved secret(s) from the system keychain.", nullptr, removed),
                                 10000);
    });
}

// --- store ----------------------------------------------------------------------------------------

QString MainWindow::dataPath(const QString &name) const
{
    QString dir = m_options.dataDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

void MainWindow::startStore()
{
    const QString path = dataPath(QStringLiteral("snapshots.db"));
    m_store = new StoreService(path, this);
    m_store->load([this, path](const StoreService::Loaded &loaded) {
        if (!loaded.open.message.isEmpty()) {
            // Reported, not fatal: the damaged file was kept aside and a new store started.
            auto *box = new QMessageBox(loaded.open.ok() ? QMessageBox::Warning : QMessageBox::Critical,
                                        tr("Snapshot store"), loaded.open.message, QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        if (!loaded.error.isEmpty())
            statusBar()->showMessage(tr("Reading %1 failed: %2").arg(path, loaded.error), 15000);
        // Rows are built off the GUI thread (each capture parsed and analysed), then shown at once.
        const QList<StoredSnapshot> last = loaded.last;
        runInBackground(
            &m_workPool,
            [last]() {
                QList<HostRow> rows;
                for (const StoredSnapshot &s : last) {
                    HostRow row;
                    if (!s.capture.probes.isEmpty()) {
                        row = loadHost(s.capture, s.status, s.time).row;
                    } else {
                        row.status = s.status;
                        row.lastProbe = s.time;
                    }
                    row.host = s.host;
                    row.message = s.message;
                    row.fromStore = true;
                    rows.append(row);
                }
                return rows;
            },
            [this](const QList<HostRow> &rows) {
                m_model->upsertRows(rows);
                if (!rows.isEmpty())
                    statusBar()->showMessage(
                        tr("Last known state of %n host(s) loaded; shown as stale until probed again.",
                           nullptr, int(rows.size())),
                        10000);
            });
    });
}

void MainWindow::writeToStore(const QList<StoredSnapshot> &snapshots)
{
    if (m_options.demo || !m_store)
        return;
    m_store->writeSweep(snapshots, [this](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Snapshot store"),
                                 tr("The probe results could not be saved: %1").arg(error));
    });
}

// --- captures, inventory --------------------------------------------------------------------------

void MainWindow::loadCaptures(const QString &dir)
{
    showStatus([dir] { return tr("Reading captures from %1...").arg(dir); });
    const bool store = !m_options.demo;
    runInBackground(
        &m_workPool,
        [dir]() {
            CaptureLoadResult result;
            const CaptureSetReadResult read = readCaptures(dir);
            result.errors = read.errors;
            for (const RawCapture &capture : read.captures) {
                LoadedHost loaded = loadHost(capture, HostStatus::Ok, capture.collectedAt);
                result.rows.append(loaded.row);
                result.stored.append(loaded.stored);
            }
            return result;
        },
        [this, dir, store](const CaptureLoadResult &result) {
            m_model->upsertRows(result.rows);
            if (store && !result.stored.isEmpty())
                writeToStore(result.stored);
            if (!result.errors.isEmpty())
                QMessageBox::warning(this, tr("Open capture"), result.errors.join(QLatin1Char('\n')));
            statusBar()->showMessage(tr("%n host(s) read from %1", nullptr, int(result.rows.size())).arg(dir),
                                     10000);
            if (m_view->selectionModel()->currentIndex().isValid() == false && m_proxy->rowCount() > 0) {
                m_view->selectionModel()->setCurrentIndex(
                    m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
        });
}

void MainWindow::openCapture()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open capture directory"), QDir::homePath());
    if (!dir.isEmpty())
        loadCaptures(dir);
}

void MainWindow::loadInventory()
{
    QString error;
    m_inventory = loadInventoryFile(dataPath(QStringLiteral("inventory.json")), &error);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Inventory"), error);
}

void MainWindow::saveInventory()
{
    if (m_options.demo)
        return;
    QString error;
    if (!saveInventoryFile(dataPath(QStringLiteral("inventory.json")), m_inventory, &error))
        QMessageBox::warning(this, tr("Inventory"), error);
}

void MainWindow::importInventory()
{
    leaveDemo();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import inventory"), QDir::homePath(),
        tr("Inventories (*.txt *.csv *.ini *.cfg hosts inventory config);;All files (*)"));
    if (path.isEmpty())
        return;
    InventoryDialog dialog(m_inventory, this);
    QString report;
    if (!dialog.importFile(path, &report)) {
        QMessageBox::warning(this, tr("Import inventory"), report);
        return;
    }
    // Show the merged result for review before it replaces the inventory.
    if (dialog.exec() == QDialog::Accepted) {
        m_inventory = dialog.hosts();
        saveInventory();
        QList<QPair<QString, QStringList>> hosts;
        for (const InventoryHost &h : std::as_const(m_inventory))
            hosts.append({h.name, h.tags});
        m_model->addHosts(hosts);
    }
}

void MainWindow::editInventory(const QString &host)
{
    leaveDemo();
    InventoryDialog dialog(m_inventory, this);
    if (!host.isEmpty())
        dialog.selectHost(host);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<InventoryHost> edited = dialog.hosts();
    QStringList removed;
    for (const InventoryHost &old : std::as_const(m_inventory)) {
        const bool kept = std::any_of(edited.cbegin(), edited.cend(),
                                      [&old](const InventoryHost &h) { return h.name == old.name; });
        if (!kept)
            removed.append(old.name);
    }
    m_inventory = edited;
    saveInventory();
    QList<QPair<QString, QStringList>> hosts;
    for (const InventoryHost &h : std::as_const(m_inventory))
        hosts.append({h.name, h.tags});
    m_model->addHosts(hosts);
    if (!removed.isEmpty())
        m_model->removeHosts(removed);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Layerwatch"),
        tr("<h3>Layerwatch %1</h3><p>Inspects Docker overlay2 hosts over SSH, read-only: storage driver "
           "configuration, kernel support, backing filesystem, d_type, redirect_dir, disk space, and mounts "
           "hidden under later mounts (the \"covered mount point\" failure).</p><p>Qt %2, C++17.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

// --- settings -------------------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    std::unique_ptr<QSettings> settings(openSettings(m_options.dataDir));
    if (!restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(available.size().boundedTo(QSize(1800, 1100)));
    }
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings->value(QStringLiteral("window/splitter")).toByteArray());
    m_leftSplitter->restoreState(settings->value(QStringLiteral("window/leftSplitter")).toByteArray());
    if (!m_view->horizontalHeader()->restoreState(
            settings->value(QStringLiteral("window/fleetHeader")).toByteArray())) {
        m_view->sortByColumn(FleetModel::WorstFinding, Qt::DescendingOrder); // worst hosts first
        // What an admin scans first goes left: status, worst finding, covered mounts, usage.
        const QList<int> order = {FleetModel::Host,          FleetModel::Status,
                                  FleetModel::WorstFinding,  FleetModel::CoveredMounts,
                                  FleetModel::Containers,    FleetModel::DockerRootUsage,
                                  FleetModel::Kernel,        FleetModel::DriverConfigured,
                                  FleetModel::DriverRunning, FleetModel::BackingFs,
                                  FleetModel::DType,         FleetModel::RedirectDir,
                                  FleetModel::LastProbe,     FleetModel::Tags};
        QHeaderView *header = m_view->horizontalHeader();
        for (int visual = 0; visual < order.size(); ++visual)
            header->moveSection(header->visualIndex(order.at(visual)), visual);
    }
    m_concurrency->setValue(settings->value(QStringLiteral("probe/concurrency"), 32).toInt());
    m_batchDockHeight = settings->value(QStringLiteral("window/batchDockHeight"), 0).toInt();
    ui->actionShowDetails->setChecked(settings->value(QStringLiteral("window/showDetails"), true).toBool());
    ui->actionShowCharts->setChecked(settings->value(QStringLiteral("window/showCharts"), true).toBool());
    if (m_splitter->sizes().value(1) == 0 || !settings->contains(QStringLiteral("window/splitter")))
        m_splitter->setSizes({1000, 600});
    if (!settings->contains(QStringLiteral("window/leftSplitter")))
        m_leftSplitter->setSizes({520, 320});
}

void MainWindow::saveSettings()
{
    std::unique_ptr<QSettings> settings(openSettings(m_options.dataDir));
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings->setValue(QStringLiteral("window/leftSplitter"), m_leftSplitter->saveState());
    settings->setValue(QStringLiteral("window/fleetHeader"), m_view->horizontalHeader()->saveState());
    settings->setValue(QStringLiteral("window/showDetails"), ui->actionShowDetails->isChecked());
    settings->setValue(QStringLiteral("window/showCharts"), ui->actionShowCharts->isChecked());
    settings->setValue(QStringLiteral("probe/concurrency"), m_concurrency->value());
    if (m_batchDockHeight > 0)
        settings->setValue(QStringLiteral("window/batchDockHeight"), m_batchDockHeight);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_sweepRunning) {
        const auto answer =
            QMessageBox::question(this, tr("Quit"), tr("A probe sweep is running. Stop it and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_sweep->cancel();
    }
    saveSettings();
    event->accept();
}

} // namespace lw::gui
