#pragma once

#include "finding.h"
#include "hostsnapshot.h"
#include "hoststatus.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace lw {

// One host in a report. The status string comes from the caller: analyze uses "ok" or "error", probe
// adds the SSH layer's own ("unreachable", "auth-failed", ...).
struct HostReport
{
    QString host;
    HostStatus status = HostStatus::Ok;
    QString error;         // translated; shown when not empty (e.g. why the host could not be read)
    HostSnapshot snapshot; // may be empty when status is an error
    Analysis analysis;
};

// The configured and running storage driver as the report shows it.

// The "hosts" element of one host (docs/findings.md describes the fields).
QJsonObject hostReportJson(const HostReport &report);
// {"hosts":[...]} as indented UTF-8 JSON.
QByteArray jsonReport(const QList<HostReport> &reports);
// The same from each host's element as hostReportJsonBytes wrote it, so that a caller with many hosts can
// write each as it comes and drop its snapshot (byte for byte the same report).
QByteArray hostReportJsonBytes(const HostReport &report);
QByteArray jsonReport(const QList<QByteArray> &hostObjects);
// jsonReport's bytes in pieces, each handed to write (a caller that prints them needs no copy of the whole).
void writeJsonReport(const QList<QByteArray> &hostObjects, const std::function<void(QByteArrayView)> &write);
// The same one host at a time, for a caller that has them in order as they come: the frame's head before
// the first, its end at finish() (an empty report when no host came). Byte for byte writeJsonReport's.
class JsonReportWriter
{
public:
    explicit JsonReportWriter(std::function<void(QByteArrayView)> write) : m_write(std::move(write)) {}
    void addHost(QByteArrayView hostObject);
    void finish();

private:
    std::function<void(QByteArrayView)> m_write;
    qsizetype m_hosts = 0;
};
// A readable, translated text report for terminals and e-mail; textReport is each host's in turn.
QString textReport(const QList<HostReport> &reports);
QString hostTextReport(const HostReport &report);

} // namespace lw
