#include "sshlog.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <mutex>

namespace lw::ssh {

Q_LOGGING_CATEGORY(lcSsh, "layerwatch.ssh", QtInfoMsg) // debug (libssh protocol trace) on request

namespace {

void forwardLibsshLog(int priority, const char *function, const char *buffer, void *)
{
    // libssh's "warnings" include routine events (a refused "none" auth, a skipped file); our own code
    // reports what matters, so libssh's messages are debug output.
    Q_UNUSED(priority);
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
