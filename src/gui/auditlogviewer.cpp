#include "auditlogviewer.h"

#include "auditlog.h"
#include "batchpanel.h"
#include "batchrunner.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

QString stringOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

// A CSV cell: quoted when needed; a leading formula character is neutralised, since records hold text
// from remote hosts and a spreadsheet would otherwise evaluate it.
QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char('"')) || text.contains(QLatin1Char(',')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
        text.contains(QLatin1Char('\'')))
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

// The audit log's stable words (event, mode, approval, state, verification) in the interface language; a
// word this version does not know is shown as written.
QString eventDisplayName(const QString &event)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("batch-started"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "batch started")},
        {QStringLiteral("batch-finished"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "batch finished")},
        {QStringLiteral("started"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "started")},
        {QStringLiteral("finished"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "finished")},
        {QStringLiteral("verified"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "verified")},
        {QStringLiteral("skipped"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "skipped")},
        {QStringLiteral("not-run"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "not run")},
        {QStringLiteral("refused"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "refused")},
        {QStringLiteral("paused"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "paused")},
        {QStringLiteral("resumed"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "resumed")},
        {QStringLiteral("cancel-requested"),
         QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "cancel requested")},
        // the mode
        {QStringLiteral("run"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "run")},
        {QStringLiteral("dry-run"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "dry run")},
        // verification results
        {QStringLiteral("gone"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "finding gone")},
        {QStringLiteral("still-there"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "finding still there")},
        {QStringLiteral("workload-down"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "workload down")},
        {QStringLiteral("unknown"), QT_TRANSLATE_NOOP("lw::gui::AuditLogViewer", "unknown")},
    };
    const auto it = names.constFind(event);
    return it == names.cend() ? event : AuditLogViewer::tr(*it);
}

QString stateDisplayName(const QString &state)
{
    for (int i = 0; i <= int(HostRunState::Refused); ++i) {
        if (hostRunStateName(HostRunState(i)) == state)
            return hostRunStateDisplayName(HostRunState(i));
    }
    return state;
}

// How the run was approved: the words of the record, translated, with what was confirmed.
QString approvalText(const QJsonObject &a)
{
    const QString how = a.value(QLatin1String("how")).toString();
    const QString by = a.value(QLatin1String("by")).toString();
    const QJsonValue typed = a.value(QLatin1String("typedHostCount"));
    const bool countTyped = typed.isDouble() && typed.toInt() >= 0 &&
                            (how == QLatin1String("typed-count") || how == QLatin1String("--yes"));
    QString text;
    if (how == QLatin1String("typed-count"))
        text = AuditLogViewer::tr("host count typed in the dialog");
    else if (how == QLatin1String("dialog"))
        text = AuditLogViewer::tr("approved in the dialog");
    else if (how == QLatin1String("--yes"))
        text = AuditLogViewer::tr("--yes on the command line");
    else if (how == QLatin1String("dry-run without --yes"))
        text = AuditLogViewer::tr("dry run, nothing to approve");
    else
        text = how;
    QStringList details;
    if (countTyped)
        details << AuditLogViewer::tr("typed: %1").arg(typed.toInt());
    else if (a.value(QLatin1String("hosts")).isDouble())
        details << AuditLogViewer::tr("%n host(s)", nullptr, a.value(QLatin1String("hosts")).toInt());
    const QJsonArray names = a.value(QLatin1String("typedHostNames")).toArray();
    if (!names.isEmpty())
        details << AuditLogViewer::tr("host names typed: %1").arg(names.size());
    if (!details.isEmpty())
        text += AuditLogViewer::tr(" (%1)").arg(details.join(AuditLogViewer::tr(", ")));
    return by.isEmpty() ? text : AuditLogViewer::tr("%1, by %2").arg(text, by);
}

} // namespace

