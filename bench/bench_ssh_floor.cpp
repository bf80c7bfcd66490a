// What libssh itself costs the client per host, for bench_probe.sh's "libssh floor" row: per host one
// connection (key exchange, host key checked by libssh against the given known_hosts, public-key
// authentication), one channel running `true`, its exit status, and a disconnect - no Qt, no Layerwatch.
// Usage: bench_ssh_floor KNOWN_HOSTS IDENTITY WIDTH HOST...   (user root, port 22)
// Prints "hosts ok failed"; the caller measures the process's CPU.
#include <libssh/libssh.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

struct SessionFree
{
    void operator()(ssh_session s) const
    {
        ssh_disconnect(s);
        ssh_free(s);
    }
};
struct ChannelFree
{
    void operator()(ssh_channel c) const { ssh_channel_free(c); }
};
struct KeyFree
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};

bool probeOne(const std::string &host, const char *knownHosts, ssh_key identity)
{
    std::unique_ptr<ssh_session_struct, SessionFree> session(ssh_new());
    if (!session)
        return false;
    ssh_session s = session.get();
    const int no = 0;
    const long timeout = 30;
    ssh_options_set(s, SSH_OPTIONS_HOST, host.c_str());
    ssh_options_set(s, SSH_OPTIONS_USER, "root");
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts);
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    if (ssh_connect(s) != SSH_OK || ssh_session_is_known_server(s) != SSH_KNOWN_HOSTS_OK)
        return false;
    if (ssh_userauth_publickey(s, nullptr, identity) != SSH_AUTH_SUCCESS)
        return false;
    std::unique_ptr<ssh_channel_struct, ChannelFree> channel(ssh_channel_new(s));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), "true") != SSH_OK)
        return false;
    char buffer[4096];
    while (ssh_channel_read(channel.get(), buffer, sizeof buffer, 0) > 0) {
    }
    const int status = ssh_channel_get_exit_status(channel.get());
    ssh_channel_close(channel.get());
    return status == 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s KNOWN_HOSTS IDENTITY WIDTH HOST...\n", argv[0]);
        return 2;
    }
    const char *knownHosts = argv[1];
    const char *identityFile = argv[2];
    const int width = std::atoi(argv[3]);
    std::vector<std::string> hosts(argv + 4, argv + argc);
    ssh_init();
    std::atomic<size_t> next{0};
    std::atomic<int> ok{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < width; ++w) {
        workers.emplace_back([&] {
            ssh_key raw = nullptr; // each thread its own key, as each Layerwatch worker has
            if (ssh_pki_import_privkey_file(identityFile, nullptr, nullptr, nullptr, &raw) != SSH_OK)
                return;
            std::unique_ptr<ssh_key_struct, KeyFree> key(raw);
            for (size_t i; (i = next++) < hosts.size();)
                (probeOne(hosts[i], knownHosts, key.get()) ? ok : failed)++;
        });
    }
    for (std::thread &t : workers)
        t.join();
    ssh_finalize();
    std::printf("%zu %d %d\n", hosts.size(), ok.load(), failed.load());
    return failed.load() == 0 && ok.load() == int(hosts.size()) ? 0 : 1;
}
