// What libssh itself costs the client per host, for bench_probe.sh's "libssh" rows: per host one
// connection (key exchange, host key checked by libssh against the given known_hosts, public-key
// authentication), one channel running `true`, its exit status, and a disconnect - no Qt, no Layerwatch.
// With --bundle FILE the channel runs `sh -s -- MARKER 0` with FILE on stdin instead (the probe bundle, as
// parallel-ssh runs it) and reads stdout and stderr to the end: what the same exchange costs libssh alone,
// without parsing, analysis or a report.
// Usage: bench_ssh_floor [--bundle FILE] KNOWN_HOSTS IDENTITY WIDTH HOST...   (user root, port 22)
// Prints "hosts ok failed"; the caller measures the process's CPU.
#include <libssh/libssh.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

constexpr char kMarker[] = "0123456789abcdef0123456789abcdef";

// The bundle's whole reply on one channel: stdin sent and closed, both streams read until EOF.
bool runBundle(ssh_channel channel, const std::string &script)
{
    const std::string command = std::string("sh -s -- ") + kMarker + " 0";
    if (ssh_channel_request_exec(channel, command.c_str()) != SSH_OK)
        return false;
    for (size_t sent = 0; sent < script.size();) {
        const int n = ssh_channel_write(channel, script.data() + sent, uint32_t(script.size() - sent));
        if (n <= 0)
            return false;
        sent += size_t(n);
    }
    ssh_channel_send_eof(channel);
    std::string out;
    char buffer[65536];
    while (!ssh_channel_is_eof(channel)) {
        // both streams, blocking on stdout only once stderr has nothing waiting
        // SSH_EOF from either read is the normal end (the remote's EOF came), not a failure
        const int err = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 1);
        const int n = ssh_channel_read(channel, buffer, sizeof buffer, 0);
        if (n == SSH_ERROR || err == SSH_ERROR)
            return false;
        if (n > 0)
            out.append(buffer, size_t(n));
    }
    return out.find(std::string(kMarker) + " DONE\n") != std::string::npos;
}

bool probeOne(const std::string &host, const char *knownHosts, ssh_key identity, const std::string *script)
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
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return false;
    if (script) {
        const bool done = runBundle(channel.get(), *script);
        ssh_channel_close(channel.get());
        return done;
    }
    if (ssh_channel_request_exec(channel.get(), "true") != SSH_OK)
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
    std::string script;
    const bool bundle = argc > 2 && std::strcmp(argv[1], "--bundle") == 0;
    if (bundle) {
        FILE *file = std::fopen(argv[2], "rb");
        if (!file) {
            std::perror(argv[2]);
            return 2;
        }
        char chunk[65536];
        for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;)
            script.append(chunk, n);
        std::fclose(file);
        argc -= 2;
        argv += 2;
    }
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s [--bundle FILE] KNOWN_HOSTS IDENTITY WIDTH HOST...\n", argv[0]);
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
                (probeOne(hosts[i], knownHosts, key.get(), bundle ? &script : nullptr) ? ok : failed)++;
        });
    }
    for (std::thread &t : workers)
        t.join();
    ssh_finalize();
    std::printf("%zu %d %d\n", hosts.size(), ok.load(), failed.load());
    return failed.load() == 0 && ok.load() == int(hosts.size()) ? 0 : 1;
}
