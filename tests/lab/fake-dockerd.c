/* A stand-in for dockerd in a lab host: it only has to exist, be named "dockerd" (comm, for `pgrep -x`)
 * and carry dockerd's argv (set by the caller with `exec -a /usr/bin/dockerd`). It ignores its arguments
 * and sleeps until it is killed. */
#include <unistd.h>

int main(void)
{
    for (;;)
        pause();
}
