// ChannelOutput without a server: what the channel callbacks do with the bytes they are given.
#include "channeloutput.h"

#include <QTest>

using namespace lw::ssh;

class tst_ChannelOutput : public QObject
{
    Q_OBJECT
private slots:
    void pidLineTakenOutAcrossReads();
    void pidLineOnlyOnStdout();
    void capTruncatesButShowsEverything();
    void takeIntoMovesAndResets();
};

namespace {

void feed(ChannelOutput &o, const QByteArray &bytes, bool isStderr = false)
{
    o.receive(bytes.constData(), uint32_t(bytes.size()), isStderr);
}

} // namespace

void tst_ChannelOutput::pidLineTakenOutAcrossReads()
{
    ChannelOutput o;
    o.cap = 1024;
    o.expectPidLine = true;
    QByteArray shown;
    const std::function<void(OutputStream, QByteArrayView)> onOutput = [&](OutputStream, QByteArrayView d) {
        shown += d.toByteArray();
    };
    o.onOutput = &onOutput;
    feed(o, "lw-kept-");
    QCOMPARE(o.reads, quint64(0)); // all of it was the pid line: nobody saw a read
    feed(o, "pid 42\nhel");
    feed(o, "lo\n");
    QCOMPARE(o.pidLine, QByteArray("lw-kept-pid 42\n"));
    QVERIFY(!o.expectPidLine);
    QCOMPARE(o.out, QByteArray("hello\n"));
    QCOMPARE(shown, QByteArray("hello\n"));
    QCOMPARE(o.reads, quint64(2));

    // a first line that never ends is given up after 64 bytes
    ChannelOutput endless;
    endless.cap = 1024;
    endless.expectPidLine = true;
    feed(endless, QByteArray(70, 'x'));
    QVERIFY(!endless.expectPidLine);
    feed(endless, "data");
    QCOMPARE(endless.out, QByteArray("data"));
}

void tst_ChannelOutput::pidLineOnlyOnStdout()
{
    ChannelOutput o;
    o.cap = 1024;
    o.expectPidLine = true;
    feed(o, "error\n", true);
    QCOMPARE(o.err, QByteArray("error\n"));
    QVERIFY(o.expectPidLine);
    feed(o, "lw-kept-pid 7\n");
    QCOMPARE(o.out, QByteArray());
}

void tst_ChannelOutput::capTruncatesButShowsEverything()
{
    ChannelOutput o;
    o.cap = 4;
    qsizetype shownOut = 0, shownErr = 0;
    const std::function<void(OutputStream, QByteArrayView)> onOutput = [&](OutputStream s, QByteArrayView d) {
        (s == OutputStream::Stdout ? shownOut : shownErr) += d.size();
    };
    o.onOutput = &onOutput;
    feed(o, "abc");
    QVERIFY(!o.truncated);
    feed(o, "defgh");
    feed(o, "ij", true); // per stream
    QCOMPARE(o.out, QByteArray("abcd"));
    QCOMPARE(o.err, QByteArray("ij"));
    QVERIFY(o.truncated);
    QCOMPARE(shownOut, qsizetype(8));
    QCOMPARE(shownErr, qsizetype(2));
}

void tst_ChannelOutput::takeIntoMovesAndResets()
{
    ChannelOutput o;
    o.cap = 2;
    feed(o, "abc");
    feed(o, "e", true);
    o.gotStatus = true;
    o.exitStatus = 3;
    ExecResult r;
    o.takeInto(r);
    QCOMPARE(r.stdoutData, QByteArray("ab"));
    QCOMPARE(r.stderrData, QByteArray("e"));
    QVERIFY(r.truncated);
    QVERIFY(r.exitKnown);
    QCOMPARE(r.exitStatus, 3);
    QVERIFY(o.out.isEmpty() && o.err.isEmpty() && !o.truncated);

    ChannelOutput signalled;
    signalled.gotSignal = true;
    signalled.exitSignal = QStringLiteral("KILL");
    ExecResult s;
    signalled.takeInto(s);
    QVERIFY(s.exitKnown);
    QCOMPARE(s.exitStatus, -1);
    QCOMPARE(s.exitSignal, QStringLiteral("KILL"));
}

QTEST_GUILESS_MAIN(tst_ChannelOutput)
#include "tst_channeloutput.moc"
