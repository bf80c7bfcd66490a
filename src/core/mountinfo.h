#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// One line of /proc/<pid>/mountinfo (see proc(5)), every field decoded.
struct MountEntry
{
    int id = -1;
    int parentId = -1;
    quint32 major = 0;
    quint32 minor = 0;
    QString root;               // field 4, octal escapes decoded
    QString mountPoint;         // field 5, octal escapes decoded
    QString mountOptions;       // field 6, per-mount options
    QStringList optionalFields; // e.g. "shared:1", "master:2", "propagate_from:3", "unbindable"
    QString fsType;             // first field after " - "
    QString source;             // decoded; "none" etc. kept as given
    QString superOptions;       // decoded
    int line = 0;               // 1-based line number in the input
    QString rawLine;            // the line exactly as read (undecoded), for evidence
    // The decoded bytes of the root, the mount point and the source where they are not valid UTF-8 (the
    // QStrings above then hold replacement characters); empty otherwise. Paths sent to the host, df's rows
    // and every comparison of paths (MountTree) use the bytes: rootPath(), mountPointPath(), sourceBytes().
    // The QStrings are for display only: two different names can show the same there.
    QByteArray invalidUtf8Root;
    QByteArray invalidUtf8MountPoint;
    QByteArray invalidUtf8Source;

    bool isOverlay() const { return fsType == QLatin1String("overlay"); }
    QByteArray rootPath() const { return invalidUtf8Root.isEmpty() ? root.toUtf8() : invalidUtf8Root; }
    QByteArray mountPointPath() const
    {
        return invalidUtf8MountPoint.isEmpty() ? mountPoint.toUtf8() : invalidUtf8MountPoint;
    }
    QByteArray sourceBytes() const
    {
        return invalidUtf8Source.isEmpty() ? source.toUtf8() : invalidUtf8Source;
    }
};

struct OverlayOptions
{
    QStringList lowerDirs;
    QString upperDir;
    QString workDir;
};

struct MountInfo
{
    // In file order: the kernel's listing order, which is not the order mounts were attached where they are
    // now (6.8 and later list by the mount's unique ID, i.e. creation): a mount moved or propagated onto a
    // path later can come before the mounts it hides there. MountTree goes by the tree, and by file order
    // only between siblings at one mount point.
    QList<MountEntry> mounts;
    QList<ParseError> errors; // one per malformed line; parsing goes on after an error
};

// Parses the whole text; never throws, never stops at a bad line. Accepts what util-linux's libmount and
// moby/sys accept: optional fields up to a lone "-", then type, source and the super options, which are
// the rest of the line (unescaped spaces and extra fields there are kept in superOptions); a mount point
// with unescaped spaces ends at the mount options field ("rw" or "ro" first, as the kernel writes it).
MountInfo parseMountInfo(QByteArrayView text);

// Decodes the kernel's \ooo octal escapes (\040 space, \011 tab, \012 newline, \134 backslash, any other).
QString decodeMountEscapes(QByteArrayView field);
QByteArray decodeMountEscapeBytes(QByteArrayView field);

// Splits overlay super options (lowerdir=a:b,upperdir=...,workdir=...). Commas and colons escaped
// with a backslash inside values are kept as part of the value. The kernel itself shows a comma in a
// path as \054, which parseMountInfo has decoded to a bare comma: a comma-separated piece after a
// lowerdir/upperdir/workdir value that does not look like an option name ([a-z0-9_]+[=...]) is taken
// as the rest of that path. Limit: kernels >= 6.5 show a colon inside a lower layer's path as \072,
// which after decoding cannot be told from the layer separator.
OverlayOptions parseOverlayOptions(const QString &superOptions);

} // namespace lw
