#include "sftpmounts.h"

#include "diskusage.h"
#include "fleettr.h"
#include "probebundle.h"
#include "sftpwire.h"
#include "sshconnection.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <zlib.h>

Q_DECLARE_LOGGING_CATEGORY(lcFleet)

namespace lw {

namespace {

const QByteArray kSftpKey = "sftp";
const QByteArray kMountTablePath = "/proc/self/mountinfo";
const QByteArray kKernelConfigPath = "/proc/config.gz";

// OpenSSH's sftp-server gives a new file the first free slot of its handle table, as 4 bytes: so a
// request can name a file opened in the same step. Every use is checked against the server's answer.
QByteArray predictedHandle(quint32 slot)
{
    QByteArray handle(4, '\0');
    handle[3] = char(slot);
    return handle;
}

// What this process holds about the connection's kept sftp channel (SshConnection::setKeptData: it lives
// and dies with that channel).
struct SftpChannel
{
    QByteArray mountTable;  // the handle of /proc/self/mountinfo, open in the host's sftp-server
    QByteArray strayHandle; // a handle whose prediction was wrong: closed with the next step
    quint32 nextId = 1;
    qsizetype lastTableSize = 0;
    QList<QByteArray> lastPoints; // the mount points of the last statvfs: asked again with the next read
};

FilesystemStat statFromReply(const SftpPacket &packet, bool *understood)
{
    FilesystemStat st;
    *understood = true;
    if (const std::optional<SftpStatVfs> vfs = parseSftpStatVfs(packet)) {
        st.result = FilesystemStat::Result::Ok;
        st.unit = vfs->fragmentSize ? vfs->fragmentSize : vfs->blockSize;
        st.blocks = vfs->blocks;
        st.blocksFree = vfs->blocksFree;
        st.blocksAvailable = vfs->blocksAvailable;
    } else if (const std::optional<SftpStatus> status = parseSftpStatus(packet);
               status && status->code != SftpOpUnsupported) {
        if (status->code == SftpNoSuchFile || status->code == SftpPermissionDenied)
            st.result = FilesystemStat::Result::Gone; // df too skips these silently
        else
            st.error = status->message.isEmpty() ? FleetTr::tr("SFTP error %1").arg(status->code)
                                                 : QString::fromUtf8(status->message);
    } else {
        *understood = false;
    }
    return st;
}

// The statvfs replies, in order, appended to *stats; false at one that is neither statvfs nor a status.
bool takeStats(const QList<SftpPacket> &replies, QList<FilesystemStat> *stats)
{
    for (const SftpPacket &packet : replies) {
        bool understood = false;
        stats->append(statFromReply(packet, &understood));
        if (!understood)
            return false;
    }
    return true;
}

// One job's requests on the kept sftp channel: each step's packets go out at once, their replies come back
// in order.
class Conversation
{
public:
    Conversation(ssh::SshConnection &connection, const ssh::CancelToken &cancel, int timeoutMs,
                 bool *unsupported)
        : m_connection(connection), m_cancel(cancel),
          // each step is a few packets for a server that only reads: it gets 10 s at most
          m_timeoutMs(timeoutMs > 0 ? std::min(timeoutMs, 10000) : 10000), m_unsupported(unsupported)
    {
        m_channel = std::static_pointer_cast<SftpChannel>(connection.keptData(kSftpKey));
        if (!m_channel) {
            connection.closeKept(kSftpKey); // one we hold nothing about (a failed start): a new server
            m_channel = std::make_shared<SftpChannel>();
            m_versionSeen = false;
        }
    }

