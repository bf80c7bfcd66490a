#include "batchpanel.h"
#include "textescape.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTextCursor>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

QColor stateColour(HostRunState state)
{
    switch (state) {
    case HostRunState::Verified:
    case HostRunState::Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case HostRunState::Failed:
    case HostRunState::TimedOut:
    case HostRunState::NotFixed:
    case HostRunState::Refused:
        return QColor(0xc6, 0x28, 0x28);
    case HostRunState::OutcomeUnknown:
        return QColor(0xe6, 0x51, 0x00);
    case HostRunState::Running:
    case HostRunState::Planning:
        return QColor(0x15, 0x65, 0xc0);
    case HostRunState::Cancelled:
    case HostRunState::Skipped:
    case HostRunState::Pending:
        break;
    }
    return QColor(0x61, 0x61, 0x61);
}

QStyle::StandardPixmap stateIcon(HostRunState state)
{
    switch (state) {
    case HostRunState::Verified:
    case HostRunState::Succeeded:
        return QStyle::SP_DialogApplyButton;
    case HostRunState::Failed:
    case HostRunState::TimedOut:
    case HostRunState::NotFixed:
    case HostRunState::Refused:
        return QStyle::SP_MessageBoxCritical;
    case HostRunState::OutcomeUnknown:
        return QStyle::SP_MessageBoxWarning;
    case HostRunState::Running:
    case HostRunState::Planning:
        return QStyle::SP_MediaPlay;
    case HostRunState::Cancelled:
    case HostRunState::Skipped:
        return QStyle::SP_MediaStop;
    case HostRunState::Pending:
        break;
    }
    return QStyle::SP_FileIcon;
}

QString formatDuration(qint64 ms)
{
    if (ms <= 0)
        return QString();
    if (ms < 10000)
        return BatchPanel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    return s < 60 ? BatchPanel::tr("%1 s").arg(s) : BatchPanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

QString verificationText(const QString &v)
{
    if (v == QLatin1String("gone"))
        return BatchPanel::tr("finding gone");
    if (v == QLatin1String("still-there"))
        return BatchPanel::tr("finding still there");
    if (v == QLatin1String("unknown"))
        return BatchPanel::tr("could not re-probe");
    return v;
}

} // namespace

QString hostRunStateDisplayName(HostRunState state)
{
    switch (state) {
    case HostRunState::Pending:
        return BatchPanel::tr("pending");
    case HostRunState::Planning:
        return BatchPanel::tr("planning");
    case HostRunState::Running:
        return BatchPanel::tr("running");
    case HostRunState::Succeeded:
        return BatchPanel::tr("succeeded");
    case HostRunState::Failed:
        return BatchPanel::tr("failed");
    case HostRunState::OutcomeUnknown:
        return BatchPanel::tr("OUTCOME UNKNOWN - check by hand");
    case HostRunState::TimedOut:
        return BatchPanel::tr("timed out");
    case HostRunState::Cancelled:
        return BatchPanel::tr("cancelled");
    case HostRunState::Skipped:
        return BatchPanel::tr("skipped");
    case HostRunState::Verified:
        return BatchPanel::tr("verified");
    case HostRunState::NotFixed:
        return BatchPanel::tr("not fixed");
    case HostRunState::Refused:
        return BatchPanel::tr("refused");
    }
    return hostRunStateName(state);
}

BatchPanel::BatchPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("batchPanel"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *bar = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%v / %m"));
    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, m_splitter);
    m_table->setObjectName(QStringLiteral("batchHosts"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *outputBox = new QWidget(m_splitter);
    auto *outputLayout = new QVBoxLayout(outputBox);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    m_outputLabel = new QLabel(outputBox);
    m_output = new QPlainTextEdit(outputBox);
    m_output->setObjectName(QStringLiteral("batchOutput"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(MaximumBlockCount);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setUndoRedoEnabled(false);
    outputLayout->addWidget(m_outputLabel);
    outputLayout->addWidget(m_output);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(outputBox);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("batchSummary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summaryLabel);

    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &BatchPanel::flushOutput);
    m_flushTimer.start();
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row < m_hosts.size())
            showHostOutput(m_hosts.at(row));
    });
    connect(m_pause, &QPushButton::clicked, this, &BatchPanel::togglePause);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchPanel::requestCancel);
    retranslateUi();
}

void BatchPanel::setTitleVisible(bool visible)
{
    m_title->setVisible(visible);
}

BatchPanel::~BatchPanel() = default;

