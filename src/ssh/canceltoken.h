#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace lw::ssh {

class CancelWait;

// How a caller stops SSH work that may be blocked in libssh (docs/threads.md). A cheap handle: copies share
// one flag. cancel() raises it and wakes, at once and in the cancelling thread, every wait registered with
// this token (CancelWait) - no other token's waits, and no thread of its own. A default-constructed token can
// never be cancelled and costs nothing (no allocation); make one that can with create().
class CancelToken
{
public:
    CancelToken() = default;
    [[nodiscard]] static CancelToken create();

    bool canBeCancelled() const noexcept { return m_state != nullptr; }
    bool isCancelled() const noexcept
    {
        return m_state && m_state->cancelled.load(std::memory_order_acquire);
    }
    // Any thread, any number of times. A no-op on a token that cannot be cancelled.
    void cancel() const;
    // The same flag (copies of one token).
    bool sharesFlagWith(const CancelToken &other) const noexcept { return m_state == other.m_state; }

private:
    friend class CancelWait;
    struct State
    {
        std::atomic<bool> cancelled{false};
        std::mutex mutex;                // guards waits
        std::vector<CancelWait *> waits; // registered now
    };
    std::shared_ptr<State> m_state;
};

// The tokens one piece of work answers to (a request's, its pool job's, ...), at most kCapacity distinct
// ones.
class CancelTokens
{
public:
    static constexpr int kCapacity = 4;
    CancelTokens() = default;
    CancelTokens(std::initializer_list<CancelToken> tokens)
    {
        for (const CancelToken &t : tokens)
            add(t);
    }
    // Ignores a token that cannot be cancelled or is here already.
    void add(const CancelToken &token);
    bool isCancelled() const noexcept
    {
        for (int i = 0; i < m_count; ++i) {
            if (m_tokens[size_t(i)].isCancelled())
                return true;
        }
        return false;
    }
    int size() const noexcept { return m_count; }
    const CancelToken &at(int i) const { return m_tokens[size_t(i)]; }

private:
    std::array<CancelToken, kCapacity> m_tokens;
    int m_count = 0;
};

// One blocking wait that a cancel must end, registered with tokens for the CancelWait's lifetime: cancel() of
// any of them calls wake(context) in the cancelling thread, under that token's lock, so wake may touch
// whatever the waiter keeps alive for as long as the CancelWait lives (e.g. an eventfd, a socket). wake must
// be quick and must not block. Register first, then check isCancelled(): a cancel between the two is then
// never lost (it either sees this wait or came before the check).
class CancelWait
{
public:
    using WakeFunction = void (*)(void *context);
    CancelWait(const CancelTokens &tokens, WakeFunction wake, void *context);
    ~CancelWait();
    CancelWait(const CancelWait &) = delete;
    CancelWait &operator=(const CancelWait &) = delete;

private:
    friend class CancelToken;
    CancelTokens m_tokens;
    WakeFunction m_wake;
    void *m_context;
};

} // namespace lw::ssh
