#pragma once

// The pure rules of a kept command (SshConnection::execKept): how it is started, what is written when its
// channel opens, and its pid line. No libssh: tested without a server (tst_keptcommand).

#include "sshtypes.h"

#include <QByteArray>

namespace lw::ssh {

// Only letters, digits, blanks and - _ . / = : no character a shell would treat specially.
bool isPlainWords(const QByteArray &command);

// The pid from a kept command's first line, or empty if that line is not what our wrapper prints.
QByteArray keptPid(const QByteArray &pidLine);

// How one kept command is started: launch resolved against its text (a command that is not plain words
// falls back to ShellCommand).
struct KeptStart
{
    QByteArray request;        // the exec request's command line, or the subsystem's name
    bool subsystem = false;    // a subsystem request instead of exec
    bool expectPidLine = true; // the first stdout line is the wrapper's pid line (not the caller's)
    QByteArray prologue;       // written before openInput (StdinShell: the script line that prints the pid)
};
KeptStart keptStart(const QByteArray &command, KeptLaunch launch);

// What is written to a channel just opened: the prologue, openInput, and the request's input unless the
// command answers by itself on open (KeptExecRequest::answersOnOpen). One buffer (the probe bundle's
// script is some 14 KB a host).
QByteArray keptOpeningInput(const KeptStart &start, const KeptExecRequest &request);

} // namespace lw::ssh