void BatchPanel::attach(BatchRunner *runner, const QString &scriptTitle, const QStringList &hosts)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    m_scriptTitle = scriptTitle;
    setHosts(hosts);
    if (!runner)
        return;
    connect(runner, &BatchRunner::hostStateChanged, this, &BatchPanel::onHostStateChanged);
    connect(runner, &BatchRunner::hostOutput, this, &BatchPanel::onHostOutput);
    connect(runner, &BatchRunner::hostFinished, this, &BatchPanel::onHostFinished);
    connect(runner, &BatchRunner::progress, this, &BatchPanel::onProgress);
    connect(runner, &BatchRunner::pausedChanged, this, &BatchPanel::onPausedChanged);
    connect(runner, &BatchRunner::finished, this, &BatchPanel::onFinished);
    connect(runner, &BatchRunner::auditError, this,
            [this](const QString &message) { m_summaryLabel->setText(tr("Audit log: %1").arg(message)); });
}

void BatchPanel::setHosts(const QStringList &hosts)
{
    m_hosts = hosts;
    m_rowByHost.clear();
    m_states.clear();
    m_messages.clear();
    m_results.clear();
    m_outputs.clear();
    m_pending.clear();
    m_pendingSize = 0;
    m_finished = false;
    m_paused = false;
    m_summary = BatchSummary();
    m_output->clear();
    m_table->setRowCount(0);
    m_table->setRowCount(int(hosts.size()));
    for (int row = 0; row < hosts.size(); ++row) {
        m_rowByHost.insert(hosts.at(row), row);
        m_states.insert(hosts.at(row), HostRunState::Pending);
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem);
        updateRow(row);
    }
    m_progress->setRange(0, qMax(1, int(hosts.size())));
    m_progress->setValue(0);
    m_summaryLabel->clear();
    m_currentHost.clear();
    if (!hosts.isEmpty())
        m_table->setCurrentCell(0, 0);
    retranslateUi();
}

int BatchPanel::rowOf(const QString &host)
{
    const auto it = m_rowByHost.constFind(host);
    if (it != m_rowByHost.constEnd())
        return it.value();
    // A host the runner knows and we were not told about: show it rather than drop its events.
    m_hosts.append(host);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setItem(row, c, new QTableWidgetItem);
    m_rowByHost.insert(host, row);
    m_progress->setMaximum(qMax(m_progress->maximum(), int(m_hosts.size())));
    return row;
}

void BatchPanel::updateRow(int row)
{
    const QString &host = m_hosts.at(row);
    const HostRunState state = m_states.value(host, HostRunState::Pending);
    const QColor colour = stateColour(state);
    m_table->item(row, HostColumn)->setText(lw::escapeControlCharacters(host));
    QTableWidgetItem *stateItem = m_table->item(row, StateColumn);
    stateItem->setText(hostRunStateDisplayName(state));
    stateItem->setIcon(style()->standardIcon(stateIcon(state)));
    stateItem->setForeground(colour);
    QFont font = stateItem->font();
    font.setBold(state == HostRunState::OutcomeUnknown);
    stateItem->setFont(font);
    if (state == HostRunState::OutcomeUnknown) {
        const QColor flag(0xff, 0xe0, 0xb2);
        for (int c = 0; c < ColumnCount; ++c)
            m_table->item(row, c)->setBackground(flag);
        stateItem->setToolTip(tr("The connection was lost while the script ran: the host may or may not have "
                                 "been changed. Check it by hand; it is never re-run automatically."));
    }
    const auto result = m_results.constFind(host);
    if (result != m_results.constEnd()) {
        const HostRunResult &r = result.value();
        QString exit;
        if (r.exitKnown && !r.exitSignal.isEmpty())
            exit = tr("signal %1").arg(r.exitSignal);
        else if (r.exitKnown)
            exit = QString::number(r.exitStatus);
        else if (isFinalHostRunState(r.state) && r.state != HostRunState::Skipped &&
                 r.state != HostRunState::Refused)
            exit = tr("unknown");
        m_table->item(row, ExitColumn)->setText(exit);
        m_table->item(row, DurationColumn)->setText(formatDuration(r.durationMs));
        m_table->item(row, VerificationColumn)->setText(verificationText(r.verification));
    }
    const QString message = lw::escapeControlCharacters(m_messages.value(host));
    m_table->item(row, MessageColumn)->setText(message);
    m_table->item(row, MessageColumn)->setToolTip(message);
}

HostRunState BatchPanel::hostState(const QString &host) const
{
    return m_states.value(host, HostRunState::Pending);
}

QStringList BatchPanel::needsManualCheck() const
{
    QStringList hosts;
    for (const QString &host : m_hosts) {
        if (m_states.value(host) == HostRunState::OutcomeUnknown)
            hosts.append(host);
    }
    return hosts;
}

