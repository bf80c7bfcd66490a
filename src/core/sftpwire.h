#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

namespace lw {

// The few pieces of the SFTP protocol (version 3, draft-ietf-secsh-filexfer-02, and OpenSSH's
// statvfs@openssh.com extension) that Layerwatch speaks: disk usage without starting a process on the
// host (docs/probes.md, "Disk usage without df"). Pure byte work, no I/O: the SSH layer carries the bytes.

namespace SftpType {
inline constexpr quint8 Init = 1;
inline constexpr quint8 Version = 2;
inline constexpr quint8 Status = 101;
inline constexpr quint8 Extended = 200;
inline constexpr quint8 ExtendedReply = 201;
} // namespace SftpType

// SSH_FXP_INIT for version 3.
QByteArray sftpInitPacket();
// SSH_FXP_EXTENDED "statvfs@openssh.com" for path (bytes as the host names them).
QByteArray sftpStatvfsPacket(quint32 id, QByteArrayView path);

struct SftpPacket
{
    quint8 type = 0;
    quint32 id = 0;     // 0 for VERSION (it has none)
    QByteArray payload; // after the id (after the type for VERSION)
};

struct SftpStream
{
    QList<SftpPacket> packets; // the whole packets read, in order
    bool malformed = false;    // a length no server sends (bigger than the limit, or too short)
};
// Splits a server's byte stream into packets; an incomplete last packet is left for later (not malformed).
SftpStream parseSftpStream(QByteArrayView data, quint32 maxPacketBytes = 256 * 1024);

// VERSION: the server's version and its extensions' names.
struct SftpVersion
{
    quint32 version = 0;
    QStringList extensions;
};
std::optional<SftpVersion> parseSftpVersion(const SftpPacket &packet);

// statvfs@openssh.com's reply (struct statvfs as the host's kernel told sftp-server).
struct SftpStatVfs
{
    quint64 blockSize = 0;    // f_bsize
    quint64 fragmentSize = 0; // f_frsize: the unit of the block counts
    quint64 blocks = 0;
    quint64 blocksFree = 0;
    quint64 blocksAvailable = 0; // to unprivileged users
    quint64 files = 0;
    quint64 filesFree = 0;
    quint64 filesAvailable = 0;
    quint64 fsid = 0;
    quint64 flags = 0;
    quint64 nameMax = 0;
};
std::optional<SftpStatVfs> parseSftpStatVfs(const SftpPacket &packet);

// STATUS: its code (SSH_FX_*) and message.
struct SftpStatus
{
    quint32 code = 0;
    QByteArray message;
};
std::optional<SftpStatus> parseSftpStatus(const SftpPacket &packet);
inline constexpr quint32 SftpNoSuchFile = 2;
inline constexpr quint32 SftpPermissionDenied = 3;
inline constexpr quint32 SftpOpUnsupported = 8;

} // namespace lw
