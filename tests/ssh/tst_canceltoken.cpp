// CancelToken without a server: who sees a cancel, and which waits it wakes.
#include "canceltoken.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace lw::ssh;

class tst_CancelToken : public QObject
{
    Q_OBJECT
private slots:
    void defaultTokenIsNeverCancelled();
    void copiesShareTheFlag();
    void setsIgnoreDuplicatesAndUncancellable();
    void wakesOnlyItsOwnWaits();
    void waitGoneIsNotWoken();
    void cancelFromAnotherThread();
};

namespace {

struct Counter
{
    std::atomic<int> wakes{0};
    static void wake(void *self) { ++static_cast<Counter *>(self)->wakes; }
};

} // namespace

void tst_CancelToken::defaultTokenIsNeverCancelled()
{
    const CancelToken none;
    QVERIFY(!none.canBeCancelled());
    none.cancel(); // a no-op
    QVERIFY(!none.isCancelled());
}

void tst_CancelToken::copiesShareTheFlag()
{
    const CancelToken a = CancelToken::create();
    const CancelToken b = a;
    const CancelToken other = CancelToken::create();
    QVERIFY(a.canBeCancelled());
    QVERIFY(a.sharesFlagWith(b));
    QVERIFY(!a.sharesFlagWith(other));
    QVERIFY(!b.isCancelled());
    a.cancel();
    QVERIFY(b.isCancelled());
    QVERIFY(!other.isCancelled());
    a.cancel(); // again: still cancelled, no harm
    QVERIFY(a.isCancelled());
}

void tst_CancelToken::setsIgnoreDuplicatesAndUncancellable()
{
    const CancelToken a = CancelToken::create();
    const CancelToken b = CancelToken::create();
    const CancelTokens set{a, CancelToken(), a, b, CancelToken()};
    QCOMPARE(set.size(), 2);
    QVERIFY(!set.isCancelled());
    b.cancel();
    QVERIFY(set.isCancelled());
    QCOMPARE(CancelTokens().size(), 0);
    QVERIFY(!CancelTokens().isCancelled());
}

void tst_CancelToken::wakesOnlyItsOwnWaits()
{
    const CancelToken pool = CancelToken::create();
    const CancelToken sweepA = CancelToken::create();
    const CancelToken sweepB = CancelToken::create();
    Counter waitA, waitB;
    const CancelWait registeredA({sweepA, pool}, &Counter::wake, &waitA);
    const CancelWait registeredB({sweepB, pool}, &Counter::wake, &waitB);
    sweepA.cancel();
    QCOMPARE(waitA.wakes.load(), 1);
    QCOMPARE(waitB.wakes.load(), 0); // another sweep's exec sleeps on
    pool.cancel();                   // the pool's token concerns both
    QCOMPARE(waitA.wakes.load(), 2);
    QCOMPARE(waitB.wakes.load(), 1);
}

void tst_CancelToken::waitGoneIsNotWoken()
{
    const CancelToken token = CancelToken::create();
    Counter counter;
    {
        const CancelWait wait({token}, &Counter::wake, &counter);
    }
    token.cancel();
    QCOMPARE(counter.wakes.load(), 0);
    // registered after the cancel: not woken, but the check after registering sees it (the waiter's rule)
    const CancelWait late({token}, &Counter::wake, &counter);
    QCOMPARE(counter.wakes.load(), 0);
    QVERIFY(CancelTokens{token}.isCancelled());
}

void tst_CancelToken::cancelFromAnotherThread()
{
    // Many waits coming and going while another thread cancels: every wait registered before the cancel
    // is woken, and none is touched after it is gone (run under ASan/TSan to see the second part).
    const CancelToken token = CancelToken::create();
    std::atomic<bool> stop{false};
    std::atomic<int> seen{0};
    std::thread waiter([&] {
        while (!stop.load()) {
            Counter counter;
            const CancelWait wait({token}, &Counter::wake, &counter);
            if (token.isCancelled()) {
                ++seen;
                return;
            }
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    token.cancel();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    waiter.join();
    QCOMPARE(seen.load(), 1);
}

QTEST_GUILESS_MAIN(tst_CancelToken)
#include "tst_canceltoken.moc"
