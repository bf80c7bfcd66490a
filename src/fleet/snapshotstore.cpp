#include "snapshotstore.h"

#include "coretr.h"

#include <QAtomicInt>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lw {

namespace {

QAtomicInt g_connectionCounter;

// Blob format: magic + stream version, then the capture, zlib-compressed (mountinfo compresses ~10x).
constexpr quint32 CaptureMagic = 0x4c574331; // "LWC1"

QVariant nullableInt(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString asideSuffix(const QString &kind)
{
    return QStringLiteral(".%1-%2").arg(
        kind, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

// Renames path (and SQLite's -wal/-shm/-journal companions) aside; returns the new name or empty on failure.
QString moveAside(const QString &path, const QString &kind)
{
    QString target = path + asideSuffix(kind);
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = path + asideSuffix(kind) + QStringLiteral("-%1").arg(n);
    if (!QFile::rename(path, target))
        return {};
    for (const char *companion : {"-wal", "-shm", "-journal"}) {
        const QString from = path + QLatin1String(companion);
        if (QFileInfo::exists(from))
            QFile::rename(from, target + QLatin1String(companion));
    }
    return target;
}

StoredSnapshot readRow(const QSqlQuery &q, bool withCapture)
{
    StoredSnapshot s;
    s.host = q.value(0).toString();
    s.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    s.status = hostStatusFromName(q.value(2).toString()).value_or(HostStatus::Error);
    s.message = q.value(3).toString();
    if (!q.value(4).isNull())
        s.worstSeverity = Severity(qBound(0, q.value(4).toInt(), 2));
    const QString ids = q.value(5).toString();
    if (!ids.isEmpty())
        s.findingIds = ids.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    s.unknownChecks = q.value(6).toInt();
    s.dockerRootSize = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
    s.dockerRootUsed = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
    s.dockerRootAvailable = q.value(9).isNull() ? -1 : q.value(9).toLongLong();
    if (withCapture) {
        if (auto capture = SnapshotStore::decodeCapture(q.value(10).toByteArray()))
            s.capture = *capture;
        if (s.capture.host.isEmpty())
            s.capture.host = s.host;
    }
    return s;
}

} // namespace

void summarize(StoredSnapshot &stored, const HostSnapshot &snapshot, const Analysis &analysis)
{
    stored.worstSeverity = analysis.worstSeverity();
    stored.findingIds.clear();
    for (const Finding &finding : analysis.findings) {
        if (!stored.findingIds.contains(finding.id))
            stored.findingIds.append(finding.id);
    }
    stored.unknownChecks = analysis.unknownCount();
    stored.dockerRootSize = stored.dockerRootUsed = stored.dockerRootAvailable = -1;
    if (snapshot.disks.isOk()) {
        if (const DiskUsage *row = snapshot.disks.value.filesystemOf(snapshot.dockerRoot())) {
            stored.dockerRootSize = row->size;
            stored.dockerRootUsed = row->used;
            stored.dockerRootAvailable = row->available;
        }
    }
}

SnapshotStore::SnapshotStore()
    : m_connectionName(
          QStringLiteral("layerwatch-snapshots-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{}

SnapshotStore::~SnapshotStore()
{
    close();
}

bool SnapshotStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

void SnapshotStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreOpenResult SnapshotStore::open(const QString &path)
{
    close();
    m_path = path;
    StoreOpenResult result;
    const bool existed = QFileInfo::exists(path) && QFileInfo(path).size() > 0;

    enum class Check { Good, Corrupt, Newer, Failed };
    QString detail;
    int foundVersion = 0;
    auto openAndCheck = [&]() -> Check {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            detail = db.lastError().text();
            return Check::Failed;
        }
        QSqlQuery q(db);
        // A file that is not SQLite fails here ("file is not a database"); a damaged one fails quick_check.
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
            detail = q.lastError().text();
            return Check::Corrupt;
        }
        if (q.value(0).toString() != QLatin1String("ok")) {
            detail = q.value(0).toString();
            return Check::Corrupt;
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            detail = q.lastError().text();
            return Check::Corrupt;
        }
        foundVersion = q.value(0).toInt();
        if (foundVersion > SchemaVersion)
            return Check::Newer;
        if (foundVersion == SchemaVersion)
            return Check::Good;
        // Version 0: a new (empty) file. Anything else in it means it is not ours.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
            detail = q.lastError().text();
            return Check::Corrupt;
        }
        if (q.value(0).toInt() != 0) {
            detail = CoreTr::tr("it has no Layerwatch schema version");
            return Check::Corrupt;
        }
        const QStringList schema = {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("CREATE TABLE snapshots ("
                           " id INTEGER PRIMARY KEY,"
                           " sweep INTEGER NOT NULL,"
                           " host TEXT NOT NULL,"
                           " time INTEGER NOT NULL,"
                           " status TEXT NOT NULL,"
                           " message TEXT,"
                           " worst_severity INTEGER,"
                           " finding_ids TEXT,"
                           " unknown_checks INTEGER NOT NULL DEFAULT 0,"
                           " root_size INTEGER, root_used INTEGER, root_available INTEGER,"
                           " capture BLOB)"),
            QStringLiteral("CREATE INDEX snapshots_host_id ON snapshots(host, id)"),
            QStringLiteral("CREATE TABLE sweeps (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, hosts "
                           "INTEGER NOT NULL)"),
            QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion),
        };
        for (const QString &statement : schema) {
            if (!q.exec(statement)) {
                detail = q.lastError().text();
                return Check::Failed;
            }
        }
        return Check::Good;
    };

    Check check = openAndCheck();
    if (check == Check::Good) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        result.outcome = existed ? StoreOpenResult::Outcome::Opened : StoreOpenResult::Outcome::Created;
        return result;
    }
    close();
    if (check == Check::Failed) {
        result.outcome = StoreOpenResult::Outcome::Failed;
        result.message = CoreTr::tr("Cannot open the snapshot database %1: %2").arg(path, detail);
        return result;
    }

