/* The lab's `docker` and `systemctl` for the calls the probe bundle makes on every host of every sweep:
 *   docker info --format '{{json .}}'           (also -f, --format=, repeated: the last one counts)
 *   docker ps -aq --no-trunc
 *   docker container inspect --format '{"Id":{{json .Id}},...' ID...   (the bundle's container template)
 *   docker image ls -aq --no-trunc, docker image inspect --format '{"ImageId":{{json .Id}},...' ID...
 *   systemctl show docker -p PROP... [--no-pager] [--value] [-q]   (any PROP but MainPID; not the default
 * set) Installed as LABDIR/bin/docker and LABDIR/bin/systemctl (argv[0]'s base name decides which), beside
 * the bash fakes LABDIR/bin/docker.sh and systemctl.sh (fake-docker.sh, fake-systemctl.sh). Bash costs 15-25
 * ms of CPU per call on two busy cores, which made a 100-host benchmark measure the lab's fakes.
 *
 * For these calls the output, the exit code and the calls.log line are byte for byte those of the bash
 * fake (the log line quotes each argument like bash's printf %q). Everything else - other commands,
 * arguments outside printable ASCII, a state file that is missing or not a regular file, state/hang set
 * (the script then sleeps in a `sleep` process, which the tests look for), state/stderr-flood set (it writes
 * that many MiB to stderr first) - is decided before anything is logged and handed to the bash fake with
 * execv() and the same argv, so it behaves exactly as before. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A growing byte buffer; the program is short-lived, so allocation failure just ends it. */
struct buf
{
    char *data;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            fputs("lab fake: out of memory\n", stderr);
            exit(1);
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* Reads a whole file; -1 if it cannot be opened or read. */
static int read_file(const char *path, struct buf *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char chunk[8192];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            close(fd);
            return -1;
        }
        if (n == 0)
            break;
        buf_add(out, chunk, (size_t)n);
    }
    close(fd);
    if (!out->data)
        buf_add(out, "", 0);
    return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

// The host directory, found like the bash fakes do:
//   [[ " ${pid1[*]} " =~ \ (/[^ ]*/hosts/[^/ ]+)[/\ ] ]]
// over PID 1's arguments (CMDLINE: /proc/1/cmdline) joined by blanks (sshd -f LABDIR/hosts/ADDR/sshd_config,
// or host-init.sh LABDIR/hosts/ADDR). POSIX regexec takes the leftmost match, and of those the longest; the
// group is the whole match but its first and last character. Returns a malloc'd string or NULL.
static char *find_lab_host(const char *cmdline)
{
    struct buf raw = {0};
    if (read_file(cmdline, &raw) != 0)
        return NULL;
    /* mapfile -d '': NUL-terminated elements, and a last unterminated one if not empty */
    struct buf joined = {0};
    buf_str(&joined, " ");
    size_t start = 0;
    int first = 1;
    for (size_t i = 0; i <= raw.len; ++i) {
        if (i < raw.len && raw.data[i] != '\0')
            continue;
        if (i == raw.len && i == start)
            break;
        if (!first)
            buf_str(&joined, " ");
        buf_add(&joined, raw.data + start, i - start);
        first = 0;
        start = i + 1;
    }
    buf_str(&joined, " ");
    free(raw.data);

    const char *s = joined.data;
    char *host = NULL;
    for (size_t i = 0; i + 1 < joined.len && !host; ++i) {
        if (s[i] != ' ' || s[i + 1] != '/')
            continue;
        /* the word after this blank: everything up to the next blank */
        const char *word = s + i + 1;
        size_t wlen = strcspn(word, " ");
        size_t best = 0;
        for (size_t p = 1; p + 7 < wlen; ++p) {
            if (memcmp(word + p, "/hosts/", 7) != 0)
                continue;
            size_t name = strcspn(word + p + 7, "/ ");
            if (name > 0 && p + 7 + name > best)
                best = p + 7 + name;
        }
        if (best > 0)
            host = strndup(word, best);
    }
    free(joined.data);
    return host;
}

/* bash's printf %q of a string of printable ASCII (sh_backslash_quote with flags 3; the empty string is
 * ''). Returns 0 if the string holds anything else: bash would quote it as $'...', which is left to bash. */
static int quote_arg(struct buf *out, const char *arg)
{
    if (*arg == '\0') {
        buf_str(out, "''");
        return 1;
    }
    for (const char *c = arg; *c; ++c) {
        if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7e)
            return 0;
    }
    for (const char *c = arg; *c; ++c) {
        int esc = strchr(" !\"$&'()*,;<>?[\\]^`{|}", *c) != NULL;
        if (*c == '#' && c == arg)
            esc = 1;
        if (*c == '~' && (c == arg || c[-1] == ':' || c[-1] == '='))
            esc = 1;
        if (esc)
            buf_str(out, "\\");
        buf_add(out, c, 1);
    }
    return 1;
}