// Filters on AuditLogModel::searchText (made once) instead of formatting every cell of every row again:
// the same rows as QSortFilterProxyModel's fixed-string filter over all columns, case-insensitive.
class AuditFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString &needle)
    {
        if (needle == m_needle)
            return;
        m_needle = needle;
        // One layout change, not the rows removed and inserted range by range: a filter that drops every
        // other block of 100,000 rows took 5 s in the views' per-range bookkeeping (bench/bench_auditlog).
        invalidate();
    }
    // The search texts changed (the language): filter again.
    void refilter()
    {
        if (!m_needle.isEmpty())
            invalidate();
    }

protected:
    // By time (the default order) from the kept keys, as the base class compares the strings.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (left.column() == AuditLogModel::Time && right.column() == AuditLogModel::Time) {
            const auto *model = static_cast<const AuditLogModel *>(sourceModel());
            return model->timeKey(left.row()) < model->timeKey(right.row());
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }

    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_needle.isEmpty())
            return true;
        const auto *model = static_cast<const AuditLogModel *>(sourceModel());
        if (m_needle.contains(AuditLogModel::kSearchSeparator)) { // would span two cells: cell by cell
            for (int column = 0; column < AuditLogModel::ColumnCount; ++column) {
                if (AuditLogModel::cellText(model->records().at(row), column)
                        .contains(m_needle, Qt::CaseInsensitive))
                    return true;
            }
            return false;
        }
        return model->searchText(row).contains(m_needle, Qt::CaseInsensitive);
    }

private:
    QString m_needle;
};

// --- model ----------------------------------------------------------------------------------------

void AuditLogModel::setRecords(QList<QJsonObject> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_searchText.clear();
    m_times.clear();
    m_times.reserve(m_records.size());
    for (const QJsonObject &record : std::as_const(m_records))
        m_times.append(record.value(QLatin1String("time")).toString());
    endResetModel();
}

const QString &AuditLogModel::searchText(int row) const
{
    if (m_searchText.size() != m_records.size()) {
        m_searchText.clear();
        m_searchText.reserve(m_records.size());
        for (const QJsonObject &record : m_records) {
            QString text;
            for (int column = 0; column < ColumnCount; ++column) {
                if (column > 0)
                    text += kSearchSeparator;
                text += cellText(record, column);
            }
            m_searchText.append(text);
        }
    }
    return m_searchText.at(row);
}