    const QString aside =
        moveAside(path, check == Check::Newer ? QStringLiteral("newer") : QStringLiteral("corrupt"));
    if (aside.isEmpty()) {
        result.outcome = StoreOpenResult::Outcome::Failed;
        result.message =
            CoreTr::tr(
                "The snapshot database %1 cannot be used and cannot be renamed aside; it was left untouched.")
                .arg(path);
        return result;
    }
    result.keptAsidePath = aside;
    if (check == Check::Newer) {
        result.outcome = StoreOpenResult::Outcome::NewerVersionKeptAside;
        result.message = CoreTr::tr("The snapshot database %1 was written by a newer Layerwatch (schema %2, "
                                    "this version reads %3). "
                                    "It was kept as %4 and a new database was started.")
                             .arg(path)
                             .arg(foundVersion)
                             .arg(SchemaVersion)
                             .arg(aside);
    } else {
        result.outcome = StoreOpenResult::Outcome::CorruptKeptAside;
        result.message =
            CoreTr::tr(
                "The snapshot database %1 is damaged (%2). It was kept as %3 and a new database was started.")
                .arg(path, detail, aside);
    }
    if (openAndCheck() != Check::Good) {
        close();
        result.outcome = StoreOpenResult::Outcome::Failed;
        result.message += QLatin1Char(' ') + CoreTr::tr("Creating the new database failed: %1").arg(detail);
    }
    return result;
}