void BatchPanel::onHostStateChanged(const QString &host, HostRunState state, const QString &message)
{
    const int row = rowOf(host);
    m_states.insert(host, state);
    if (!message.isEmpty())
        m_messages.insert(host, message);
    updateRow(row);
}

void BatchPanel::onHostFinished(const HostRunResult &result)
{
    const int row = rowOf(result.host);
    m_results.insert(result.host, result);
    m_states.insert(result.host, result.state);
    if (!result.message.isEmpty())
        m_messages.insert(result.host, result.message);
    if (result.truncated)
        m_messages.insert(result.host,
                          m_messages.value(result.host) + QLatin1Char(' ') + tr("(output truncated)"));
    updateRow(row);
}

void BatchPanel::onHostOutput(const QString &host, ssh::OutputStream stream, const QByteArray &bytes)
{
    std::shared_ptr<HostOutput> &out = m_outputs[host];
    if (!out)
        out = std::make_shared<HostOutput>();
    const bool isStderr = stream == ssh::OutputStream::Stderr;
    QString text = isStderr ? out->stderrDecoder.decode(bytes) : out->stdoutDecoder.decode(bytes);
    if (text.isEmpty())
        return;
    // The kept tail, for showing this host again later; merged with the last chunk of the same stream.
    if (!out->kept.isEmpty() && out->kept.last().isStderr == isStderr)
        out->kept.last().text += text;
    else
        out->kept.append({text, isStderr});
    out->keptSize += text.size();
    // Up to twice KeptPerHost is held while output streams in, then cut back in one go: one move per
    // KeptPerHost characters instead of one per chunk (every running host's output passes here, shown or
    // not); showing a host trims it to KeptPerHost.
    if (out->keptSize > 2 * KeptPerHost)
        out->trimTo(KeptPerHost);
    if (host != m_currentHost)
        return;
    const qsizetype size = text.size();
    if (!m_pending.isEmpty() && m_pending.last().isStderr == isStderr)
        m_pending.last().text += text;
    else
        m_pending.append({std::move(text), isStderr});
    m_pendingSize += size;
    // Never hold more than a few flushes' worth: the view would drop it anyway.
    while (m_pendingSize > 4 * PerFlushCap && !m_pending.isEmpty()) {
        Pending &first = m_pending.first();
        const qsizetype excess = m_pendingSize - 4 * PerFlushCap;
        if (first.text.size() <= excess) {
            m_pendingSize -= first.text.size();
            m_dropped += first.text.size();
            m_pendingDropped += first.text.size();
            m_pending.removeFirst();
        } else {
            first.text.remove(0, excess);
            m_pendingSize -= excess;
            m_dropped += excess;
            m_pendingDropped += excess;
        }
    }
}

void BatchPanel::flushOutput()
{
    if (m_pending.isEmpty())
        return;
    QList<Pending> chunks;
    chunks.swap(m_pending);
    qsizetype size = 0;
    for (const Pending &p : std::as_const(chunks))
        size += p.text.size();
    m_pendingSize = 0;
    qint64 elided = m_pendingDropped;
    m_pendingDropped = 0;
    if (size > PerFlushCap) {
        // Keep the newest output; say how much was left out.
        qsizetype excess = size - PerFlushCap;
        m_dropped += excess;
        elided += excess;
        while (excess > 0 && !chunks.isEmpty()) {
            if (chunks.first().text.size() <= excess) {
                excess -= chunks.first().text.size();
                chunks.removeFirst();
            } else {
                chunks.first().text.remove(0, excess);
                excess = 0;
            }
        }
    }
    if (elided > 0)
        chunks.prepend({tr("\n[... %1 characters of output not shown ...]\n").arg(elided), true});
    appendToView(chunks);
    ++m_flushes;
}

void BatchPanel::appendToView(const QList<Pending> &chunks)
{
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QTextCharFormat normal;
    QTextCharFormat error;
    error.setForeground(QColor(0xc6, 0x28, 0x28));
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    for (const Pending &p : chunks)
        cursor.insertText(lw::escapeControlCharactersKeepingLines(p.text), p.isStderr ? error : normal);
    cursor.endEditBlock();
    if (atBottom)
        bar->setValue(bar->maximum());
}

void BatchPanel::HostOutput::trimTo(qsizetype limit)
{
    while (keptSize > limit && !kept.isEmpty()) {
        Pending &first = kept.first();
        const qsizetype excess = keptSize - limit;
        if (first.text.size() <= excess) {
            keptSize -= first.text.size();
            kept.removeFirst();
        } else {
            first.text.remove(0, excess);
            keptSize -= excess;
        }
    }
}

