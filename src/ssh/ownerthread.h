#pragma once

#include <QtGlobal>

#include <thread>

namespace lw::ssh {

// The thread an object was made in, for asserting the rule of a single-threaded class (libssh's: a session
// is used by one thread for its whole life; docs/threads.md).
class OwnerThread
{
public:
    bool isCurrent() const noexcept { return std::this_thread::get_id() == m_id; }

private:
    std::thread::id m_id = std::this_thread::get_id();
};

} // namespace lw::ssh

#define LW_ASSERT_OWNER_THREAD(owner)                                                                        \
    Q_ASSERT_X((owner).isCurrent(), Q_FUNC_INFO, "called from another thread than the one that owns it")
