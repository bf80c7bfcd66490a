#include "sftpwire.h"

#include <QtEndian>

namespace lw {

namespace {

void putU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void putString(QByteArray &out, QByteArrayView text)
{
    putU32(out, quint32(text.size()));
    out.append(text.data(), text.size());
}

// A packet: its length, then type and body.
QByteArray packet(quint8 type, const QByteArray &body)
{
    QByteArray out;
    out.reserve(5 + body.size());
    putU32(out, quint32(body.size() + 1));
    out.append(char(type));
    out.append(body);
    return out;
}

// Reads big-endian fields from a payload; any read past the end makes ok() false.
class Reader
{
public:
    explicit Reader(QByteArrayView data) : m_data(data) {}
    quint32 u32()
    {
        if (m_pos + 4 > m_data.size()) {
            m_ok = false;
            return 0;
        }
        const quint32 value = qFromBigEndian<quint32>(m_data.data() + m_pos);
        m_pos += 4;
        return value;
    }
    quint64 u64()
    {
        const quint64 high = u32();
        return (high << 32) | u32();
    }
    QByteArray string()
    {
        const quint32 size = u32();
        if (!m_ok || size > quint64(m_data.size() - m_pos)) {
            m_ok = false;
            return QByteArray();
        }
        const QByteArray text = m_data.sliced(m_pos, size).toByteArray();
        m_pos += size;
        return text;
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos >= m_data.size(); }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

} // namespace

QByteArray sftpInitPacket()
{
    QByteArray body;
    putU32(body, 3);
    return packet(SftpType::Init, body);
}

QByteArray sftpStatvfsPacket(quint32 id, QByteArrayView path)
{
    QByteArray body;
    putU32(body, id);
    putString(body, "statvfs@openssh.com");
    putString(body, path);
    return packet(SftpType::Extended, body);
}

QByteArray sftpOpenReadPacket(quint32 id, QByteArrayView path)
{
    QByteArray body;
    putU32(body, id);
    putString(body, path);
    putU32(body, 1); // SSH_FXF_READ
    putU32(body, 0); // no attributes
    return packet(SftpType::Open, body);
}

QByteArray sftpReadPacket(quint32 id, QByteArrayView handle, quint64 offset, quint32 length)
{
    QByteArray body;
    putU32(body, id);
    putString(body, handle);
    putU32(body, quint32(offset >> 32));
    putU32(body, quint32(offset));
    putU32(body, length);
    return packet(SftpType::Read, body);
}

QByteArray sftpClosePacket(quint32 id, QByteArrayView handle)
{
    QByteArray body;
    putU32(body, id);
    putString(body, handle);
    return packet(SftpType::Close, body);
}

std::optional<QByteArray> parseSftpString(const SftpPacket &packet, quint8 type)
{
    if (packet.type != type)
        return std::nullopt;
    Reader reader(packet.payload);
    QByteArray text = reader.string();
    if (!reader.ok())
        return std::nullopt;
    return text;
}

QList<ProcFileReader::Read> ProcFileReader::reads() const
{
    constexpr qsizetype kMaxReads = 512; // 1 MiB of chunks a round
    QList<Read> out;
    quint64 at = 0;
    for (auto it = m_pieces.cbegin(); it != m_pieces.cend(); ++it) {
        if (m_eofAt <= at)
            return out;    // the end came before the pieces after it (the table changed between two reads)
        if (it.key() > at) // a gap: the bytes before this piece, from a record's start
            out.append({at, quint32(std::min<quint64>(it.key() - at, sftpMaxReadLength))});
        if (out.size() >= kMaxReads)
            return out; // a server that cuts every read short: the caller's rounds end it
        const Piece &piece = *it;
        at = std::max(at, it.key() + quint64(piece.data.size()));
        if (quint64(piece.data.size()) < piece.asked && m_eofAt <= it.key() + piece.asked)
            return out; // short, and the end is within its chunk: this is the end
    }
    if (m_eofAt <= at)
        return out;
    // past the last known byte: the rest of what is expected and one chunk more, or if the file is longer
    // than expected as many chunks as are known (the ask doubles each round)
    const quint64 chunks =
        std::max<quint64>((m_expected > at ? (m_expected - at) / sftpProcChunk : 0) + 2, at / sftpProcChunk);
    for (quint64 i = 0; i < chunks && out.size() < kMaxReads; ++i)
        out.append({at + i * sftpProcChunk, sftpProcChunk});
    return out;
}

void ProcFileReader::add(const Read &read, const SftpChunk &reply)
{
    if (reply.eof || reply.data.isEmpty()) {
        m_eofAt = std::min(m_eofAt, read.offset);
        return;
    }
    Piece &piece = m_pieces[read.offset];
    piece.data = reply.data.left(read.length);
    piece.asked = read.length;
}

QByteArray ProcFileReader::data() const
{
    QByteArray out;
    for (auto it = m_pieces.cbegin(); it != m_pieces.cend(); ++it) {
        if (it.key() > quint64(out.size()))
            break;
        const qsizetype skip = qsizetype(quint64(out.size()) - it.key());
        if (skip < it->data.size())
            out.append(it->data.mid(skip));
        if (quint64(it->data.size()) < it->asked && m_eofAt <= it.key() + it->asked)
            break;
    }
    if (m_eofAt < quint64(out.size()))
        out.truncate(qsizetype(m_eofAt)); // the end moved before bytes read earlier (a torn read)
    return out;
}

// The end of the whole packet at pos, 0 if it has not all come yet, -1 if its length is one no server sends
// (bigger than the limit, or too short for a type and, but for VERSION, an id: 5 bytes either way).
static qsizetype sftpPacketEnd(QByteArrayView data, qsizetype pos, quint32 maxPacketBytes)
{
    if (data.size() - pos < 4)
        return 0;
    const quint32 length = qFromBigEndian<quint32>(data.data() + pos);
    if (length < 5 || length > maxPacketBytes)
        return -1;
    return data.size() - pos - 4 < qsizetype(length) ? 0 : pos + 4 + qsizetype(length);
}

SftpStream parseSftpStream(QByteArrayView data, quint32 maxPacketBytes)
{
    SftpStream stream;
    qsizetype pos = 0;
    for (qsizetype end; (end = sftpPacketEnd(data, pos, maxPacketBytes)) > 0; pos = end) {
        const QByteArrayView body = data.sliced(pos + 5, end - pos - 5);
        SftpPacket p;
        p.type = quint8(data.at(pos + 4));
        if (p.type == SftpType::Version) {
            p.payload = body.toByteArray();
        } else {
            p.id = qFromBigEndian<quint32>(body.data());
            p.payload = body.sliced(4).toByteArray();
        }
        stream.packets.append(std::move(p));
    }
    stream.malformed = sftpPacketEnd(data, pos, maxPacketBytes) < 0;
    return stream;
}

void SftpReplyCounter::feed(QByteArrayView data)
{
    for (qsizetype end; !m_malformed && (end = sftpPacketEnd(data, m_scanned, sftpMaxPacketBytes)) != 0;) {
        if (end < 0) {
            m_malformed = true;
            break;
        }
        m_replies += quint8(data.at(m_scanned + 4)) != SftpType::Version;
        m_scanned = end;
    }
}

std::optional<SftpVersion> parseSftpVersion(const SftpPacket &packet)
{
    if (packet.type != SftpType::Version)
        return std::nullopt;
    Reader reader(packet.payload);
    SftpVersion version;
    version.version = reader.u32();
    while (reader.ok() && !reader.atEnd()) {
        const QByteArray name = reader.string();
        reader.string(); // the extension's data (its version)
        if (reader.ok())
            version.extensions.append(QString::fromLatin1(name));
    }
    if (!reader.ok() && version.extensions.isEmpty() && version.version == 0)
        return std::nullopt;
    return version;
}

std::optional<SftpStatVfs> parseSftpStatVfs(const SftpPacket &packet)
{
    if (packet.type != SftpType::ExtendedReply)
        return std::nullopt;
    Reader reader(packet.payload);
    SftpStatVfs st;
    st.blockSize = reader.u64();
    st.fragmentSize = reader.u64();
    st.blocks = reader.u64();
    st.blocksFree = reader.u64();
    st.blocksAvailable = reader.u64();
    st.files = reader.u64();
    st.filesFree = reader.u64();
    st.filesAvailable = reader.u64();
    st.fsid = reader.u64();
    st.flags = reader.u64();
    st.nameMax = reader.u64();
    if (!reader.ok())
        return std::nullopt;
    return st;
}

std::optional<SftpStatus> parseSftpStatus(const SftpPacket &packet)
{
    if (packet.type != SftpType::Status)
        return std::nullopt;
    Reader reader(packet.payload);
    SftpStatus status;
    status.code = reader.u32();
    status.message = reader.string(); // absent in some old servers: then empty
    if (status.message.isEmpty() && !reader.ok()) {
        Reader codeOnly(packet.payload);
        status.code = codeOnly.u32();
        if (!codeOnly.ok())
            return std::nullopt;
    }
    return status;
}

} // namespace lw
