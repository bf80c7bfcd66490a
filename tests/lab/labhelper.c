/* Makes one lab host's files and mounts in a single process: forking mkdir/ln/mount(8) a dozen times per
 * host is what made a hundred hosts slow to start on two busy cores. Operations come from argv, in order:
 *   dir PATH                        mkdir -p PATH
 *   file PATH CONTENT               write CONTENT to PATH (created or truncated)
 *   link TARGET PATH                symlink
 *   bind SOURCE TARGET              bind mount
 *   mount TYPE SOURCE TARGET DATA   mount(2) with DATA as the options string
 *   fill PATH LEAVE                 create PATH holding all free space of its filesystem but LEAVE bytes
 *   hostname NAME                   sethostname (the host has its own UTS namespace)
 *   flatten                         detach every mount stacked directly on another one at the same mount
 *                                   point (inherited from the machine the lab runs on: they would read
 *                                   as shadowed mounts on every host)
 *   proc                            replace the inherited /proc by one of this PID namespace
 * Stops at the first failure with a message naming the operation (exit 1); usage errors exit 2. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

static int fail(const char *op, const char *path)
{
    fprintf(stderr, "labhelper: %s %s: %s\n", op, path, strerror(errno));
    return 1;
}

static int mkdir_p(char *path)
{
    for (char *p = path + 1;; ++p) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            int rc = mkdir(path, 0755);
            *p = c;
            if (rc != 0 && errno != EEXIST)
                return -1;
            if (c == '\0')
                return 0;
        }
    }
}

static int write_file(const char *path, const char *content)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t len = strlen(content);
    ssize_t n = write(fd, content, len);
    int rc = (n == (ssize_t)len) ? 0 : -1;
    if (close(fd) != 0)
        rc = -1;
    return rc;
}

static int fill(const char *path, long long leave)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = '\0';
    struct statvfs st;
    if (statvfs(dir, &st) != 0)
        return -1;
    long long size = (long long)st.f_bavail * (long long)st.f_frsize - leave;
    if (size <= 0)
        return 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    int rc = posix_fallocate(fd, 0, size);
    close(fd);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return 0;
}

/* One pass of "flatten": returns how many mounts were detached, -1 on error. */
static int flatten_once(void)
{
    FILE *f = fopen("/proc/self/mountinfo", "re");
    if (!f)
        return -1;
    enum { Max = 4096 };
    static int ids[Max], parents[Max];
    static char *points[Max];
    int n = 0;
    char line[8192];
    while (n < Max && fgets(line, sizeof line, f)) {
        char point[4096];
        if (sscanf(line, "%d %d %*s %*s %4095s", &ids[n], &parents[n], point) == 3)
            points[n++] = strdup(point);
    }
    fclose(f);
    int detached = 0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (ids[j] == parents[i] && ids[i] != ids[j] && strcmp(points[i], points[j]) == 0) {
                char path[4096];
                int k = 0;
                for (const char *p = points[i]; *p && k < (int)sizeof path - 1; ++p) {
                    if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && p[2] && p[3]) {
                        path[k++] = (char)((p[1] - '0') * 64 + (p[2] - '0') * 8 + (p[3] - '0'));
                        p += 3;
                    } else {
                        path[k++] = *p;
                    }
                }
                path[k] = '\0';
                if (umount2(path, MNT_DETACH) == 0)
                    ++detached;
                break;
            }
        }
    }
    for (int i = 0; i < n; ++i)
        free(points[i]);
    return detached;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc;) {
        const char *op = argv[i];
        int left = argc - i - 1;
        char **a = argv + i + 1;
        if (strcmp(op, "dir") == 0 && left >= 1) {
            if (mkdir_p(a[0]) != 0)
                return fail(op, a[0]);
            i += 2;
        } else if (strcmp(op, "file") == 0 && left >= 2) {
            if (write_file(a[0], a[1]) != 0)
                return fail(op, a[0]);
            i += 3;
        } else if (strcmp(op, "link") == 0 && left >= 2) {
            if (symlink(a[0], a[1]) != 0)
                return fail(op, a[1]);
            i += 3;
        } else if (strcmp(op, "bind") == 0 && left >= 2) {
            if (mount(a[0], a[1], NULL, MS_BIND, NULL) != 0)
                return fail(op, a[1]);
            i += 3;
        } else if (strcmp(op, "mount") == 0 && left >= 4) {
            if (mount(a[1], a[2], a[0], 0, a[3]) != 0)
                return fail(op, a[2]);
            i += 5;
        } else if (strcmp(op, "hostname") == 0 && left >= 1) {
            if (sethostname(a[0], strlen(a[0])) != 0)
                return fail(op, a[0]);
            i += 2;
        } else if (strcmp(op, "flatten") == 0) {
            int rounds = 0, rc;
            while ((rc = flatten_once()) > 0 && ++rounds < 16)
                ;
            if (rc < 0)
                return fail(op, "/proc/self/mountinfo");
            i += 1;
        } else if (strcmp(op, "proc") == 0) {
            if (umount2("/proc", MNT_DETACH) != 0)
                return fail("umount", "/proc");
            if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0)
                return fail(op, "/proc");
            i += 1;
        } else if (strcmp(op, "fill") == 0 && left >= 2) {
            if (fill(a[0], atoll(a[1])) != 0)
                return fail(op, a[0]);
            i += 3;
        } else {
            fprintf(stderr, "labhelper: bad operation or missing arguments at '%s'\n", op);
            return 2;
        }
    }
    return 0;
}
