#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace lw {

// Text that came from a host (a mount point, a value in daemon.json, a command's message, a host name in a
// capture) as a terminal may print it and an operator may approve it: every character that a terminal
// would act on or that hides or reorders text is written visibly, so that it can neither clear the screen,
// rewrite earlier lines, nor split one line into two. Control characters become \n, \r, \t or \xNN (ESC:
// \x1b, DEL: \x7f, C1: \x9b ...); other invisible format characters and line separators (bidi overrides,
// zero-width, U+2028) \uNNNN or \UNNNNNNNN; a backslash \\, so that the result is unambiguous. Printable
// text, non-ASCII letters included, stays as it is. For display only: JSON and parameters keep the exact
// value.
QString escapeControlCharacters(QStringView text);

// The same, but a line feed stays a line break: for output that has lines of its own (a command's live
// output, a dry run's), where only what a terminal or a text view would act on must not pass raw.
QString escapeControlCharactersKeepingLines(QStringView text);

// The same for each string of a list.
QStringList escapeControlCharacters(const QStringList &texts);

} // namespace lw
