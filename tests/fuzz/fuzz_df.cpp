// libFuzzer target: parseDf and filesystemOf must neither crash nor hang on any input.
#include "diskusage.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const lw::DiskUsageTable table =
        lw::parseDf(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const lw::DiskUsage &row : table.rows) {
        (void)table.filesystemOf(row.mountPoint);
        (void)row.usedRatio();
    }
    for (const lw::ParseError &err : table.errors) {
        if (err.message.isEmpty())
            abort();
    }
    (void)table.filesystemOf(QStringLiteral("/var/lib/docker/overlay2"));
    return 0;
}
