#include "canceltoken.h"

#include <QtGlobal>

#include <algorithm>

namespace lw::ssh {

CancelToken CancelToken::create()
{
    CancelToken token;
    token.m_state = std::make_shared<State>();
    return token;
}

void CancelToken::cancel() const
{
    if (!m_state)
        return;
    // Raised before the lock: a wait registering after this section sees the flag in its own check.
    m_state->cancelled.store(true, std::memory_order_release);
    std::lock_guard lock(m_state->mutex);
    for (CancelWait *wait : m_state->waits)
        wait->m_wake(wait->m_context);
}

void CancelTokens::add(const CancelToken &token)
{
    if (!token.canBeCancelled())
        return;
    for (int i = 0; i < m_count; ++i) {
        if (m_tokens[size_t(i)].sharesFlagWith(token))
            return;
    }
    Q_ASSERT(m_count < kCapacity);
    if (m_count < kCapacity)
        m_tokens[size_t(m_count++)] = token;
}

CancelWait::CancelWait(const CancelTokens &tokens, WakeFunction wake, void *context)
    : m_tokens(tokens), m_wake(wake), m_context(context)
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        CancelToken::State &state = *m_tokens.at(i).m_state;
        std::lock_guard lock(state.mutex);
        state.waits.push_back(this);
    }
}

CancelWait::~CancelWait()
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        CancelToken::State &state = *m_tokens.at(i).m_state;
        std::lock_guard lock(state.mutex);
        state.waits.erase(std::remove(state.waits.begin(), state.waits.end(), this), state.waits.end());
    }
}

} // namespace lw::ssh