void AuditLogModel::invalidateSearchText()
{
    m_searchText.clear();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::cellText(const QJsonObject &r, int column)
{
    switch (column) {
    case Time: {
        const QDateTime t =
            QDateTime::fromString(r.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                           : r.value(QLatin1String("time")).toString();
    }
    case User:
        return r.value(QLatin1String("user")).toString();
    case Host:
        return r.value(QLatin1String("host")).toString();
    case Event:
        return eventDisplayName(r.value(QLatin1String("event")).toString());
    case Script:
        return r.value(QLatin1String("script")).toString();
    case Hash:
        return r.value(QLatin1String("scriptSha256")).toString().left(12);
    case Mode:
        return eventDisplayName(r.value(QLatin1String("mode")).toString());
    case Approval: {
        const QJsonObject a = r.value(QLatin1String("approval")).toObject();
        return a.isEmpty() ? QString() : approvalText(a);
    }
    case Exit: {
        if (r.contains(QLatin1String("exitSignal")))
            return AuditLogViewer::tr("signal %1").arg(r.value(QLatin1String("exitSignal")).toString());
        QString text;
        if (r.contains(QLatin1String("exitStatus")))
            text = stringOf(r.value(QLatin1String("exitStatus")));
        else if (r.contains(QLatin1String("exit")))
            text = r.value(QLatin1String("exit")).toString();
        const QString state = r.value(QLatin1String("state")).toString();
        if (!state.isEmpty())
            text = text.isEmpty() ? stateDisplayName(state)
                                  : AuditLogViewer::tr("%1 (%2)").arg(text, stateDisplayName(state));
        return text;
    }
    case Verification:
        return r.value(QLatin1String("event")).toString() == QLatin1String("verified")
                   ? eventDisplayName(r.value(QLatin1String("result")).toString())
                   : QString();
    default:
        return QString();
    }
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const QJsonObject &r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Hash)
            return r.value(QLatin1String("scriptSha256")).toString();
        if (index.column() == Exit)
            return r.value(QLatin1String("message")).toString();
        return {};
    case Qt::ForegroundRole: {
        const QString state = r.value(QLatin1String("state")).toString();
        if (state == QLatin1String("outcome-unknown"))
            return QColor(0xe6, 0x51, 0x00);
        if (state == QLatin1String("failed") || state == QLatin1String("timed-out") ||
            r.value(QLatin1String("result")).toString() == QLatin1String("still-there"))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    }
    case SortRole:
        if (index.column() == Time)
            return m_times.at(index.row()); // ISO UTC sorts as text
        if (index.column() == Exit && r.contains(QLatin1String("exitStatus")))
            return r.value(QLatin1String("exitStatus")).toInt();
        return cellText(r, index.column());
    case RecordRole:
        return r;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return AuditLogViewer::tr("Time");
    case User:
        return AuditLogViewer::tr("User");
    case Host:
        return AuditLogViewer::tr("Host");
    case Event:
        return AuditLogViewer::tr("Event");
    case Script:
        return AuditLogViewer::tr("Script");
    case Hash:
        return AuditLogViewer::tr("Hash");
    case Mode:
        return AuditLogViewer::tr("Mode");
    case Approval:
        return AuditLogViewer::tr("Approval");
    case Exit:
        return AuditLogViewer::tr("Exit");
    case Verification:
        return AuditLogViewer::tr("Verification");
    default:
        return {};
    }
}

// --- viewer ---------------------------------------------------------------------------------------

AuditLogViewer::AuditLogViewer(QString path, QWidget *parent) : QDialog(parent), m_path(std::move(path))
{
    setObjectName(QStringLiteral("auditLogViewer"));
    m_model = new AuditLogModel(this);
    m_proxy = new AuditFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AuditLogModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_fileLabel);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(splitter);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditLogModel::Time, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_details = new QPlainTextEdit(splitter);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    m_reload = new QPushButton(this);
    m_export = new QPushButton(this);
    m_close = new QPushButton(this);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] { applyFilter(m_filter->text()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogViewer::showDetails);
    // A filter change is a layout change: a current row filtered out goes without currentRowChanged.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuditLogViewer::showDetails);
    connect(m_reload, &QPushButton::clicked, this, &AuditLogViewer::reload);
    connect(m_export, &QPushButton::clicked, this, &AuditLogViewer::exportDialog);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    retranslateUi();
    reload();
    resize(1100, 650);
}

bool AuditLogViewer::reload()
{
    const AuditLog::ReadResult result = AuditLog::read(m_path);
    m_problems = result.problems;
    m_torn = result.tornLastLine;
    m_readable = result.ok;
    m_model->setRecords(result.records);
    m_view->resizeColumnsToContents();
    if (m_proxy->rowCount() > 0)
        m_view->scrollToBottom();
    showDetails();
    updateStatus();
    return result.ok;
}

void AuditLogViewer::setFilterText(const QString &text)
{
    if (m_filter->text() != text) {
        const QSignalBlocker blocker(m_filter);
        m_filter->setText(text);
    }
    m_filterDelay.stop();
    applyFilter(text); // at once, not after the typing pause
}

void AuditLogViewer::applyFilter(const QString &text)
{
    m_proxy->setNeedle(text);
    updateStatus();
}

int AuditLogViewer::visibleCount() const
{
    return m_proxy->rowCount();
}

QList<QJsonObject> AuditLogViewer::visibleRecords() const
{
    QList<QJsonObject> records;
    records.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        records.append(m_proxy->index(row, 0).data(AuditLogModel::RecordRole).toJsonObject());
    return records;
}

