#include "keptcommand.h"

#include "remoteprograms.h"

namespace lw::ssh {

bool isPlainWords(const QByteArray &command)
{
    for (char c : command) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '=';
        if (!plain)
            return false;
    }
    return !command.trimmed().isEmpty();
}

QByteArray keptPid(const QByteArray &pidLine)
{
    if (!pidLine.startsWith(kKeptPidTag) || !pidLine.endsWith('\n'))
        return QByteArray();
    const QByteArray pid = pidLine.mid(qsizetype(sizeof kKeptPidTag) - 1).chopped(1);
    bool ok = false;
    const qint64 value = pid.toLongLong(&ok);
    return ok && value > 1 && pid == QByteArray::number(value) ? pid : QByteArray();
}

KeptStart keptStart(const QByteArray &command, KeptLaunch launch)
{
    KeptStart start;
    if (launch == KeptLaunch::Subsystem) {
        start.request = command;
        start.subsystem = true;
        start.expectPidLine = false;
        return start;
    }
    const bool plainWords = isPlainWords(command);
    if (launch == KeptLaunch::StdinShell && plainWords) {
        start.request = keptStdinShellCommandLine(command);
        start.prologue = keptStdinShellPrologue();
        return start;
    }
    start.request = keptCommandLine(command, launch == KeptLaunch::PlainCommand && plainWords);
    return start;
}

QByteArray keptOpeningInput(const KeptStart &start, const KeptExecRequest &request)
{
    QByteArray toWrite;
    toWrite.reserve(start.prologue.size() + request.openInput.size() +
                    (request.answersOnOpen ? 0 : request.input.size()));
    toWrite.append(start.prologue).append(request.openInput);
    if (!request.answersOnOpen)
        toWrite.append(request.input);
    return toWrite;
}

} // namespace lw::ssh
