#pragma once

// The shell text src/ssh sends to a host besides the caller's own commands: the wrappers that start a kept
// command (and make it print its pid) and the programs that stop one. Pure functions, no libssh: what they
// mean to a shell is tested without a server (tst_keptcommand). Every piece of text here is ours or digits
// checked by keptPid(), never remote data.

#include <QByteArray>

namespace lw::ssh {

// A kept command runs as `echo <tag>$$; exec sh -c '<command>'`: sshd made that shell a process group
// leader, and its pid is what a timeout or cancel needs to stop the command. OpenSSH ignores "signal"
// channel requests in many versions (9.2: "session signalling requires privilege separation"), and closing
// the channel does not stop a command that is busy (it only sees EOF or EPIPE when it next reads or
// writes), so we kill the group from a second channel.
inline constexpr char kKeptPidTag[] = "lw-kept-pid ";

// s in single quotes, for sh.
QByteArray shellQuote(const QByteArray &s);

// What the login shell is asked to run for a kept command (SshConnection::execKept): nothing but
// `exec sh -c '...' sh ARGS`, which every login shell reads alike (sh, bash, zsh, ksh, tcsh, fish: fish
// refuses a bare $$); that sh prints "lw-kept-pid PID" and becomes the command (plainWords: the words
// exec'd directly, one process less) or evaluates it. command is the caller's own text, never remote data.
QByteArray keptCommandLine(const QByteArray &command, bool plainWords);
// For KeptLaunch::StdinShell: the command line ("exec" and the command) and the script line that prints the
// pid line (put before openInput).
QByteArray keptStdinShellCommandLine(const QByteArray &command);
QByteArray keptStdinShellPrologue();

// Stops a kept command: TERM to its process group, or to the process if it is no group leader after all.
// pid: digits only (keptPid()).
QByteArray killGroupCommand(const QByteArray &pid);
// Stops pid, with everything it started, only if it is still a child of parent (a pid reused since is left
// alone): stopped first, so the tree holds still while /proc is read, then killed. Both digits only.
QByteArray killChildCommand(const QByteArray &pid, const QByteArray &parent);

// Ends the sessions of this connection that never started their command: sshd runs ~/.ssh/rc (or
// /etc/ssh/sshrc) before it, and an rc that blocks keeps the session's child of sshd, the rc and whatever it
// started running after our timeout, in a process group we never learnt (the command would have printed it).
// Run from a second channel of the same connection: every other child of that connection's sshd process
// that is still sshd (comm sshd*, not exec'd into a command yet) is killed with its process group. Nothing
// else is touched: running commands have exec'd, and other connections have another parent. Nothing at all
// if this shell's parent is not an sshd (re-parented to init or a subreaper). Limit: this command is a
// session too, so an rc file that blocks every session blocks it as well; then the stuck sessions stay until
// the connection closes (sshd then ends them).
QByteArray stuckSessionsCommand();

} // namespace lw::ssh
