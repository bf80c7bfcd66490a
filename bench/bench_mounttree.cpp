// Times parseMountInfo and MountTree::build on a generated 100,000-mount docker host. Prints figures;
// not a test. Usage: bench_mounttree [mounts] [runs]
#include "mounttree.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

namespace {

// Docker-like table: system mounts, then `count` overlays with 3-8 lower layers each (lines of the length
// a real host writes), a shm mount for every tenth container, and two covers in the seed's shape: a
// tmpfs on overlay2 after 40% of the containers and an ext4 on /var/lib/docker after 80%. Containers
// started after a cover are mounted inside it, as the kernel would do.
QByteArray generate(int count)
{
    QRandomGenerator rng(42);
    QByteArray text;
    text.reserve(qsizetype(count) * 520);
    text += "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/mapper/vg0-root rw,errors=remount-ro\n";
    struct SystemMount
    {
        const char *point;
        int parent;
    };
    const SystemMount system[] = {{"/sys", 22}, {"/proc", 22},    {"/dev", 22},      {"/dev/pts", 25},
                                  {"/run", 22}, {"/dev/shm", 25}, {"/run/lock", 27}, {"/boot", 22}};
    int id = 23;
    for (const SystemMount &m : system) {
        const QByteArray n = QByteArray::number(id++);
        text += n + " " + QByteArray::number(m.parent) + " 0:" + n + " / " + m.point +
                " rw,nosuid,nodev,relatime shared:" + n + " - tmpfs tmpfs rw,inode64\n";
    }
    int top = 22;    // the mount that holds /var/lib/docker/overlay2
    int docker = 22; // the mount that holds /var/lib/docker/containers
    const QByteArray o = "/var/lib/docker/overlay2/";
    for (int c = 0; c < count; ++c) {
        if (c == count * 4 / 10) {
            text += QByteArray::number(id) + " " + QByteArray::number(top) +
                    " 0:40 / /var/lib/docker/overlay2 rw,relatime shared:9000 - tmpfs tmpfs rw\n";
            top = id++;
        }
        if (c == count * 8 / 10) {
            text += QByteArray::number(id) + " 22 253:0 / /var/lib/docker rw,relatime shared:9001 - ext4 "
                                             "/dev/mapper/dm-root rw\n";
            top = docker = id++;
        }
        QByteArray layer = QByteArray::number(rng.generate64(), 16).rightJustified(16, '0');
        layer = layer + layer + layer + layer; // 64 hex digits like a real layer ID
        QByteArray lowers;
        const int layers = 3 + int(rng.bounded(6));
        for (int l = 0; l < layers; ++l) {
            if (l)
                lowers += ':';
            lowers += o + "l/" + QByteArray::number(rng.generate64(), 36).toUpper().leftJustified(26, 'Q');
        }
        text += QByteArray::number(id++) + " " + QByteArray::number(top) +
                " 0:" + QByteArray::number(100 + c) + " / " + o + layer +
                "/merged rw,relatime shared:" + QByteArray::number(100 + c) +
                " - overlay overlay rw,lowerdir=" + lowers + ",upperdir=" + o + layer + "/diff,workdir=" + o +
                layer + "/work,nouserxattr\n";
        if (c % 10 == 0)
            text += QByteArray::number(id++) + " " + QByteArray::number(docker) +
                    " 0:" + QByteArray::number(200000 + c) + " / /var/lib/docker/containers/" + layer +
                    "/mounts/shm rw,nosuid,nodev,noexec,relatime - tmpfs shm rw,size=65536k\n";
    }
    return text;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int overlays = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 7;
    const QByteArray text = generate(overlays);

    QList<double> parseMs, buildMs;
    int mounts = 0, hidden = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        lw::MountInfo info = lw::parseMountInfo(text);
        parseMs << timer.nsecsElapsed() / 1e6;
        mounts = int(info.mounts.size());
        if (!info.errors.isEmpty()) {
            std::fprintf(stderr, "generated text has %d parse errors\n", int(info.errors.size()));
            return 1;
        }
        timer.restart();
        const lw::MountTree tree = lw::MountTree::build(std::move(info.mounts));
        buildMs << timer.nsecsElapsed() / 1e6;
        hidden = int(tree.hiddenMounts().size());
    }
    const double p = median(parseMs), b = median(buildMs);
    std::printf("bench_mounttree: %d mounts (%d overlays, 2 covers), %.1f MB of mountinfo, %d runs\n", mounts,
                overlays, text.size() / 1e6, runs);
    std::printf("  parse: median %8.1f ms  min %8.1f ms  %10.0f mounts/s  %6.1f MB/s\n", p,
                *std::min_element(parseMs.begin(), parseMs.end()), mounts / (p / 1000),
                text.size() / 1e6 / (p / 1000));
    std::printf("  build: median %8.1f ms  min %8.1f ms  %10.0f mounts/s  (%d hidden)\n", b,
                *std::min_element(buildMs.begin(), buildMs.end()), mounts / (b / 1000), hidden);
    std::printf("  total: median %8.1f ms\n", p + b);
    return 0;
}
