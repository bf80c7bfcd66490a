#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <optional>

namespace lw {

// `uname -r`, e.g. "5.10.0-21-amd64", "3.10.0-1160.el7.x86_64", "4.19.90-2102.2.0.0062.oe1.aarch64".
struct KernelRelease
{
    bool valid = false;
    QString text;
    int major = 0;
    int minor = 0;
    int patch = 0;
    int distroBuild = 0;  // the first number after '-' (514 in 3.10.0-514.el7), 0 if none
    bool isRhel7 = false; // an .el7 kernel (RHEL/CentOS 7), where 3.10.0-514+ supports overlay2

    bool isAtLeast(int maj, int min, int pat = 0) const;
    // overlay2 is supported: native >= 4.0, or RHEL/CentOS 7 3.10.0-514 and later.
    bool supportsOverlay2() const;
};
KernelRelease parseKernelRelease(QByteArrayView text);

enum class KernelOption { Unset, Module, BuiltIn };

// Kernel config text (/proc/config.gz decompressed, or /boot/config-<release>).
struct KernelConfig
{
    QHash<QString, QString> values; // CONFIG_X -> "y", "m", "\"text\"", ...; "is not set" entries absent
    KernelOption option(const QString &name) const; // Unset if absent or "n"
    int lineCount = 0;                              // non-blank lines read
};
KernelConfig parseKernelConfig(QByteArrayView text);

// /sys/module/overlay/parameters/*, captured as "name=value" lines (e.g. "redirect_dir=Y").
struct OverlayParams
{
    QHash<QString, QString> values;                      // raw values
    std::optional<bool> flag(const QString &name) const; // Y/N/1/0/on/off; nullopt if absent/other
    QList<ParseError> errors;
};
OverlayParams parseOverlayParams(QByteArrayView text);

} // namespace lw