void BatchPanel::showHostOutput(const QString &host)
{
    if (host == m_currentHost)
        return;
    m_currentHost = host;
    m_pending.clear();
    m_pendingSize = 0;
    m_pendingDropped = 0;
    m_output->clear();
    if (const auto out = m_outputs.value(host)) {
        out->trimTo(KeptPerHost);
        appendToView(out->kept);
    }
    const int row = m_rowByHost.value(host, -1);
    if (row >= 0 && m_table->currentRow() != row)
        m_table->setCurrentCell(row, 0);
    m_outputLabel->setText(tr("Output of %1 (stderr in red):").arg(lw::escapeControlCharacters(host)));
}

void BatchPanel::onProgress(int done, int total)
{
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
}

void BatchPanel::onPausedChanged(bool paused)
{
    m_paused = paused;
    retranslateUi();
}

void BatchPanel::onFinished(const BatchSummary &summary)
{
    flushOutput();
    m_finished = true;
    m_summary = summary;
    m_pause->setEnabled(false);
    m_cancelButton->setEnabled(false);
    QStringList parts;
    for (auto it = summary.counts.constBegin(); it != summary.counts.constEnd(); ++it) {
        if (it.value() > 0)
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(hostRunStateDisplayName(it.key())));
    }
    QString text = tr("Finished: %n host(s): ", nullptr, summary.total) + parts.join(QStringLiteral(", ")) +
                   QLatin1Char('.');
    if (summary.canaryFailed)
        text += QLatin1Char(' ') + tr("The canary failed: the other hosts were not run.");
    if (summary.stoppedByThreshold)
        text += QLatin1Char(' ') + tr("Stopped at the failure threshold.");
    if (summary.cancelled)
        text += QLatin1Char(' ') + tr("Cancelled by the operator.");
    const QStringList manual = needsManualCheck();
    if (!manual.isEmpty())
        text += QLatin1Char('\n') + tr("Outcome unknown, check by hand (never re-run automatically): %1")
                                        .arg(lw::escapeControlCharacters(manual).join(QStringLiteral(", ")));
    m_summaryLabel->setText(text);
    m_summaryLabel->setStyleSheet(manual.isEmpty() ? QString() : QStringLiteral("color: #e65100;"));
}

QString BatchPanel::summaryText() const
{
    return m_summaryLabel->text();
}

void BatchPanel::togglePause()
{
    const bool pause = !m_paused;
    emit pauseRequested(pause);
    if (m_runner) {
        if (pause)
            m_runner->pause();
        else
            m_runner->resume();
    }
}

void BatchPanel::requestCancel()
{
    const bool confirmed =
        m_confirmCancel
            ? m_confirmCancel()
            : QMessageBox::question(this, tr("Cancel the batch"),
                                    tr("Stop the hosts that are running (their scripts are killed) "
                                       "and skip the rest?"),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    if (!confirmed)
        return;
    emit cancelRequested();
    if (m_runner)
        m_runner->cancel();
}

void BatchPanel::retranslateUi()
{
    m_title->setText(m_scriptTitle.isEmpty() ? tr("Batch") : tr("Batch: %1").arg(m_scriptTitle));
    m_table->setHorizontalHeaderLabels(
        {tr("Host"), tr("State"), tr("Exit"), tr("Duration"), tr("Verification"), tr("Message")});
    m_pause->setText(m_paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setIcon(style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pause->setToolTip(m_paused ? tr("Continue with the next batch")
                                 : tr("Stop after the hosts that are running now"));
    m_cancelButton->setText(tr("&Cancel..."));
    m_outputLabel->setText(m_currentHost.isEmpty() ? tr("Output:")
                                                   : tr("Output of %1 (stderr in red):").arg(m_currentHost));
    for (int row = 0; row < m_table->rowCount(); ++row)
        updateRow(row);
    // Wide enough for the longest state name, so that "outcome unknown" is never cut off.
    QFont bold = m_table->font();
    bold.setBold(true);
    int stateWidth = 0;
    for (int s = int(HostRunState::Pending); s <= int(HostRunState::Refused); ++s)
        stateWidth =
            qMax(stateWidth, QFontMetrics(bold).horizontalAdvance(hostRunStateDisplayName(HostRunState(s))));
    m_table->setColumnWidth(StateColumn, stateWidth + m_table->iconSize().width() + 48);
    m_table->setColumnWidth(HostColumn, qMax(m_table->columnWidth(HostColumn), 160));
}

void BatchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace lw::gui
