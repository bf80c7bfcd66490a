#include "batchpanel.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>

using namespace lw;
using namespace lw::gui;

class tst_BatchPanel : public QObject
{
    Q_OBJECT

private slots:
    // #16 item 4: live output, messages and the summary show control characters visibly; lines stay lines.
    void hostileOutputShownEscaped()
    {
        BatchPanel panel;
        const QString host = QStringLiteral("web\x1b[2J1");
        panel.setHosts({host});
        panel.showHostOutput(host);
        panel.onHostOutput(host, ssh::OutputStream::Stdout, "step one\n\x1b[2J\x1b[1Acleared\rover\n");
        HostRunResult lost;
        lost.host = host;
        lost.state = HostRunState::OutcomeUnknown;
        lost.message = QStringLiteral("dropped \x1b]0;owned\x07\nfake");
        panel.onHostFinished(lost);
        BatchSummary summary;
        summary.total = 1;
        summary.counts.insert(HostRunState::OutcomeUnknown, 1);
        panel.onFinished(summary);
        QTRY_VERIFY(panel.outputView()->toPlainText().contains(QLatin1String("cleared")));
        const QString output = panel.outputView()->toPlainText();
        QVERIFY2(output.contains(QLatin1String("step one\n\\x1b[2J\\x1b[1Acleared\\rover")),
                 qPrintable(output));
        QVERIFY(!output.contains(QChar(0x1b)) && !output.contains(QLatin1Char('\r')));
        for (int column = 0; column < panel.table()->columnCount(); ++column) {
            const QTableWidgetItem *item = panel.table()->item(0, column);
            QVERIFY(!item ||
                    (!item->text().contains(QChar(0x1b)) && !item->text().contains(QLatin1Char('\n')) &&
                     !item->toolTip().contains(QChar(0x1b))));
        }
        QVERIFY2(!panel.summaryText().contains(QChar(0x1b)), qPrintable(panel.summaryText()));
        QVERIFY(panel.summaryText().contains(QLatin1String("web\\x1b[2J1")));
    }

