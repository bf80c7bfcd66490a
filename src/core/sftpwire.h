#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace lw {

// The few pieces of the SFTP protocol (version 3, draft-ietf-secsh-filexfer-02, and OpenSSH's
// statvfs@openssh.com extension) that Layerwatch speaks: disk usage without starting a process on the
// host (docs/probes.md, "Disk usage without df"). Pure byte work, no I/O: the SSH layer carries the bytes.

namespace SftpType {
inline constexpr quint8 Init = 1;
inline constexpr quint8 Version = 2;
inline constexpr quint8 Open = 3;
inline constexpr quint8 Close = 4;
inline constexpr quint8 Read = 5;
inline constexpr quint8 Status = 101;
inline constexpr quint8 Handle = 102;
inline constexpr quint8 Data = 103;
inline constexpr quint8 Extended = 200;
inline constexpr quint8 ExtendedReply = 201;
} // namespace SftpType

// SSH_FXP_INIT for version 3.
QByteArray sftpInitPacket();
// SSH_FXP_EXTENDED "statvfs@openssh.com" for path (bytes as the host names them).
QByteArray sftpStatvfsPacket(quint32 id, QByteArrayView path);
// SSH_FXP_OPEN for reading (no other flag, no attributes), SSH_FXP_READ and SSH_FXP_CLOSE.
QByteArray sftpOpenReadPacket(quint32 id, QByteArrayView path);
QByteArray sftpReadPacket(quint32 id, QByteArrayView handle, quint64 offset, quint32 length);
QByteArray sftpClosePacket(quint32 id, QByteArrayView handle);
// The most a READ asks for: OpenSSH's sftp-server answers up to 256 KiB less 1 KiB of headers.
inline constexpr quint32 sftpMaxReadLength = 255 * 1024;

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
inline constexpr quint32 sftpMaxPacketBytes = 256 * 1024;
// Splits a server's byte stream into packets; an incomplete last packet is left for later (not malformed).
SftpStream parseSftpStream(QByteArrayView data, quint32 maxPacketBytes = sftpMaxPacketBytes);

// Counts the whole reply packets (all but VERSION) of a stream that grows between calls, looking at each
// packet's length and type once and copying nothing: for a "reply complete?" check after every read.
class SftpReplyCounter
{
public:
    // data: the stream from its start, as it is now (what was seen before unchanged).
    void feed(QByteArrayView data);
    qsizetype replies() const { return m_replies; }
    bool malformed() const { return m_malformed; }

private:
    qsizetype m_scanned = 0;
    qsizetype m_replies = 0;
    bool m_malformed = false;
};

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

// HANDLE's handle and DATA's data (the string each carries); nullopt for another type or a cut string.
std::optional<QByteArray> parseSftpString(const SftpPacket &packet, quint8 type);

// Reading a procfs seq_file (e.g. /proc/self/mountinfo) over SFTP without a round trip per page: READs of
// sftpProcChunk bytes at consecutive offsets, all sent at once. The kernel answers a read at any offset from
// exactly that byte, and fills it unless the record after the bytes it has does not fit in its buffer (a
// page at least): so a read comes back short only at the end of the file or before a record longer than a
// page less a chunk, and such a record reaches past the chunk's end (the next chunk then has data). A short
// chunk whose next chunk is at the end (EOF) is the end; one whose next chunk has data left a gap, which
// one read from a record's start fills whole.
inline constexpr quint32 sftpProcChunk = 2048;
struct SftpChunk
{
    bool eof = false; // STATUS EOF (or DATA of no bytes)
    QByteArray data;
};
class ProcFileReader
{
public:
    // expectedSize: what the file had last time (the first reads cover it and one chunk more).
    explicit ProcFileReader(quint64 expectedSize = 0) : m_expected(expectedSize) {}
    struct Read
    {
        quint64 offset = 0;
        quint32 length = 0;
    };
    // What to read next (empty when complete): the gaps, then chunks past the last known byte; 512 reads
    // at most.
    QList<Read> reads() const;
    void add(const Read &read, const SftpChunk &reply);
    bool complete() const { return reads().isEmpty(); }
    // The bytes from the start that are known (the file, once complete).
    QByteArray data() const;

private:
    struct Piece
    {
        QByteArray data;
        quint32 asked = 0;
    };
    QMap<quint64, Piece> m_pieces;
    quint64 m_eofAt = ~quint64(0); // a read there or past it found the end
    quint64 m_expected = 0;
};

// STATUS: its code (SSH_FX_*) and message.
struct SftpStatus
{
    quint32 code = 0;
    QByteArray message;
};
std::optional<SftpStatus> parseSftpStatus(const SftpPacket &packet);
inline constexpr quint32 SftpEof = 1;
inline constexpr quint32 SftpNoSuchFile = 2;
inline constexpr quint32 SftpPermissionDenied = 3;
inline constexpr quint32 SftpOpUnsupported = 8;

} // namespace lw