/* `$(cat FILE)`: the content without its trailing newlines; -1 if unreadable or holding a NUL (bash
 * would warn about it). */
static int read_subst(const char *path, struct buf *out)
{
    if (!is_regular(path) || read_file(path, out) != 0 || memchr(out->data, '\0', out->len))
        return -1;
    while (out->len > 0 && out->data[out->len - 1] == '\n')
        out->data[--out->len] = '\0';
    return 0;
}

static char *path_join(const char *dir, const char *name)
{
    char *p;
    if (asprintf(&p, "%s/%s", dir, name) < 0) {
        fputs("lab fake: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* What every docker call of the script does first: read state/root, sleep if state/hang says so, fail when
 * the daemon is down. Returns 0 (go on), 1 (the daemon is down: its message is in err) or -1 (the script
 * takes the call). */
static int docker_preamble(const char *state, struct buf *err)
{
    char *root = path_join(state, "root");
    char *hang = path_join(state, "hang");
    char *flood = path_join(state, "stderr-flood");
    char *docker = path_join(state, "docker");
    struct stat st;
    struct buf active = {0};
    int rc = -1;
    if (!is_regular(root)) /* `read root <state/root` would complain, or block on a FIFO */
        goto out;
    if (stat(hang, &st) == 0 ? st.st_size > 0 || !S_ISREG(st.st_mode) : errno != ENOENT)
        goto out; /* the script sleeps first, in a visible `sleep SECONDS` */
    if (stat(flood, &st) == 0 ? st.st_size > 0 || !S_ISREG(st.st_mode) : errno != ENOENT)
        goto out; /* the script floods stderr first */
    if (read_subst(docker, &active) != 0)
        goto out;
    if (strcmp(active.data, "active") != 0) {
        buf_str(err,
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon "
                "running?\n");
        rc = 1;
    } else {
        rc = 0;
    }
out:
    free(active.data);
    free(root);
    free(hang);
    free(flood);
    free(docker);
    return rc;
}

/* docker info --format '{{json .}}': the recorded JSON, or the script's error when the daemon is down.
 * Returns the exit code, or -1 when this call is not one of those (the script takes it). */
static int docker_info(int argc, char **argv, const char *state, struct buf *answer, struct buf *err)
{
    if (argc < 2 || strcmp(argv[1], "info") != 0)
        return -1;
    const char *format = "";
    for (int i = 2; i < argc; ++i) {
        if (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "--format") == 0)
            format = i + 1 < argc ? argv[++i] : "";
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else
            return -1; /* "unknown flag" */
    }
    if (strcmp(format, "{{json .}}") != 0)
        return -1;
    int rc = docker_preamble(state, err);
    if (rc != 0)
        return rc;
    char *json = path_join(state, "info.json");
    rc = is_regular(json) && read_file(json, answer) == 0 ? 0 : -1;
    free(json);
    return rc;
}

/* state/containers: "cid TAB mid TAB name TAB status" lines, each ended by a newline; fields hold no
 * control characters. Returns the number of lines, or -1 if the file is anything else (the script takes it). */
struct container
{
    char *cid, *mid, *name, *status;
};
static int read_containers(const char *state, struct buf *raw, struct container *out, int max)
{
    char *path = path_join(state, "containers");
    int ok = is_regular(path) && read_file(path, raw) == 0;
    free(path);
    if (!ok || (raw->len > 0 && raw->data[raw->len - 1] != '\n'))
        return -1;
    int n = 0;
    for (char *line = raw->data; *line; ) {
        char *end = strchr(line, '\n');
        *end = '\0';
        char *f[4];
        int k = 0;
        for (char *p = line; k < 4; ++k) {
            f[k] = p;
            p = strchr(p, '\t');
            if (!p)
                break;
            *p++ = '\0';
        }
        if (k != 3 || n >= max)
            return -1; /* not four fields */
        for (int j = 0; j < 4; ++j) {
            for (const char *c = f[j]; *c; ++c) {
                if ((unsigned char)*c < 0x20 || *c == '"' || *c == '\\')
                    return -1;
            }
        }
        out[n++] = (struct container){f[0], f[1], f[2], f[3]};
        line = end + 1;
    }
    return n;
}

/* state/images (id TAB upper TAB lower, one line) and state/root's first line, both free of control
 * characters, quotes and backslashes; the root JSON-escaped into root. 0, or -1 (the script answers). */
static int read_image_and_root(const char *state, struct buf *raw, char **id, char **upper, char **lower,
                               struct buf *root)
{
    char *path = path_join(state, "images");
    int ok = is_regular(path) && read_file(path, raw) == 0;
    free(path);
    if (!ok || raw->len == 0 || raw->data[raw->len - 1] != '\n' || strchr(raw->data, '\n') != raw->data + raw->len - 1)
        return -1;
    raw->data[raw->len - 1] = '\0';
    char *f[3];
    char *p = raw->data;
    for (int k = 0; k < 3; ++k) {
        f[k] = p;
        p = strchr(p, '\t');
        if ((k < 2) != (p != NULL))
            return -1;
        if (p)
            *p++ = '\0';
    }
    for (int k = 0; k < 3; ++k) {
        for (const char *c = f[k]; *c; ++c) {
            if ((unsigned char)*c < 0x20 || *c == '"' || *c == '\\')
                return -1;
        }
    }
    *id = f[0];
    *upper = f[1];
    *lower = f[2];
    struct buf r = {0};
    char *rootPath = path_join(state, "root");
    ok = read_file(rootPath, &r) == 0;
    free(rootPath);
    if (!ok)
        return -1;
    r.len = strcspn(r.data, "\n");
    r.data[r.len] = '\0';
    for (const char *c = r.data; *c; ++c) {
        if ((unsigned char)*c < 0x20) {
            free(r.data);
            return -1;
        }
        if (*c == '\\' || *c == '"')
            buf_str(root, "\\");
        buf_add(root, c, 1);
    }
    if (!root->data)
        buf_add(root, "", 0);
    free(r.data);
    return 0;
}

static void layer_path(struct buf *out, const struct buf *root, const char *layer, const char *leaf)
{
    buf_str(out, root->data);
    buf_str(out, "/overlay2/");
    buf_str(out, layer);
    buf_str(out, leaf);
}

/* GraphDriver.Data as docker prints it: LowerDir (if lower), MergedDir, UpperDir, WorkDir of layer. */
static void graph_json(struct buf *out, const struct buf *root, const char *layer, const char *lower1,
                       const char *lower2, const char *lower3)
{
    buf_str(out, "{\"LowerDir\":\"");
    const char *lowers[] = {lower1, lower2, lower3};
    int first = 1;
    for (int i = 0; i < 3; ++i) {
        if (!lowers[i])
            continue;
        if (!first)
            buf_str(out, ":");
        layer_path(out, root, lowers[i], "/diff");
        first = 0;
    }
    buf_str(out, "\",\"MergedDir\":\"");
    layer_path(out, root, layer, "/merged");
    buf_str(out, "\",\"UpperDir\":\"");
    layer_path(out, root, layer, "/diff");
    buf_str(out, "\",\"WorkDir\":\"");
    layer_path(out, root, layer, "/work");
    buf_str(out, "\"}");
}

/* docker image ls -aq --no-trunc, and docker image inspect --format <the bundle's image template> ID...: the
 * recorded image (state/images). */
static int docker_image(int argc, char **argv, const char *state, struct buf *answer, struct buf *err)
{
    const int ls = argc == 5 && strcmp(argv[1], "image") == 0 && strcmp(argv[2], "ls") == 0 &&
                   strcmp(argv[3], "-aq") == 0 && strcmp(argv[4], "--no-trunc") == 0;
    const int inspect = argc >= 6 && strcmp(argv[1], "image") == 0 && strcmp(argv[2], "inspect") == 0 &&
                        strcmp(argv[3], "--format") == 0 && strncmp(argv[4], "{\"ImageId\":{{json .Id}},", 24) == 0;
    if (!ls && !inspect)
        return -1;
    int rc = docker_preamble(state, err);
    if (rc != 0)
        return rc;
    struct buf raw = {0}, root = {0};
    char *id, *upper, *lower;
    rc = -1;
    if (read_image_and_root(state, &raw, &id, &upper, &lower, &root) != 0)
        goto out;
    if (ls) {
        buf_str(answer, "sha256:");
        buf_str(answer, id);
        buf_str(answer, "\n");
        rc = 0;
        goto out;
    }
    for (int a = 5; a < argc; ++a) {
        const char *want = argv[a];
        const size_t n = strlen(want);
        const int match = n > 0 && ((strncmp(want, "sha256:", 7) == 0 && strncmp(want + 7, id, n - 7) == 0 && n - 7 <= strlen(id)) ||
                                    (strncmp(id, want, n) == 0));
        if (!match)
            goto out; /* "No such image": the script says it */
        buf_str(answer, "{\"ImageId\":\"sha256:");
        buf_str(answer, id);
        buf_str(answer, "\",\"Graph\":");
        graph_json(answer, &root, upper, lower, NULL, NULL);
        buf_str(answer, "}\n");
    }
    rc = 0;
out:
    free(raw.data);
    free(root.data);
    return rc;
}

/* docker ps -aq --no-trunc: every container's full ID, one a line. */
static int docker_ps(int argc, char **argv, const char *state, struct buf *answer, struct buf *err)
{
    if (argc != 4 || strcmp(argv[1], "ps") != 0 || strcmp(argv[2], "-aq") != 0 ||
        strcmp(argv[3], "--no-trunc") != 0)
        return -1;
    int rc = docker_preamble(state, err);
    if (rc != 0)
        return rc;
    struct buf raw = {0};
    struct container c[64];
    int n = read_containers(state, &raw, c, 64);
    for (int i = 0; i < n; ++i) {
        buf_str(answer, c[i].cid);
        buf_str(answer, "\n");
    }
    free(raw.data);
    return n < 0 ? -1 : 0;
}

/* docker container inspect --format <the bundle's template> ID...: one JSON object a container. IDs must name
 * exactly one container by a prefix of its ID or by its name (else the script answers). */
static int docker_inspect(int argc, char **argv, const char *state, struct buf *answer, struct buf *err)
{
    if (argc < 6 || strcmp(argv[1], "container") != 0 || strcmp(argv[2], "inspect") != 0 ||
        strcmp(argv[3], "--format") != 0 || strncmp(argv[4], "{\"Id\":{{json .Id}},", 19) != 0)
        return -1;
    int rc = docker_preamble(state, err);
    if (rc != 0)
        return rc;
    struct buf raw = {0}, imageRaw = {0}, root = {0};
    struct container c[64];
    char *id, *upper, *lower;
    rc = -1;
    int n = read_containers(state, &raw, c, 64);
    if (n < 0 || read_image_and_root(state, &imageRaw, &id, &upper, &lower, &root) != 0)
        goto out;
    for (int a = 5; a < argc; ++a) {
        int found = -1, matches = 0;
        for (int i = 0; i < n; ++i) {
            if ((argv[a][0] && strncmp(c[i].cid, argv[a], strlen(argv[a])) == 0) || strcmp(c[i].name, argv[a]) == 0) {
                found = i;
                ++matches;
            }
        }
        if (matches != 1)
            goto out;
        const struct container *x = &c[found];
        char *init;
        if (asprintf(&init, "%s-init", x->mid) < 0)
            goto out;
        buf_str(answer, "{\"Id\":\"");
        buf_str(answer, x->cid);
        buf_str(answer, "\",\"Name\":\"/");
        buf_str(answer, x->name);
        buf_str(answer, "\",\"State\":\"");
        buf_str(answer, x->status);
        buf_str(answer, "\",\"Running\":");
        buf_str(answer, strcmp(x->status, "running") == 0 ? "true" : "false");
        buf_str(answer, ",\"Paused\":false,\"RestartPolicy\":\"no\",\"AutoRemove\":false,\"Image\":\"lab/app\","
                        "\"Driver\":\"overlay2\",\"Graph\":");
        graph_json(answer, &root, x->mid, init, upper, lower);
        buf_str(answer, ",\"MountSources\":[]}\n");
        free(init);
    }
    rc = 0;
out:
    free(raw.data);
    free(imageRaw.data);
    free(root.data);
    return rc;
}

/* systemctl show docker -p PROP...: one PROP=VALUE line (or VALUE with --value) per property, in order.
 * Returns the exit code, or -1 when this call is not one of those (the script takes it). */
static int systemctl_show(int argc, char **argv, const char *state, struct buf *answer)
{
    if (argc < 2 || strcmp(argv[1], "show") != 0)
        return -1;
    const char **props = calloc((size_t)argc, sizeof *props);
    int nprops = 0, nunits = 0, value = 0, rc = -1;
    struct buf active = {0};
    if (!props)
        return -1;
    for (int i = 2; i < argc; ++i) {
        const char *a = argv[i];
        if (strcmp(a, "-p") == 0 || strcmp(a, "--property") == 0)
            props[nprops++] = i + 1 < argc ? argv[++i] : "";
        else if (strncmp(a, "--property=", 11) == 0)
            props[nprops++] = a + 11;
        else if (strcmp(a, "--value") == 0)
            value = 1;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0 || strcmp(a, "--no-pager") == 0 ||
                 strcmp(a, "--no-ask-password") == 0)
            continue;
        else if (a[0] == '-')
            goto out; /* unrecognized option */
        else if (strcmp(a, "docker") == 0 || strcmp(a, "docker.service") == 0)
            ++nunits;
        else
            goto out; /* "Unit X.service could not be found." */
    }
    if (nunits == 0 || nprops == 0) /* "Too few arguments."; the default set has MainPID */
        goto out;
    for (int i = 0; i < nprops; ++i) {
        if (strcmp(props[i], "MainPID") == 0) /* pgrep */
            goto out;
    }
    char *docker = path_join(state, "docker");
    int readable = read_subst(docker, &active);
    free(docker);
    if (readable != 0)
        goto out;
    for (int i = 0; i < nprops; ++i) {
        const char *v = "";
        if (strcmp(props[i], "Id") == 0)
            v = "docker.service";
        else if (strcmp(props[i], "ActiveState") == 0)
            v = active.data;
        else if (strcmp(props[i], "ExecStart") == 0)
            v = "{ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd:// "
                "--containerd=/run/containerd/containerd.sock $DOCKER_STORAGE_OPTIONS ; ignore_errors=no ; "
                "start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }";
        else if (strcmp(props[i], "EnvironmentFiles") == 0)
            v = "/etc/sysconfig/docker-storage (ignore_errors=yes)";
        else if (strcmp(props[i], "RequiresMountsFor") == 0)
            v = "/var/lib/docker";
        else if (strcmp(props[i], "After") == 0)
            v = "network-online.target docker.socket firewalld.service containerd.service time-set.target "
                "var-lib-docker.mount";
        if (!value) {
            buf_str(answer, props[i]);
            buf_str(answer, "=");
        }
        buf_str(answer, v);
        buf_str(answer, "\n");
    }
    rc = 0;
out:
    free(active.data);
    free(props);
    return rc;
}

int main(int argc, char **argv)
{
    const char *name = argc > 0 ? argv[0] : "";
    if (strrchr(name, '/'))
        name = strrchr(name, '/') + 1;
    int is_docker = strcmp(name, "docker") == 0;
    if (!is_docker && strcmp(name, "systemctl") != 0) {
        fprintf(stderr, "lab fake %s: run me as docker or systemctl\n", name);
        return 127;
    }
    char *host = find_lab_host("/proc/1/cmdline");
    if (!host) {
        fprintf(stderr, "lab fake %s: not inside a lab host\n", name);
        return 127;
    }
    char *state = path_join(host, "state");
    struct buf answer = {0}, err = {0}, line = {0};
    int rc = -1;
    if (is_docker) {
        rc = docker_info(argc, argv, state, &answer, &err);
        if (rc < 0)
            rc = docker_ps(argc, argv, state, &answer, &err);
        if (rc < 0)
            rc = docker_inspect(argc, argv, state, &answer, &err);
        if (rc < 0)
            rc = docker_image(argc, argv, state, &answer, &err);
    } else {
        rc = systemctl_show(argc, argv, state, &answer);
    }
    buf_str(&line, name);
    for (int i = 1; rc >= 0 && i < argc; ++i) {
        buf_str(&line, " ");
        if (!quote_arg(&line, argv[i]))
            rc = -1;
    }
    buf_str(&line, "\n");
    int log = -1;
    if (rc >= 0) {
        char *calls = path_join(host, "calls.log");
        log = open(calls, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
        free(calls);
    }
    if (log < 0) {
        /* LABDIR/bin/NAME.sh (LABDIR: LAB_HOST up to its last /hosts/), with the same argv */
        char *hosts = host;
        for (char *p = strstr(host, "/hosts/"); p; p = strstr(p + 1, "/hosts/"))
            hosts = p;
        *hosts = '\0';
        char *script;
        if (asprintf(&script, "%s/bin/%s.sh", host, name) < 0)
            return 127;
        execv(script, argv);
        fprintf(stderr, "lab fake %s: cannot run %s: %s\n", name, script, strerror(errno));
        return 127;
    }
    /* one write per line: lines of parallel calls never interleave */
    write_all(log, line.data, line.len);
    close(log);
    if (err.len > 0)
        write_all(2, err.data, err.len);
    if (answer.len > 0 && write_all(1, answer.data, answer.len) != 0 && is_docker) {
        fprintf(stderr, "cat: write error: %s\n", strerror(errno)); /* like the script's cat */
        return 1;
    }
    return rc;
}
