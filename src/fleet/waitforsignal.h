#pragma once

#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace lw {

// Runs the event loop until sender emits signal or msecs pass (msecs < 0: no limit). For the blocking
// waitForFinished() of the CLI and the tests; the GUI never calls it.
template<typename Sender, typename Signal> void waitForSignal(const Sender *sender, Signal signal, int msecs)
{
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    if (msecs >= 0)
        deadline.start(msecs);
    loop.exec();
}

} // namespace lw
