#include "capturearchive.h"

#include "ansibleplaybook.h"
#include "coretr.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

namespace lw {

namespace {

constexpr qint64 blockSize = 512;
constexpr qint64 maxEntryBytes = 64LL * 1024 * 1024;
constexpr qint64 maxArchiveBytes = 4LL * 1024 * 1024 * 1024;

// Writes an octal number of width-1 digits and a NUL into field.
void octal(char *field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray header(const QByteArray &name, qint64 size, char type)
{
    QByteArray h(blockSize, '\0');
    char *b = h.data();
    memcpy(b, name.constData(), size_t(std::min<qsizetype>(name.size(), 100)));
    octal(b + 100, 8, type == '5' ? 0755 : 0644); // mode
    octal(b + 108, 8, 0);                         // uid
    octal(b + 116, 8, 0);                         // gid
    octal(b + 124, 12, size);
    octal(b + 136, 12, 0); // mtime: none (the same capture gives the same bytes)
    memset(b + 148, ' ', 8);
    b[156] = type;
    memcpy(b + 257, "ustar", 6); // magic "ustar\0", version "00"
    memcpy(b + 263, "00", 2);
    memcpy(b + 265, "root", 4);
    memcpy(b + 297, "root", 4);
    unsigned sum = 0;
    for (qsizetype i = 0; i < blockSize; ++i)
        sum += static_cast<unsigned char>(h.at(i));
    octal(b + 148, 7, sum);
    b[155] = ' ';
    return h;
}

QByteArray padded(QByteArray bytes)
{
    const qint64 rest = bytes.size() % blockSize;
    if (rest)
        bytes.append(QByteArray(blockSize - rest, '\0'));
    return bytes;
}

qint64 parseOctal(const char *field, int width)
{
    qint64 value = 0;
    int i = 0;
    while (i < width && (field[i] == ' ' || field[i] == '\0'))
        ++i;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i)
        value = value * 8 + (field[i] - '0');
    return value;
}

bool isPlainName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[^/\\x00-\\x1f]{1,255}$"));
    return plain.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

} // namespace

bool writeCaptureArchive(const QList<RawCapture> &captures, const QString &path, QString *error)
{
    QTemporaryDir staging;
    if (!staging.isValid()) {
        *error = CoreTr::tr("Cannot create a temporary directory: %1").arg(staging.errorString());
        return false;
    }
    QByteArray tar;
    for (const RawCapture &capture : captures) {
        if (!isPlainName(capture.host) || capture.host.toUtf8().size() > 90) {
            *error =
                CoreTr::tr("The host name \"%1\" cannot name a directory in the archive.").arg(capture.host);
            return false;
        }
        const QString dir = QDir(staging.path()).filePath(capture.host);
        QString writeError;
        if (!writeCapture(capture, dir, &writeError)) {
            *error = writeError;
            return false;
        }
        const QByteArray host = capture.host.toUtf8();
        tar += header(host + '/', 0, '5');
        const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile file(QDir(dir).filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                *error = CoreTr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
                return false;
            }
            const QByteArray entry = host + '/' + name.toUtf8();
            if (entry.size() > 100) {
                *error = CoreTr::tr("The name %1 is too long for the archive.").arg(QString::fromUtf8(entry));
                return false;
            }
            const QByteArray content = file.readAll();
            tar += header(entry, content.size(), '0');
            tar += padded(content);
        }
    }
    tar += QByteArray(2 * blockSize, '\0');
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(tar) != tar.size() || !out.commit()) {
        *error = CoreTr::tr("Cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

bool isCaptureArchive(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray first = file.read(blockSize);
    return first.size() == blockSize && first.mid(257, 5) == "ustar";
}

CaptureSetReadResult readCaptureArchive(const QString &path)
{
    CaptureSetReadResult result;
    auto refuse = [&](const QString &why) {
        result.errors.append(CoreTr::tr("%1: %2").arg(path, why));
        result.failedDirectories.append(QFileInfo(path).completeBaseName());
        return result;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    if (file.size() > maxArchiveBytes)
        return refuse(CoreTr::tr("larger than 4 GiB"));
    QTemporaryDir unpacked;
    if (!unpacked.isValid())
        return refuse(unpacked.errorString());
    QStringList hosts;
    while (true) {
        const QByteArray h = file.read(blockSize);
        if (h.size() < blockSize)
            return refuse(CoreTr::tr("the archive ends in the middle of an entry"));
        if (h.count('\0') == blockSize)
            break; // the end
        if (h.mid(257, 5) != "ustar")
            return refuse(CoreTr::tr("not a tar archive (ustar)"));
        QByteArray name = h.left(100);
        name.truncate(name.indexOf('\0') < 0 ? 100 : name.indexOf('\0'));
        QByteArray prefix = h.mid(345, 155);
        prefix.truncate(prefix.indexOf('\0') < 0 ? 155 : prefix.indexOf('\0'));
        if (!prefix.isEmpty())
            name = prefix + '/' + name;
        const char type = h.at(156);
        const qint64 size = parseOctal(h.constData() + 124, 12);
        const QString entry = QString::fromUtf8(name);
        if (size < 0 || size > maxEntryBytes)
            return refuse(CoreTr::tr("the entry %1 is larger than 64 MiB").arg(entry));
        const QByteArray content = file.read((size + blockSize - 1) / blockSize * blockSize).left(size);
        if (content.size() != size)
            return refuse(CoreTr::tr("the archive ends in the middle of %1").arg(entry));
        QStringList parts = entry.split(QLatin1Char('/'));
        if (parts.size() > 1 && parts.constLast().isEmpty())
            parts.removeLast(); // "host/" of a directory entry
        if (!parts.isEmpty() && parts.constFirst() == QLatin1String("."))
            parts.removeFirst(); // "./host/file" as tar -C DIR . writes it
        const bool plain = std::all_of(parts.begin(), parts.end(), isPlainName);
        if (type == '5') {
            if (parts.size() > 1 || !plain)
                return refuse(CoreTr::tr("unexpected directory %1 (only <host>/<file>)").arg(entry));
            continue;
        }
        if (type != '0' && type != '\0')
            return refuse(CoreTr::tr("the entry %1 is not a regular file").arg(entry));
        if (parts.size() != 2 || !plain)
            return refuse(CoreTr::tr("unexpected entry %1 (only <host>/<file>)").arg(entry));
        const QString hostDir = QDir(unpacked.path()).filePath(parts.at(0));
        if (!QDir().mkpath(hostDir))
            return refuse(CoreTr::tr("cannot unpack %1").arg(entry));
        if (!hosts.contains(parts.at(0)))
            hosts.append(parts.at(0));
        QFile out(QDir(hostDir).filePath(parts.at(1)));
        if (out.exists() || !out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
            return refuse(CoreTr::tr("cannot unpack %1").arg(entry));
    }
    if (hosts.isEmpty())
        return refuse(CoreTr::tr("the archive holds no capture"));
    CaptureSetReadResult read = readCaptures(unpacked.path());
    // Errors name the temporary directory: name the archive instead.
    for (QString &e : read.errors)
        e.replace(unpacked.path(), path);
    for (QString &w : read.warnings)
        w.replace(unpacked.path(), path);
    return read;
}

CaptureSetReadResult readCaptureSource(const QString &path)
{
    if (isCaptureArchive(path))
        return readCaptureArchive(path);
    return readCapturesOrProbeResults(path);
}

} // namespace lw
