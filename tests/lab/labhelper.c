/* Makes one lab host's files and mounts in a single process: forking mkdir/ln/mount(8) a dozen times per
 * host is what made a hundred hosts slow to start on two busy cores. Operations come from argv, in order:
 *   dir PATH                        mkdir -p PATH
 *   file PATH CONTENT               write CONTENT to PATH (created or truncated)
 *   link TARGET PATH                symlink
 *   bind SOURCE TARGET              bind mount
 *   mount TYPE SOURCE TARGET DATA   mount(2) with DATA as the options string
 *   fill PATH LEAVE                 create PATH holding all free space of its filesystem but LEAVE bytes
 *   hostname NAME                   sethostname (the host has its own UTS namespace)
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
