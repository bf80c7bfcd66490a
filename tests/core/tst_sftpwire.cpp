// The SFTP pieces Layerwatch speaks (sftpwire.h): packets byte for byte, a stream split anywhere, hostile
// lengths, and a real OpenSSH sftp-server on pipes (no SSH) answering statvfs like statvfs(3).
#include "sftpwire.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <sys/statvfs.h>

using namespace lw;

namespace {

const QString kSftpServer = QStringLiteral("/usr/lib/openssh/sftp-server");

QByteArray u32(quint32 v)
{
    QByteArray b(4, '\0');
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

QByteArray u64(quint64 v)
{
    return u32(quint32(v >> 32)) + u32(quint32(v));
}

QByteArray str(const QByteArray &s)
{
    return u32(quint32(s.size())) + s;
}

QByteArray packet(quint8 type, const QByteArray &body)
{
    return u32(quint32(body.size() + 1)) + char(type) + body;
}

} // namespace

class TestSftpWire : public QObject
{
    Q_OBJECT
private slots:
    void requestsByteForByte()
    {
        QCOMPARE(sftpInitPacket(), QByteArray::fromHex("000000050100000003"));
        const QByteArray path("/a b\n$(x)'");
        QCOMPARE(sftpStatvfsPacket(7, path), packet(200, u32(7) + str("statvfs@openssh.com") + str(path)));
        // read only: SSH_FXF_READ and nothing else, no attributes; there is no builder of a write request
        QCOMPARE(sftpOpenReadPacket(8, path), packet(3, u32(8) + str(path) + u32(1) + u32(0)));
        QCOMPARE(sftpReadPacket(9, QByteArray("h\0\1", 3), 0x100000002ULL, 2048),
                 packet(5, u32(9) + str(QByteArray("h\0\1", 3)) + u64(0x100000002ULL) + u32(2048)));
        QCOMPARE(sftpClosePacket(10, "h"), packet(4, u32(10) + str("h")));
    }

    void streamSplitAnywhere()
    {
        const QByteArray version = packet(2, u32(3) + str("posix-rename@openssh.com") + str("1") +
                                                 str("statvfs@openssh.com") + str("2"));
        QByteArray statvfsBody = u32(1);
        for (quint64 v :
             {4096ULL, 4096ULL, 1000ULL, 400ULL, 300ULL, 50ULL, 20ULL, 10ULL, 99ULL, 0ULL, 255ULL})
            statvfsBody += u64(v);
        const QByteArray reply = packet(201, statvfsBody);
        const QByteArray status = packet(101, u32(2) + u32(2) + str("No such file") + str(""));
        const QByteArray all = version + reply + status;
        SftpReplyCounter counter; // fed the same growing stream: the replies (not VERSION) counted so far
        for (qsizetype cut = 0; cut <= all.size(); ++cut) {
            counter.feed(all.first(cut));
            const SftpStream stream = parseSftpStream(all.first(cut));
            QCOMPARE(counter.replies(), stream.packets.size() - (cut >= version.size() ? 1 : 0));
            QVERIFY(!counter.malformed());
            QVERIFY(!stream.malformed);
            const int whole =
                (cut >= version.size()) + (cut >= version.size() + reply.size()) + (cut == all.size());
            QCOMPARE(stream.packets.size(), whole);
        }
        const SftpStream stream = parseSftpStream(all);
        const std::optional<SftpVersion> v = parseSftpVersion(stream.packets.at(0));
        QVERIFY(v);
        QCOMPARE(v->version, 3u);
        QCOMPARE(v->extensions, (QStringList{QStringLiteral("posix-rename@openssh.com"),
                                             QStringLiteral("statvfs@openssh.com")}));
        QCOMPARE(stream.packets.at(1).id, 1u);
        const std::optional<SftpStatVfs> st = parseSftpStatVfs(stream.packets.at(1));
        QVERIFY(st);
        QCOMPARE(st->fragmentSize, 4096u);
        QCOMPARE(st->blocks, 1000u);
        QCOMPARE(st->blocksFree, 400u);
        QCOMPARE(st->blocksAvailable, 300u);
        QCOMPARE(st->nameMax, 255u);
        QVERIFY(!parseSftpStatus(stream.packets.at(1)));
        const std::optional<SftpStatus> s = parseSftpStatus(stream.packets.at(2));
        QVERIFY(s);
        QCOMPARE(s->code, SftpNoSuchFile);
        QCOMPARE(s->message, QByteArray("No such file"));
        QVERIFY(!parseSftpStatVfs(stream.packets.at(2)));
    }

    void hostileInput()
    {
        // A length past the limit or too short to hold a type and an id: malformed, never a wait for more.
        QVERIFY(parseSftpStream(u32(0x7fffffff) + "x").malformed);
        SftpReplyCounter counter;
        counter.feed(u32(0x7fffffff) + "x");
        QVERIFY(counter.malformed());
        QVERIFY(parseSftpStream(u32(2) + "ab").malformed);
        QVERIFY(parseSftpStream(u32(300 * 1024) + QByteArray(10, 'x')).malformed);
        // A statvfs reply one field short, a string longer than its packet: refused, not read past the end.
        QByteArray shortBody = u32(1);
        for (int i = 0; i < 10; ++i)
            shortBody += u64(1);
        QVERIFY(!parseSftpStatVfs(parseSftpStream(packet(201, shortBody)).packets.at(0)));
        const SftpStream lying = parseSftpStream(packet(101, u32(3) + u32(4) + u32(1000) + "abc"));
        QCOMPARE(lying.packets.size(), 1);
        const std::optional<SftpStatus> s = parseSftpStatus(lying.packets.at(0));
        QVERIFY(s); // the code is there; the message that claims 1000 bytes is not taken
        QCOMPARE(s->code, 4u);
        QVERIFY(s->message.isEmpty());
        QVERIFY(!parseSftpVersion(parseSftpStream(packet(201, shortBody)).packets.at(0)));
    }

