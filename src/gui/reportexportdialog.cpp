#include "reportexportdialog.h"

#include "capturearchive.h"
#include "fleetmodel.h"
#include "report.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMutex>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

constexpr int archiveItem = -1; // the format box's data for the capture archive

QString extension(ReportFormat format)
{
    return format == ReportFormat::Html   ? QStringLiteral("html")
           : format == ReportFormat::Csv  ? QStringLiteral("csv")
           : format == ReportFormat::Json ? QStringLiteral("json")
                                          : QStringLiteral("txt");
}

// The report of one host as the CLI makes it from a probe result.
HostReport hostReport(const HostRow &row)
{
    HostReport r;
    r.host = row.host;
    r.status = row.status;
    r.error = row.message;
    if (row.snapshot)
        r.snapshot = *row.snapshot;
    if (row.analysis)
        r.analysis = *row.analysis;
    return r;
}

// Re-translates its text when the window's language changes: the main window needs no code for it.
class ExportAction final : public QAction
{
public:
    ExportAction(QWidget *window, const FleetModel *model) : QAction(window), m_window(window), m_model(model)
    {
        setObjectName(QStringLiteral("actionExportReport"));
        setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        retranslate();
        window->installEventFilter(this);
        connect(this, &QAction::triggered, this, [this] {
            auto *dialog = new ReportExportDialog(m_model, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::LanguageChange)
            retranslate();
        return QAction::eventFilter(watched, event);
    }

private:
    void retranslate()
    {
        setText(ReportExportDialog::tr("&Export report..."));
        setToolTip(
            ReportExportDialog::tr("Write the fleet report (summary, charts, every host's findings) as "
                                   "HTML, CSV or JSON"));
    }

    QWidget *m_window;
    const FleetModel *m_model;
};

} // namespace

// The rendering thread: it takes the rows (shared snapshots: no copy of the fleet), renders host by host
// and writes the file. The GUI polls `done` for the progress bar; `cancel` stops it between hosts.
struct ReportExportDialog::Worker
{
    std::atomic<int> done{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> finished{false};
    int total = 0;
    bool ok = false;
    QString message; // read by the GUI only after `finished`
    std::thread thread;

    ~Worker()
    {
        cancel = true;
        if (thread.joinable())
            thread.join();
    }

    void runArchive(QList<HostRow> rows, QString path)
    {
        QList<RawCapture> captures;
        for (const HostRow &row : std::as_const(rows)) {
            if (cancel) {
                message = tr("Cancelled: nothing was written.");
                finished = true;
                return;
            }
            if (row.snapshot) {
                RawCapture capture = row.snapshot->raw;
                capture.host = row.host;
                captures.append(capture);
            }
            ++done;
        }
        QString error;
        ok = !captures.isEmpty() && writeCaptureArchive(captures, path, &error);
        message = ok ? tr("Wrote the captures of %n host(s) to %1.", nullptr, int(captures.size())).arg(path)
                  : captures.isEmpty() ? tr("No host has been probed: there is no capture to write.")
                                       : error;
        finished = true;
    }

    void run(QList<HostRow> rows, ReportFormat format, QString path)
    {
        QByteArray bytes;
        HtmlReportWriter html;
        QList<QByteArray> json;
        QString text;
        if (format == ReportFormat::Csv)
            bytes = csvReportHeader();
        for (const HostRow &row : std::as_const(rows)) {
            if (cancel) {
                message = tr("Cancelled: nothing was written.");
                finished = true;
                return;
            }
            const HostReport report = hostReport(row);
            switch (format) {
            case ReportFormat::Html:
                html.addHost(report);
                break;
            case ReportFormat::Csv:
                bytes += csvHostRows(report);
                break;
            case ReportFormat::Json:
                json.append(hostReportJsonBytes(report));
                break;
            case ReportFormat::Text:
                text += hostTextReport(report);
                break;
            }
            ++done;
        }
        if (format == ReportFormat::Html)
            bytes = html.finish();
        else if (format == ReportFormat::Json)
            bytes = jsonReport(json);
        else if (format == ReportFormat::Text)
            bytes = text.toUtf8();
        QSaveFile file(path);
        ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
        message = ok ? tr("Wrote the report of %n host(s) to %1.", nullptr, int(rows.size())).arg(path)
                     : tr("Cannot write %1: %2").arg(path, file.errorString());
        finished = true;
    }
};

ReportExportDialog::ReportExportDialog(const FleetModel *model, QWidget *parent)
    : QDialog(parent), m_model(model)
{
    setObjectName(QStringLiteral("ReportExportDialog"));
    m_formatBox = new QComboBox(this);
    m_formatBox->setObjectName(QStringLiteral("formatBox"));
    for (ReportFormat f : {ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json})
        m_formatBox->addItem(QString(), int(f));
    m_formatBox->addItem(QString(), archiveItem);
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    m_browseButton = new QPushButton(this);
    m_formatLabel = new QLabel(this);
    m_fileLabel = new QLabel(this);
    m_hostsLabel = new QLabel(this);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, std::max(1, int(model ? model->hostRows().size() : 0)));
    m_progress->setValue(0);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);
    auto *form = new QFormLayout;
    form->addRow(m_formatLabel, m_formatBox);
    form->addRow(m_fileLabel, pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hostsLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_formatLabel->setBuddy(m_formatBox);
    m_fileLabel->setBuddy(m_pathEdit);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(50); // the bar follows at most 20 times a second, whatever the fleet's size
    connect(m_pollTimer, &QTimer::timeout, this, &ReportExportDialog::poll);
    connect(m_browseButton, &QPushButton::clicked, this, &ReportExportDialog::browse);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ReportExportDialog::updateButtons);
    connect(m_formatBox, &QComboBox::currentIndexChanged, this, [this] {
        // keep the file name's extension in step with the format
        const QString path = filePath();
        if (path.isEmpty())
            return;
        const QFileInfo info(path);
        const QString suffix = isCaptureArchive() ? QStringLiteral("tar") : extension(format());
        setFilePath(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
    });

    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    setFilePath(QDir(dir).filePath(QStringLiteral("layerwatch-report-%1.html")
                                       .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))));
    retranslateUi();
    updateButtons();
}

