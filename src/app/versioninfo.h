#pragma once

#include <QString>

namespace lw {

// What --version prints: the program and its version, then the libssh and Qt in use (the libraries
// loaded at run time, and the versions built against when they differ), one a line.
QString versionText(const QString &program);

} // namespace lw