    void procFileReaderAgainstAKernelModel()
    {
        // A model of the kernel's seq_file read (fs/seq_file.c): a read at any offset starts at that byte,
        // copies the rest of the record there, then adds whole records to a buffer of a page (grown only for
        // a record that alone does not fit) while fewer bytes than asked are in it, stopping before one
        // that does not fit. Tables of short and long records (some between a page less a chunk and a page,
        // some over a page), read with good, small and no size hints: always the whole table, in a few
        // rounds.
        QRandomGenerator random(4711);
        for (int table = 0; table < 300; ++table) {
            QList<QByteArray> records;
            const int count = random.bounded(0, 120);
            for (int i = 0; i < count; ++i) {
                const int kind = random.bounded(10);
                const int size = kind < 6   ? random.bounded(40, 400)
                                 : kind < 9 ? random.bounded(2048, 4096)
                                            : random.bounded(4096, 9000);
                records << QByteArray(size - 1, char('a' + i % 26)) + '\n';
            }
            const QByteArray whole = records.join();
            qsizetype buffer = 4096;
            auto kernelRead = [&](quint64 offset, quint32 length) {
                SftpChunk chunk;
                qsizetype start = 0;
                qsizetype i = 0;
                while (i < records.size() && start + records.at(i).size() <= qsizetype(offset))
                    start += records.at(i++).size();
                if (i == records.size()) {
                    chunk.eof = true;
                    return chunk;
                }
                auto fit = [&](qsizetype size) {
                    while (size > buffer)
                        buffer *= 2;
                };
                fit(records.at(i).size());
                const QByteArray rest = records.at(i).mid(qsizetype(offset) - start);
                chunk.data = rest.left(length);
                if (chunk.data.size() == qsizetype(length) || ++i == records.size())
                    return chunk;
                const qsizetype wanted = qsizetype(length) - chunk.data.size();
                fit(records.at(i).size());
                QByteArray filled = records.at(i++);
                while (i < records.size() && filled.size() < wanted &&
                       filled.size() + records.at(i).size() <= buffer)
                    filled += records.at(i++);
                chunk.data += filled.left(wanted);
                return chunk;
            };
            const quint64 hint = table % 3 == 0 ? whole.size() : table % 3 == 1 ? whole.size() / 3 : 0;
            ProcFileReader reader(hint);
            int rounds = 0;
            for (; !reader.complete() && rounds < 40; ++rounds) {
                for (const ProcFileReader::Read &read : reader.reads())
                    reader.add(read, kernelRead(read.offset, read.length));
            }
            QVERIFY2(reader.complete(), qPrintable(QString::number(table)));
            QCOMPARE(reader.data(), whole);
            // the hint right: one round, two with a gap; else the ask doubles each round
            QVERIFY2(rounds <= (hint == quint64(whole.size()) ? 2 : 12), qPrintable(QString::number(rounds)));
        }
    }

    void realSftpServerAnswersLikeStatvfs()
    {
        if (!QFile::exists(kSftpServer))
            QSKIP("no OpenSSH sftp-server here");
        QProcess server;
        server.start(kSftpServer, {});
        QVERIFY(server.waitForStarted());
        const QList<QByteArray> paths{"/", "/proc", "/no/such/path/at/all"};
        QByteArray requests = sftpInitPacket();
        for (int i = 0; i < paths.size(); ++i)
            requests += sftpStatvfsPacket(quint32(i + 1), paths.at(i));
        server.write(requests);
        QByteArray replies;
        SftpStream stream;
        while (stream.packets.size() < paths.size() + 1 && server.waitForReadyRead(10000)) {
            replies += server.readAllStandardOutput();
            stream = parseSftpStream(replies);
            QVERIFY(!stream.malformed);
        }
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(stream.packets.size(), paths.size() + 1);
        const std::optional<SftpVersion> version = parseSftpVersion(stream.packets.at(0));
        QVERIFY(version);
        QCOMPARE(version->version, 3u);
        QVERIFY(version->extensions.contains(QStringLiteral("statvfs@openssh.com")));
        for (int i = 0; i < 2; ++i) {
            const SftpPacket &p = stream.packets.at(i + 1);
            QCOMPARE(p.id, quint32(i + 1));
            const std::optional<SftpStatVfs> st = parseSftpStatVfs(p);
            QVERIFY(st);
            struct statvfs vfs = {};
            QCOMPARE(::statvfs(paths.at(i).constData(), &vfs), 0);
            QCOMPARE(st->fragmentSize, quint64(vfs.f_frsize));
            QCOMPARE(st->blocks, quint64(vfs.f_blocks));
            QCOMPARE(st->nameMax, quint64(vfs.f_namemax));
        }
        const std::optional<SftpStatus> missing = parseSftpStatus(stream.packets.at(3));
        QVERIFY(missing);
        QCOMPARE(stream.packets.at(3).id, 3u);
        QCOMPARE(missing->code, SftpNoSuchFile);
    }
};

QTEST_GUILESS_MAIN(TestSftpWire)
#include "tst_sftpwire.moc"
