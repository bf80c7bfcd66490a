#include "sshlog.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <mutex>

namespace lw::ssh {

Q_LOGGING_CATEGORY(lcSsh, "layerwatch.ssh", QtInfoMsg) // debug (libssh protocol trace) on request

namespace {

void forwardLibsshLog(int priority, const char *function, const char *buffer, void *)
{
    if (priority <= SSH_LOG_WARNING)
        qCWarning(lcSsh, "libssh %s: %s", function, buffer);
    else
        qCDebug(lcSsh, "libssh %s: %s", function, buffer);
}

} // namespace

void ensureLibsshReadyInThisThread()
{
    static std::once_flag initOnce;
    std::call_once(initOnce, [] { ssh_init(); });
    // libssh keeps the log callback and level per thread.
    thread_local bool installed = false;
    if (installed)
        return;
    installed = true;
    ssh_set_log_callback(forwardLibsshLog);
    ssh_set_log_level(lcSsh().isDebugEnabled() ? SSH_LOG_PROTOCOL : SSH_LOG_WARNING);
}

} // namespace lw::ssh