int AuditLogViewer::exportTo(const QString &path, QString *error) const
{
    const QList<QJsonObject> records = visibleRecords();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return -1;
    }
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        QStringList header;
        for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
            header.append(csvCell(m_model->headerData(c, Qt::Horizontal).toString()));
        header.append(csvCell(tr("Message")));
        file.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
        for (const QJsonObject &r : records) {
            QStringList cells;
            for (int c = 0; c < AuditLogModel::ColumnCount; ++c) {
                // The full hash in a file meant for other tools.
                cells.append(csvCell(c == AuditLogModel::Hash
                                         ? r.value(QLatin1String("scriptSha256")).toString()
                                         : AuditLogModel::cellText(r, c)));
            }
            cells.append(csvCell(r.value(QLatin1String("message")).toString()));
            file.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
        }
    } else {
        for (const QJsonObject &r : records)
            file.write(QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return -1;
    }
    return int(records.size());
}

void AuditLogViewer::exportDialog()
{
    if (m_filterDelay.isActive()) { // what the filter box says, even within the typing pause
        m_filterDelay.stop();
        applyFilter(m_filter->text());
    }
    QString selected;
    const QString jsonl = tr("JSON lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    QString target = QFileDialog::getSaveFileName(
        this, tr("Export audit records"), QDir::homePath() + QStringLiteral("/layerwatch-audit.jsonl"),
        jsonl + QStringLiteral(";;") + csv, &selected);
    if (target.isEmpty())
        return;
    if (selected == csv && !target.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        target += QStringLiteral(".csv");
    QString error;
    const int n = exportTo(target, &error);
    if (n < 0)
        QMessageBox::warning(this, tr("Export audit records"), error);
    else
        m_status->setText(
            tr("%n record(s) exported to %1.", nullptr, n).arg(QDir::toNativeSeparators(target)));
}

void AuditLogViewer::showDetails()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        m_details->setPlainText(tr("Select a record to see all of it."));
        return;
    }
    const QJsonObject record = index.data(AuditLogModel::RecordRole).toJsonObject();
    m_details->setPlainText(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Indented)));
}

QString AuditLogViewer::detailsText() const
{
    return m_details->toPlainText();
}

QString AuditLogViewer::statusText() const
{
    return m_status->text();
}

void AuditLogViewer::updateStatus()
{
    QString text;
    if (!m_readable && m_problems.isEmpty())
        text = tr("The audit log %1 cannot be read.").arg(QDir::toNativeSeparators(m_path));
    else
        text = tr("%1 of %n record(s) shown.", nullptr, m_model->rowCount()).arg(m_proxy->rowCount());
    if (m_torn)
        text +=
            QLatin1Char(' ') + tr("The last line is incomplete (a write was interrupted); it was skipped.");
    if (!m_problems.isEmpty())
        text += QLatin1Char('\n') + m_problems.join(QLatin1Char('\n'));
    m_status->setText(text);
    m_status->setStyleSheet(m_problems.isEmpty() && !m_torn ? QString() : QStringLiteral("color: #e65100;"));
}

void AuditLogViewer::retranslateUi()
{
    setWindowTitle(tr("Remediation audit log"));
    m_fileLabel->setText(tr("File: %1").arg(QDir::toNativeSeparators(m_path)));
    m_filter->setPlaceholderText(tr("Filter: host, user, script, event, exit..."));
    m_reload->setText(tr("&Reload"));
    m_export->setText(tr("&Export..."));
    m_close->setText(tr("Close"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, AuditLogModel::ColumnCount - 1);
    m_model->invalidateSearchText(); // some cells are translated ("signal 9", "typed-count by ...")
    m_proxy->refilter();
    m_view->viewport()->update(); // the translated cells, now
    showDetails();
    updateStatus();
}

void AuditLogViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace lw::gui