bool SnapshotStore::writeSweep(const QList<StoredSnapshot> &snapshots, QString *error)
{
    if (!isOpen()) {
        setError(error, CoreTr::tr("The snapshot database is not open."));
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        setError(error, db.lastError().text());
        return false;
    }
    auto fail = [&](const QSqlQuery &q) {
        setError(
            error,
            CoreTr::tr("Writing the sweep to the snapshot database failed: %1").arg(q.lastError().text()));
        db.rollback();
        return false;
    };
    QSqlQuery sweep(db);
    sweep.prepare(QStringLiteral("INSERT INTO sweeps (time, hosts) VALUES (?, ?)"));
    sweep.addBindValue(QDateTime::currentMSecsSinceEpoch());
    sweep.addBindValue(int(snapshots.size()));
    if (!sweep.exec())
        return fail(sweep);
    const qint64 sweepId = sweep.lastInsertId().toLongLong();

    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO snapshots (sweep, host, time, status, message, worst_severity, finding_ids,"
        " unknown_checks, root_size, root_used, root_available, capture)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const StoredSnapshot &s : snapshots) {
        q.addBindValue(sweepId);
        q.addBindValue(s.host);
        q.addBindValue((s.time.isValid() ? s.time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
        q.addBindValue(hostStatusName(s.status));
        q.addBindValue(s.message);
        q.addBindValue(s.worstSeverity ? QVariant(int(*s.worstSeverity))
                                       : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(s.findingIds.join(QLatin1Char(' ')));
        q.addBindValue(s.unknownChecks);
        q.addBindValue(nullableInt(s.dockerRootSize));
        q.addBindValue(nullableInt(s.dockerRootSize < 0 ? -1 : s.dockerRootUsed));
        q.addBindValue(nullableInt(s.dockerRootSize < 0 ? -1 : s.dockerRootAvailable));
        q.addBindValue(s.capture.probes.isEmpty() ? QByteArray() : encodeCapture(s.capture));
        if (!q.exec())
            return fail(q);
    }
    if (!db.commit()) {
        setError(error, db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

QList<StoredSnapshot> SnapshotStore::lastSnapshots(QString *error) const
{
    QList<StoredSnapshot> result;
    if (!isOpen()) {
        setError(error, CoreTr::tr("The snapshot database is not open."));
        return result;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT host, time, status, message, worst_severity, finding_ids, unknown_checks,"
                           " root_size, root_used, root_available, capture FROM snapshots"
                           " WHERE id IN (SELECT max(id) FROM snapshots GROUP BY host) ORDER BY host"))) {
        setError(error, q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(readRow(q, true));
    return result;
}

QList<DiskHistoryPoint> SnapshotStore::diskHistory(const QString &host, QString *error) const
{
    QList<DiskHistoryPoint> result;
    if (!isOpen()) {
        setError(error, CoreTr::tr("The snapshot database is not open."));
        return result;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT time, root_size, root_used, root_available FROM snapshots"
                             " WHERE host = ? AND root_size IS NOT NULL ORDER BY time, id"));
    q.addBindValue(host);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return result;
    }
    while (q.next()) {
        DiskHistoryPoint p;
        p.time = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        p.size = q.value(1).toLongLong();
        p.used = q.value(2).toLongLong();
        p.available = q.value(3).toLongLong();
        result.append(p);
    }
    return result;
}

int SnapshotStore::snapshotCount(const QString &host) const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (host.isEmpty()) {
        q.exec(QStringLiteral("SELECT count(*) FROM snapshots"));
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM snapshots WHERE host = ?"));
        q.addBindValue(host);
        q.exec();
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool SnapshotStore::removeHost(const QString &host, QString *error)
{
    if (!isOpen()) {
        setError(error, CoreTr::tr("The snapshot database is not open."));
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE host = ?"));
    q.addBindValue(host);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    return true;
}

bool SnapshotStore::pruneCaptures(int keepPerHost, QString *error)
{
    if (!isOpen()) {
        setError(error, CoreTr::tr("The snapshot database is not open."));
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "UPDATE snapshots SET capture = NULL WHERE capture IS NOT NULL AND"
        " (SELECT count(*) FROM snapshots n WHERE n.host = snapshots.host AND n.id > snapshots.id) >= ?"));
    q.addBindValue(qMax(0, keepPerHost));
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    return true;
}

QByteArray SnapshotStore::encodeCapture(const RawCapture &capture)
{
    QByteArray plain;
    {
        QDataStream out(&plain, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << capture.host << capture.collectedAt << qint32(capture.probes.size());
        for (auto it = capture.probes.cbegin(); it != capture.probes.cend(); ++it) {
            const ProbeOutput &p = it.value();
            out << it.key() << probeStatusName(p.status) << p.output << p.errorOutput << qint32(p.exitCode)
                << qint64(p.durationMs) << p.truncated;
        }
    }
    QByteArray blob;
    {
        QDataStream header(&blob, QIODevice::WriteOnly);
        header << CaptureMagic;
    }
    blob += qCompress(plain, 6);
    return blob;
}

std::optional<RawCapture> SnapshotStore::decodeCapture(const QByteArray &blob)
{
    if (blob.size() < 4)
        return std::nullopt;
    quint32 magic = 0;
    {
        QDataStream header(blob);
        header >> magic;
    }
    if (magic != CaptureMagic)
        return std::nullopt;
    const QByteArray plain = qUncompress(blob.mid(4));
    if (plain.isEmpty())
        return std::nullopt;
    QDataStream in(plain);
    in.setVersion(QDataStream::Qt_6_4);
    RawCapture capture;
    qint32 count = 0;
    in >> capture.host >> capture.collectedAt >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString id, status;
        ProbeOutput p;
        qint32 exitCode = -1;
        qint64 duration = -1;
        in >> id >> status >> p.output >> p.errorOutput >> exitCode >> duration >> p.truncated;
        p.status = probeStatusFromName(status);
        p.exitCode = exitCode;
        p.durationMs = duration;
        capture.probes.insert(id, p);
    }
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return capture;
}

} // namespace lw
