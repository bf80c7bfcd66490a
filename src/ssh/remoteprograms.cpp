#include "remoteprograms.h"

namespace lw::ssh {

QByteArray shellQuote(const QByteArray &s)
{
    QByteArray quoted = s;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

QByteArray keptCommandLine(const QByteArray &command, bool plainWords)
{
    const QByteArray head = QByteArray("exec sh -c 'echo ") + kKeptPidTag + "$$; ";
    if (plainWords) // sh becomes the command itself: no second shell
        return head + "exec \"$@\"' sh " + command;
    return head + "eval \"$1\"' sh " + shellQuote(command);
}

QByteArray keptStdinShellCommandLine(const QByteArray &command)
{
    // Plain words and `exec` mean the same to sh, bash, zsh, tcsh and fish: the login shell becomes the
    // command, keeping its pid (the process group that a timeout or cancel kills).
    return "exec " + command;
}

QByteArray keptStdinShellPrologue()
{
    return QByteArray("echo ") + kKeptPidTag + "$$\n";
}

QByteArray killGroupCommand(const QByteArray &pid)
{
    return "kill -TERM -" + pid + " 2>/dev/null || kill -TERM " + pid + " 2>/dev/null";
}

QByteArray stuckSessionsCommand()
{
    // $$: this session's child of sshd (each shell exec'd the next); its parent: the connection's sshd. Only
    // digits are compared, so no quotes are needed (sh -c, as the other programs here: any login shell).
    return "exec sh -c 'pp() { st=; { read -r st </proc/$1/stat; } 2>/dev/null || return 1; "
           "set -- ${st##*) }; P=$2; }; me=$$; pp $me || exit 0; conn=$P; [ $conn -gt 1 ] || exit 0; "
           "c=; { read -r c </proc/$conn/comm; } 2>/dev/null; case $c in sshd*) ;; *) exit 0 ;; esac; "
           "for d in /proc/[0-9]*; do "
           "q=${d#/proc/}; [ $q = $me ] && continue; pp $q && [ $P = $conn ] || continue; "
           "c=; { read -r c </proc/$q/comm; } 2>/dev/null; case $c in sshd*) kill -KILL -$q 2>/dev/null || "
           "kill -KILL $q ;; esac; done' sh";
}

QByteArray killChildCommand(const QByteArray &pid, const QByteArray &parent)
{
    // A script's `sleep` would keep the output pipe open: the whole tree goes. sh -c, so that any login shell
    // runs the same words (no quote, backslash or ! inside).
    return "exec sh -c 'pp() { st=; { read -r st </proc/$1/stat; } 2>/dev/null || return 1; "
           "set -- ${st##*) }; P=$2; }; pp $1 && [ \"$P\" = \"$2\" ] || exit 0; kill -STOP $1; all=\" $1 \"; "
           "n=0; while [ $n != ${#all} ]; do n=${#all}; for d in /proc/[0-9]*; do q=${d#/proc/}; "
           "case $all in *\" $q \"*) continue ;; esac; pp $q && case $all in *\" $P \"*) all=\"$all$q \" ;; "
           "esac; done; done; kill -KILL $all' sh " +
           pid + ' ' + parent;
}

} // namespace lw::ssh
