#pragma once

#include "batchrunner.h"

#include <QHash>
#include <QPointer>
#include <QStringDecoder>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace lw::gui {

// Supervises a running batch: a row per host (state with icon and colour, exit, duration, verification),
// the live output of the selected host, progress, pause/resume/cancel and the summary. Output arrives in
// batches from BatchRunner and reaches the text view on a timer, capped, so that a script printing
// megabytes never freezes the window.
class BatchPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        StateColumn,
        ExitColumn,
        DurationColumn,
        VerificationColumn,
        MessageColumn,
        ColumnCount
    };

    static constexpr int MaximumBlockCount = 5000;       // lines the output view keeps
    static constexpr int FlushIntervalMs = 80;           // how often output reaches the view
    static constexpr qsizetype KeptPerHost = 256 * 1024; // characters of output kept per host (the tail)
    static constexpr qsizetype PerFlushCap = 64 * 1024;  // characters appended per flush; the rest elided

    explicit BatchPanel(QWidget *parent = nullptr);
    ~BatchPanel() override;

    // Follows runner (not owned); hosts in the runner's order. Without a runner the slots can be fed
    // directly.
    void attach(BatchRunner *runner, const QString &scriptTitle, const QStringList &hosts);
    void setHosts(const QStringList &hosts);
    // Off in a dock whose title bar already names the batch.
    void setTitleVisible(bool visible);
    // Asked before a cancel; default: a message box.
    void setCancelConfirmation(std::function<bool()> confirm) { m_confirmCancel = std::move(confirm); }

    void showHostOutput(const QString &host); // selects the host whose output is shown
    QString currentHost() const { return m_currentHost; }

    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *outputView() const { return m_output; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QString summaryText() const;
    HostRunState hostState(const QString &host) const;
    QStringList needsManualCheck() const; // outcome unknown: never re-run automatically
    qint64 droppedCharacters() const { return m_dropped; }
    int flushCount() const { return m_flushes; }

public slots:
    void onHostStateChanged(const QString &host, lw::HostRunState state, const QString &message);
    void onHostOutput(const QString &host, lw::ssh::OutputStream stream, const QByteArray &bytes);
    void onHostFinished(const lw::HostRunResult &result);
    void onProgress(int done, int total);
    void onPausedChanged(bool paused);
    void onFinished(const lw::BatchSummary &summary);
    void flushOutput();

signals:
    void cancelRequested();
    void pauseRequested(bool pause);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Pending
    {
        QString text;
        bool isStderr = false;
    };
    struct HostOutput
    {
        QList<Pending> kept; // the tail, shown when the host is selected again
        qsizetype keptSize = 0;
        QStringDecoder stdoutDecoder{QStringDecoder::Utf8};
        QStringDecoder stderrDecoder{QStringDecoder::Utf8};
        void trimTo(qsizetype limit); // drops the oldest characters beyond limit
    };

    void retranslateUi();
    int rowOf(const QString &host);
    void updateRow(int row);
    void requestCancel();
    void togglePause();
    void appendToView(const QList<Pending> &chunks);

    QPointer<BatchRunner> m_runner;
    QString m_scriptTitle;
    QStringList m_hosts;
    QHash<QString, int> m_rowByHost;
    QHash<QString, HostRunState> m_states;
    QHash<QString, QString> m_messages;
    QHash<QString, HostRunResult> m_results;
    QHash<QString, std::shared_ptr<HostOutput>> m_outputs;
    QList<Pending> m_pending; // for the current host, not yet in the view
    qsizetype m_pendingSize = 0;
    qint64 m_dropped = 0;
    qint64 m_pendingDropped = 0; // dropped since the last flush
    int m_flushes = 0;
    QString m_currentHost;
    bool m_paused = false;
    bool m_finished = false;
    BatchSummary m_summary;
    std::function<bool()> m_confirmCancel;
    QTimer m_flushTimer;

    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_outputLabel = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QSplitter *m_splitter = nullptr;
};

// Translated name of a host state for the panel.
QString hostRunStateDisplayName(HostRunState state);

} // namespace lw::gui