    SftpChannel &channel() { return *m_channel; }
    // Queues a request made with the next id.
    quint32 add(const std::function<QByteArray(quint32)> &make)
    {
        const quint32 id = m_channel->nextId++;
        if (m_queued.isEmpty())
            m_firstId = id;
        m_queued += make(id);
        ++m_count;
        return id;
    }
    // Sends what was queued; the replies in order of the requests, or nullopt (the channel is closed).
    std::optional<QList<SftpPacket>> send()
    {
        const qsizetype count = std::exchange(m_count, 0);
        const quint32 firstId = m_firstId;
        ssh::KeptExecRequest request;
        request.key = kSftpKey;
        request.command = "sftp";
        request.launch = ssh::KeptLaunch::Subsystem;
        request.openInput = sftpInitPacket();
        request.input = std::exchange(m_queued, QByteArray());
        SftpReplyCounter counter; // each packet looked at once, however the reply is split
        request.complete = [&counter, count](QByteArrayView out, QByteArrayView) {
            counter.feed(out);
            return counter.malformed() || counter.replies() >= count;
        };
        request.timeoutMs = m_timeoutMs;
        request.maxOutputBytes = 2 * bundleProbeOutputCap;
        request.cancel = m_cancel;
        const ssh::KeptExecResult exec = m_connection.execKept(request);
        if (exec.status != ssh::SshStatus::Ok) {
            // a new server refused or gone before it answered: none to be had here (a timeout may pass)
            *m_unsupported = !exec.reused && !m_versionSeen && exec.status != ssh::SshStatus::Timeout &&
                             !m_cancel.isCancelled();
            return giveUp(exec.message);
        }
        SftpStream stream = parseSftpStream(exec.stdoutData);
        if (!exec.reused) { // a new server says first what it can do
            const std::optional<SftpVersion> version =
                stream.packets.isEmpty() ? std::nullopt : parseSftpVersion(stream.packets.first());
            if (m_versionSeen || !version ||
                !version->extensions.contains(QLatin1String("statvfs@openssh.com"))) {
                *m_unsupported = !m_versionSeen;
                return giveUp(m_versionSeen ? QStringLiteral("the server was started anew")
                                            : QStringLiteral("no statvfs@openssh.com"));
            }
            m_versionSeen = true;
            stream.packets.removeFirst();
        }
        bool inStep = !stream.malformed && stream.packets.size() == count;
        for (qsizetype i = 0; inStep && i < count; ++i) {
            inStep = stream.packets.at(i).id == firstId + quint32(i) &&
                     stream.packets.at(i).type != SftpType::Version;
        }
        if (!inStep)
            return giveUp(QStringLiteral("replies out of step"));
        return stream.packets;
    }
    std::nullopt_t giveUp(const QString &why)
    {
        qCInfo(lcFleet) << m_connection.target().name << "mount table and disk usage not over SFTP:" << why;
        m_connection.closeKept(kSftpKey);
        return std::nullopt;
    }
    void keep() { m_connection.setKeptData(kSftpKey, m_channel); }

private:
    ssh::SshConnection &m_connection;
    ssh::CancelToken m_cancel;
    int m_timeoutMs;
    bool *m_unsupported;
    std::shared_ptr<SftpChannel> m_channel;
    bool m_versionSeen = true;
    QByteArray m_queued;
    quint32 m_firstId = 0;
    qsizetype m_count = 0;
};

} // namespace

std::optional<QByteArray> gunzip(const QByteArray &compressed, qsizetype maxBytes, bool *truncated)
{
    *truncated = false;
    z_stream zs = {};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) // 16: gzip framing
        return std::nullopt;
    QByteArray out;
    char buffer[64 * 1024];
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    zs.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (out.size() > maxBytes) {
            out.truncate(maxBytes + 1);
            *truncated = true;
            break;
        }
    }
    inflateEnd(&zs);
    if (!*truncated && (rc != Z_STREAM_END || zs.avail_in != 0))
        return std::nullopt; // cut, corrupt, or something after the stream
    return out;
}