    void showsStatesAndSummary()
    {
        BatchPanel panel;
        panel.setHosts({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        QCOMPARE(panel.table()->rowCount(), 3);
        QCOMPARE(panel.table()->item(0, BatchPanel::StateColumn)->text(), QStringLiteral("pending"));
        panel.onHostStateChanged(QStringLiteral("a"), HostRunState::Running, QString());
        QCOMPARE(panel.table()->item(0, BatchPanel::StateColumn)->text(), QStringLiteral("running"));

        HostRunResult ok;
        ok.host = QStringLiteral("a");
        ok.state = HostRunState::Verified;
        ok.exitKnown = true;
        ok.exitStatus = 0;
        ok.durationMs = 2500;
        ok.verification = QStringLiteral("gone");
        panel.onHostFinished(ok);
        HostRunResult lost;
        lost.host = QStringLiteral("b");
        lost.state = HostRunState::OutcomeUnknown;
        lost.message = QStringLiteral("connection dropped");
        panel.onHostFinished(lost);
        HostRunResult killed;
        killed.host = QStringLiteral("c");
        killed.state = HostRunState::Failed;
        killed.exitKnown = true;
        killed.exitSignal = QStringLiteral("KILL");
        panel.onHostFinished(killed);
        panel.onProgress(3, 3);

        QCOMPARE(panel.table()->item(0, BatchPanel::ExitColumn)->text(), QStringLiteral("0"));
        QCOMPARE(panel.table()->item(0, BatchPanel::DurationColumn)->text(), QStringLiteral("2.5 s"));
        QCOMPARE(panel.table()->item(0, BatchPanel::VerificationColumn)->text(),
                 QStringLiteral("finding gone"));
        QCOMPARE(panel.table()->item(1, BatchPanel::ExitColumn)->text(), QStringLiteral("unknown"));
        QVERIFY(
            panel.table()->item(1, BatchPanel::StateColumn)->text().contains(QLatin1String("check by hand")));
        QCOMPARE(panel.table()->item(2, BatchPanel::ExitColumn)->text(), QStringLiteral("signal KILL"));
        // Colours differ by state.
        QVERIFY(panel.table()->item(0, BatchPanel::StateColumn)->foreground().color() !=
                panel.table()->item(2, BatchPanel::StateColumn)->foreground().color());
        QCOMPARE(panel.needsManualCheck(), QStringList{QStringLiteral("b")});
        QCOMPARE(panel.progressBar()->value(), 3);

        BatchSummary summary;
        summary.total = 3;
        summary.counts.insert(HostRunState::Verified, 1);
        summary.counts.insert(HostRunState::OutcomeUnknown, 1);
        summary.counts.insert(HostRunState::Failed, 1);
        summary.failures = 1;
        panel.onFinished(summary);
        QVERIFY2(panel.summaryText().contains(QLatin1String("check by hand (never re-run automatically): b")),
                 qPrintable(panel.summaryText()));
        QVERIFY(!panel.pauseButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());
    }

    void cancelAsksFirst()
    {
        BatchPanel panel;
        panel.setHosts({QStringLiteral("a")});
        int asked = 0;
        bool answer = false;
        panel.setCancelConfirmation([&] {
            ++asked;
            return answer;
        });
        int requested = 0;
        connect(&panel, &BatchPanel::cancelRequested, this, [&] { ++requested; });
        panel.cancelButton()->click();
        QCOMPARE(asked, 1);
        QCOMPARE(requested, 0);
        answer = true;
        panel.cancelButton()->click();
        QCOMPARE(requested, 1);
    }

    void floodIsThrottledAndCapped()
    {
        BatchPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setHosts({QStringLiteral("a"), QStringLiteral("b")});
        panel.showHostOutput(QStringLiteral("a"));

        // 5 MB of output in 64 KiB chunks, as fast as they come, with the event loop turning in between.
        QByteArray chunk;
        int line = 0;
        while (chunk.size() < 64 * 1024)
            chunk += QByteArray("output line ") + QByteArray::number(line++) +
                     " ................................\n";
        const int chunks = (5 * 1024 * 1024) / chunk.size() + 1;
        QElapsedTimer total;
        total.start();
        qint64 worstTurn = 0;
        for (int i = 0; i < chunks; ++i) {
            QElapsedTimer turn;
            turn.start();
            panel.onHostOutput(QStringLiteral("a"), ssh::OutputStream::Stdout, chunk);
            panel.onHostOutput(QStringLiteral("b"), ssh::OutputStream::Stdout, chunk); // not shown: kept only
            QTest::qWait(3); // the event loop turns; the flush timer fires now and then
            worstTurn = qMax(worstTurn, turn.elapsed());
        }
        panel.onHostOutput(QStringLiteral("a"), ssh::OutputStream::Stderr, "the last line\n");
        const qint64 feeding = total.elapsed();
        QTRY_VERIFY(panel.outputView()->toPlainText().endsWith(QLatin1String("the last line\n")));
        qInfo("%d chunks (%lld bytes) fed in %lld ms; worst event-loop turn %lld ms; %d flushes; %lld chars "
              "dropped; %d blocks",
              chunks, qint64(chunks) * chunk.size(), feeding, worstTurn, panel.flushCount(),
              panel.droppedCharacters(), panel.outputView()->blockCount());
        QVERIFY(worstTurn < 500);             // the window stays responsive
        QVERIFY(panel.flushCount() >= 2);     // flushed while the output kept coming
        QVERIFY(panel.flushCount() < chunks); // appended on a timer, not per chunk
        QVERIFY(panel.outputView()->blockCount() <= BatchPanel::MaximumBlockCount);
        QVERIFY(panel.droppedCharacters() > 0);
        QVERIFY(panel.outputView()->toPlainText().contains(QLatin1String("characters of output not shown")));
        // stderr has its own colour.
        const QTextBlock last = panel.outputView()->document()->lastBlock().previous();
        QVERIFY(last.text().contains(QLatin1String("the last line")));
        QCOMPARE(last.begin().fragment().charFormat().foreground().color(), QColor(0xc6, 0x28, 0x28));

        // Another host's output is kept (capped) and shown when it is selected.
        panel.showHostOutput(QStringLiteral("b"));
        const QString b = panel.outputView()->toPlainText();
        QVERIFY(b.size() <= BatchPanel::KeptPerHost + 1);
        QVERIFY(b.endsWith(QLatin1String("................................\n")));
    }

    void splitUtf8IsDecodedAcrossChunks()
    {
        BatchPanel panel;
        panel.setHosts({QStringLiteral("a")});
        panel.showHostOutput(QStringLiteral("a"));
        const QByteArray text = QStringLiteral("卸载完成\n").toUtf8();
        panel.onHostOutput(QStringLiteral("a"), ssh::OutputStream::Stdout, text.left(4));
        panel.onHostOutput(QStringLiteral("a"), ssh::OutputStream::Stdout, text.mid(4));
        QTRY_COMPARE(panel.outputView()->toPlainText(), QStringLiteral("卸载完成\n"));
    }
};

QTEST_MAIN(tst_BatchPanel)
#include "tst_batchpanel.moc"
