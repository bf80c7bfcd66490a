#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

// Storage settings as given on dockerd's command line (directly, or through DOCKER_STORAGE_OPTIONS).
struct StorageFlags
{
    std::optional<QString> storageDriver; // --storage-driver=X, --storage-driver X, -s X, -sX
    QStringList storageOpts;              // every --storage-opt value, in order
    std::optional<QString> dataRoot;      // --data-root / --graph / -g
    QString evidence;                     // the flag text exactly as found, for findings
};

// /etc/docker/daemon.json
struct DaemonJson
{
    bool valid = false;                   // false: see error
    ParseError error;                     // JSON syntax error with line and column
    std::optional<QString> storageDriver; // "storage-driver"
    QStringList storageOpts;              // "storage-opts"
    std::optional<QString> dataRoot;      // "data-root" (or the old "graph")
    QStringList keys;                     // every top-level key, for diagnostics
};
DaemonJson parseDaemonJson(QByteArrayView text);

// A ParseError at a byte offset of text (e.g. QJsonParseError::offset): 1-based line, and column counted
// in characters (UTF-8 sequences count once). Shared by the JSON parsers of src/core.
ParseError parseErrorAtOffset(QByteArrayView text, qsizetype offset, const QString &message);

// /etc/sysconfig/docker-storage: shell-style VAR=value assignments (quotes, comments, line continuations).
// Nothing is expanded or run. "VAR=a b" (unquoted spaces) is read as systemd's EnvironmentFile= reads it
// (value "a b") and reported in errors; a line that is not an assignment is reported and skipped.
struct DockerStorageSysconfig
{
    QHash<QString, QString> variables; // values unquoted
    StorageFlags flags;                // flags parsed from DOCKER_STORAGE_OPTIONS
    QList<ParseError> errors;          // e.g. an unterminated quote, naming the line
};
DockerStorageSysconfig parseDockerStorageSysconfig(QByteArrayView text);

// Splits a flag string into words the way sh would for simple quoting ('..', "..", backslash).
QStringList splitShellWords(const QString &text, QString *error = nullptr);

// Storage flags from a word list (argv without the program, or DOCKER_STORAGE_OPTIONS words).
StorageFlags parseStorageFlags(const QStringList &words);

// dockerd's command line: /proc/<pid>/cmdline (NUL-separated) ...
struct DockerdCommandLine
{
    QStringList argv;
    StorageFlags flags;
    QList<ParseError> errors;
};
DockerdCommandLine parseDockerdCmdline(QByteArrayView nulSeparated);
// ... or `systemctl show docker -p ExecStart` ("ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd
// -H fd:// $DOCKER_STORAGE_OPTIONS ; ignore_errors=no ; ... }"). Unexpanded $VARS are kept as words.
DockerdCommandLine parseSystemctlExecStart(QByteArrayView text);

} // namespace lw