std::optional<SftpMounts> mountsOverSftp(ssh::SshConnection &connection, bool kernelConfig,
                                         const ssh::CancelToken &cancel, int timeoutMs, bool *unsupported)
{
    *unsupported = false;
    QElapsedTimer timer;
    timer.start();
    Conversation sftp(connection, cancel, timeoutMs, unsupported);
    SftpChannel &channel = sftp.channel();
    SftpMounts result;

    // Step 1, one round trip: the kernel config (opened, read and closed: it is the only open file then, so
    // its handle is the server's first free slot, predicted and checked), the table (opened likewise if the
    // server does not hold it yet; the kernel makes it anew for a read from offset 0) and the statvfs of the
    // mount points of last time, which are most likely still the mount points (step 2 asks again where not).
    const bool strayClose = !channel.strayHandle.isEmpty();
    if (strayClose)
        sftp.add([&](quint32 id) {
            return sftpClosePacket(id, std::exchange(channel.strayHandle, QByteArray()));
        });
    // With the table open, the next slot is known only where the table got slot 0 (else /proc/config.gz is
    // left to the shell: a wrong guess could read or close the table).
    kernelConfig = kernelConfig && (channel.mountTable.isEmpty() || channel.mountTable == predictedHandle(0));
    const QByteArray firstFree = predictedHandle(channel.mountTable.isEmpty() ? 0 : 1);
    constexpr int kConfigReads = 4; // of 64 KiB: servers before OpenSSH 6.x cut a read at 64 KiB
    if (kernelConfig) {
        sftp.add([](quint32 id) { return sftpOpenReadPacket(id, kKernelConfigPath); });
        for (int i = 0; i < kConfigReads; ++i)
            sftp.add([&](quint32 id) { return sftpReadPacket(id, firstFree, quint64(i) * 65536, 65536); });
        sftp.add([&](quint32 id) { return sftpClosePacket(id, firstFree); });
    }
    const bool opening = channel.mountTable.isEmpty();
    if (opening) {
        sftp.add([](quint32 id) { return sftpOpenReadPacket(id, kMountTablePath); });
        channel.mountTable = predictedHandle(0);
    }
    auto reader = std::make_unique<ProcFileReader>(
        quint64(channel.lastTableSize > 0 ? channel.lastTableSize : 16 * 1024));
    QList<ProcFileReader::Read> reads;
    auto queueReads = [&] {
        reads = reader->reads();
        for (const ProcFileReader::Read &read : std::as_const(reads))
            sftp.add(
                [&](quint32 id) { return sftpReadPacket(id, channel.mountTable, read.offset, read.length); });
    };
    // The replies to the reads just sent; false if one is neither data nor the end.
    auto takeReads = [&](const QList<SftpPacket> &replies) {
        for (qsizetype i = 0; i < reads.size(); ++i) {
            SftpChunk chunk;
            if (const std::optional<QByteArray> data = parseSftpString(replies.at(i), SftpType::Data))
                chunk.data = *data;
            else if (const std::optional<SftpStatus> status = parseSftpStatus(replies.at(i));
                     status && status->code == SftpEof)
                chunk.eof = true;
            else
                return false;
            reader->add(reads.at(i), chunk);
        }
        return true;
    };
    queueReads();
    const QList<QByteArray> guessedPoints = channel.lastPoints;
    for (const QByteArray &point : guessedPoints)
        sftp.add([&](quint32 id) { return sftpStatvfsPacket(id, point); });
    QList<FilesystemStat> guessed;
    {
        const auto replies = sftp.send();
        if (!replies)
            return std::nullopt;
        qsizetype next = strayClose ? 1 : 0;
        if (kernelConfig) {
            const std::optional<QByteArray> handle = parseSftpString(replies->at(next), SftpType::Handle);
            QByteArray compressed;
            bool whole = handle == firstFree;
            for (int i = 0; whole && i < kConfigReads; ++i) {
                const std::optional<QByteArray> data =
                    parseSftpString(replies->at(next + 1 + i), SftpType::Data);
                if (!data)
                    break; // the end (or an error: then gunzip finds the stream cut)
                compressed += *data;
                whole = data->size() == 65536 ? i + 1 < kConfigReads : true;
            }
            if (handle && *handle != firstFree)
                channel.strayHandle = *handle; // not closed by this step's CLOSE: the next one closes it
            next += kConfigReads + 2;
            bool truncated = false;
            const std::optional<QByteArray> text = whole && handle == firstFree
                                                       ? gunzip(compressed, bundleProbeOutputCap, &truncated)
                                                       : std::nullopt;
            if (text) {
                ProbeOutput probe;
                probe.status = ProbeStatus::Ok;
                probe.exitCode = 0;
                probe.output = text->left(bundleProbeOutputCap);
                probe.truncated = truncated;
                probe.durationMs = timer.elapsed();
                result.kernelConfig = probe;
            } else {
                qCInfo(lcFleet) << connection.target().name << "no kernel config over SFTP";
            }
        }
        bool readsValid = true;
        if (opening) {
            const std::optional<QByteArray> handle = parseSftpString(replies->at(next++), SftpType::Handle);
            if (!handle)
                return sftp.giveUp(QStringLiteral("cannot open the mount table"));
            readsValid = *handle == channel.mountTable;
            channel.mountTable = *handle;
        }
        if (readsValid && !takeReads(replies->mid(next)))
            return sftp.giveUp(QStringLiteral("cannot read the mount table"));
        next += reads.size();
        if (!takeStats(replies->mid(next), &guessed))
            return sftp.giveUp(QStringLiteral("no statvfs answer"));
    }
    sftp.keep();
    // Rarely: the table grew past what was asked for, or a record longer than a page less a chunk left a gap
    // (all of them in one round trip), or the predicted handle was not the server's. A table that is not
    // whole lines (it changed between two reads) is read once more. One past the probe output cap is left to
    // the shell (which cuts it).
    QByteArray table;
    MountInfo mounts;
    for (int round = 0, rereads = 0;; ++round) {
        if (reader->complete()) {
            table = reader->data();
            mounts = parseMountInfo(table);
            if (table.endsWith('\n') && mounts.errors.isEmpty())
                break;
            if (rereads++ == 1)
                return sftp.giveUp(QStringLiteral("the mount table changed while it was read"));
            reader = std::make_unique<ProcFileReader>(quint64(table.size()));
        }
        const qsizetype known = reader->data().size();
        if (round == 16 || known > bundleProbeOutputCap)
            return sftp.giveUp(QStringLiteral("the mount table does not end"));
        qCDebug(lcFleet) << connection.target().name << "mount table: reading on from" << known;
        queueReads();
        const auto replies = sftp.send();
        if (!replies)
            return std::nullopt;
        if (!takeReads(*replies))
            return sftp.giveUp(QStringLiteral("cannot read the mount table"));
    }
    result.mountinfo.status = ProbeStatus::Ok;
    result.mountinfo.exitCode = 0;
    result.mountinfo.output = table;
    result.mountinfo.durationMs = timer.elapsed();
    result.parsedMountInfo = mounts;
    channel.lastTableSize = table.size();
    if (hasBlockingFilesystems(mounts)) {
        channel.lastPoints.clear();
        return result;
    }

    // Step 2, when the mount points are not those of last time: their statvfs.
    const QList<MountEntry> candidates = dfCandidates(mounts);
    QList<QByteArray> points; // as bytes: a name that is not UTF-8 is sent as it is
    for (const MountEntry &m : candidates)
        points << m.mountPointPath();
    QList<FilesystemStat> stats = guessed;
    if (points != guessedPoints || guessed.size() != points.size()) {
        stats.clear();
        for (const QByteArray &point : std::as_const(points))
            sftp.add([&](quint32 id) { return sftpStatvfsPacket(id, point); });
        if (!points.isEmpty()) {
            const auto replies = sftp.send();
            if (!replies)
                return std::nullopt;
            if (!takeStats(*replies, &stats))
                return sftp.giveUp(QStringLiteral("no statvfs answer"));
        }
    }
    channel.lastPoints = points;
    const DfOutput df = formatDfRows(candidates, stats);
    ProbeOutput probe;
    probe.status = df.exitCode == 0 ? ProbeStatus::Ok : ProbeStatus::Failed;
    probe.output = df.output;
    probe.errorOutput = df.errorOutput;
    probe.exitCode = df.exitCode;
    probe.durationMs = timer.elapsed();
    result.df = probe;
    return result;
}

} // namespace lw
