#pragma once

#include <QLoggingCategory>

namespace lw::ssh {

Q_DECLARE_LOGGING_CATEGORY(lcSsh)

// ssh_init() once per process, and libssh's (thread-local) log callback forwarded into lcSsh for the
// calling thread. Cheap after the first call in a thread.
void ensureLibsshReadyInThisThread();

} // namespace lw::ssh