ReportExportDialog::~ReportExportDialog() = default;

QAction *ReportExportDialog::addMenuEntry(QMenu *menu, QAction *before, QWidget *window,
                                          const FleetModel *model)
{
    auto *action = new ExportAction(window, model);
    menu->insertAction(before, action);
    return action;
}

void ReportExportDialog::setFormat(ReportFormat format)
{
    const int index = m_formatBox->findData(int(format));
    if (index >= 0)
        m_formatBox->setCurrentIndex(index);
}

ReportFormat ReportExportDialog::format() const
{
    return isCaptureArchive() ? ReportFormat::Json : ReportFormat(m_formatBox->currentData().toInt());
}

void ReportExportDialog::setCaptureArchive(bool archive)
{
    if (archive)
        m_formatBox->setCurrentIndex(m_formatBox->findData(archiveItem));
    else if (isCaptureArchive())
        setFormat(ReportFormat::Html);
}

bool ReportExportDialog::isCaptureArchive() const
{
    return m_formatBox->currentData().toInt() == archiveItem;
}

void ReportExportDialog::setFilePath(const QString &path)
{
    m_pathEdit->setText(path);
}

QString ReportExportDialog::filePath() const
{
    return m_pathEdit->text().trimmed();
}

int ReportExportDialog::progressValue() const
{
    return m_progress->value();
}

int ReportExportDialog::progressMaximum() const
{
    return m_progress->maximum();
}

void ReportExportDialog::retranslateUi()
{
    setWindowTitle(tr("Export report"));
    m_formatLabel->setText(tr("&Format:"));
    m_fileLabel->setText(tr("F&ile:"));
    m_browseButton->setText(tr("&Browse..."));
    m_exportButton->setText(tr("&Export"));
    m_formatBox->setItemText(0, tr("HTML with charts"));
    m_formatBox->setItemText(1, tr("CSV (one row per finding)"));
    m_formatBox->setItemText(2, tr("JSON (as layerwatch-cli --json)"));
    m_formatBox->setItemText(3, tr("Captures of every probed host (.tar, for a ticket)"));
    const int hosts = m_model ? int(m_model->hostRows().size()) : 0;
    m_hostsLabel->setText(
        tr("The report covers all %n host(s) of the fleet, in the current language.", nullptr, hosts));
}

void ReportExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ReportExportDialog::browse()
{
    const QString filter = isCaptureArchive()               ? tr("Capture archive (*.tar)")
                           : format() == ReportFormat::Html ? tr("HTML (*.html)")
                           : format() == ReportFormat::Csv  ? tr("CSV (*.csv)")
                                                            : tr("JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), filePath(), filter);
    if (!path.isEmpty())
        setFilePath(path);
}

void ReportExportDialog::updateButtons()
{
    m_exportButton->setEnabled(!isRunning() && !filePath().isEmpty() && m_model);
    m_formatBox->setEnabled(!isRunning());
    m_pathEdit->setEnabled(!isRunning());
    m_browseButton->setEnabled(!isRunning());
    m_buttons->button(QDialogButtonBox::Close)->setText(isRunning() ? tr("&Cancel") : tr("&Close"));
}

void ReportExportDialog::startExport()
{
    if (isRunning() || !m_model || filePath().isEmpty())
        return;
    const QList<HostRow> rows = m_model->hostRows(); // shared snapshots: a cheap copy
    m_worker = std::make_unique<Worker>();
    m_worker->total = int(rows.size());
    m_progress->setRange(0, std::max(1, m_worker->total));
    m_progress->setValue(0);
    m_statusLabel->setText(isCaptureArchive() ? tr("Collecting the captures...")
                                              : tr("Rendering the report..."));
    Worker *worker = m_worker.get();
    if (isCaptureArchive())
        worker->thread = std::thread([worker, rows, path = filePath()] { worker->runArchive(rows, path); });
    else
        worker->thread = std::thread(
            [worker, rows, format = format(), path = filePath()] { worker->run(rows, format, path); });
    m_pollTimer->start();
    updateButtons();
}

void ReportExportDialog::poll()
{
    if (!m_worker)
        return;
    m_progress->setValue(m_worker->done);
    if (m_worker->finished)
        finishExport();
}

void ReportExportDialog::finishExport()
{
    m_pollTimer->stop();
    m_worker->thread.join();
    const bool ok = m_worker->ok;
    const QString message = m_worker->message;
    m_worker.reset();
    m_statusLabel->setText(message);
    updateButtons();
    emit exportFinished(ok, message);
}

void ReportExportDialog::reject()
{
    if (isRunning()) {
        m_worker->cancel = true; // finishExport reports it at the next poll
        return;
    }
    QDialog::reject();
}

} // namespace lw::gui
