#pragma once

// A deleter for every libssh handle src/ssh holds (internal to src/ssh: it includes libssh).

#include <QString>

#include <libssh/libssh.h>

#include <memory>

namespace lw::ssh {

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
struct ChannelDeleter
{
    void operator()(ssh_channel c) const { ssh_channel_free(c); }
};
struct EventDeleter
{
    void operator()(ssh_event e) const { ssh_event_free(e); }
};
struct CharDeleter
{
    void operator()(char *p) const { ssh_string_free_char(p); }
};
struct HashDeleter
{
    void operator()(unsigned char *p) const { ssh_clean_pubkey_hash(&p); }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using EventPtr = std::unique_ptr<ssh_event_struct, EventDeleter>;
using LibsshString = std::unique_ptr<char, CharDeleter>;
using HashPtr = std::unique_ptr<unsigned char, HashDeleter>;

inline QString libsshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

} // namespace lw::ssh
