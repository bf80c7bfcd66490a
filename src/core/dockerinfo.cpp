#include "dockerinfo.h"

#include "coretr.h"
#include "dockerconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace lw {

namespace {

std::optional<bool> parseBool(const std::optional<QString> &text)
{
    if (!text)
        return std::nullopt;
    const QString value = text->trimmed();
    if (value.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

// Keeps an error message readable when the CLI printed a page of text.
QString excerpt(const QString &text)
{
    const QString simplified = text.simplified();
    return simplified.size() > 300 ? simplified.left(300) + u'…' : simplified;
}

std::optional<QString> driverStatusValue(const DockerInfo &info, QLatin1StringView key)
{
    for (const auto &pair : info.driverStatus) {
        if (pair.first == key)
            return pair.second;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> DockerInfo::backingFilesystem() const
{
    return driverStatusValue(*this, "Backing Filesystem"_L1);
}

std::optional<bool> DockerInfo::supportsDType() const
{
    return parseBool(driverStatusValue(*this, "Supports d_type"_L1));
}

std::optional<bool> DockerInfo::nativeOverlayDiff() const
{
    return parseBool(driverStatusValue(*this, "Native Overlay Diff"_L1));
}

std::optional<bool> DockerInfo::usingMetacopy() const
{
    return parseBool(driverStatusValue(*this, "Using metacopy"_L1));
}

bool DockerInfo::isOverlayDriver() const
{
    return driver == u"overlay2"_s || driver == u"overlayfs"_s;
}

DockerInfo parseDockerInfo(QByteArrayView json)
{
    DockerInfo info;
    QByteArrayView body = json;
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    const QString asText = QString::fromUtf8(body).trimmed();
    if (asText.isEmpty()) {
        info.error.message = CoreTr::tr("docker info printed nothing");
        return info;
    }
    // On failure the docker CLI prints prose (e.g. "Cannot connect to the Docker daemon at ..."), not JSON.
    if (!asText.startsWith(u'{') && !asText.startsWith(u'[')) {
        info.error.message = CoreTr::tr("docker info did not print JSON: %1").arg(excerpt(asText));
        return info;
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        info.error = parseErrorAtOffset(
            body, jsonError.offset,
            CoreTr::tr("docker info output is not valid JSON: %1").arg(jsonError.errorString()));
        return info;
    }
    if (!document.isObject()) {
        info.error.message = CoreTr::tr("docker info output is not a JSON object");
        return info;
    }
    const QJsonObject object = document.object();

    // Docker 23+ prints the client part even when the daemon is unreachable, with the reason in ServerErrors.
    const QJsonArray serverErrors = object.value(u"ServerErrors"_s).toArray();
    if (!serverErrors.isEmpty()) {
        QStringList messages;
        for (const QJsonValue &message : serverErrors)
            messages.append(message.toString());
        info.error.message =
            CoreTr::tr("docker info reported a daemon error: %1").arg(excerpt(messages.join(u"; "_s)));
        return info;
    }

    const auto wrongType = [&](const QString &key) {
        info.error.message = CoreTr::tr("docker info: unexpected type for \"%1\"").arg(key);
        return info;
    };
    const auto readString = [&](const QString &key, QString *out) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        *out = value.toString();
        return true;
    };
    for (const auto &[key, out] :
         {std::pair{u"Driver"_s, &info.driver}, std::pair{u"DockerRootDir"_s, &info.dockerRootDir},
          std::pair{u"ServerVersion"_s, &info.serverVersion},
          std::pair{u"KernelVersion"_s, &info.kernelVersion}}) {
        if (!readString(key, out))
            return wrongType(key);
    }
    if (!object.contains(u"Driver"_s)) {
        info.error.message = CoreTr::tr("docker info output has no \"Driver\": is it docker info JSON?");
        return info;
    }

    const QJsonValue status = object.value(u"DriverStatus"_s);
    if (!status.isUndefined() && !status.isNull()) {
        if (!status.isArray())
            return wrongType(u"DriverStatus"_s);
        for (const QJsonValue &entry : status.toArray()) {
            const QJsonArray pair = entry.toArray();
            if (!entry.isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
                return wrongType(u"DriverStatus"_s);
            info.driverStatus.append({pair.at(0).toString(), pair.at(1).toString()});
        }
    }

    const QJsonValue liveRestore = object.value(u"LiveRestoreEnabled"_s);
    if (!liveRestore.isUndefined() && !liveRestore.isNull()) {
        if (!liveRestore.isBool())
            return wrongType(u"LiveRestoreEnabled"_s);
        info.liveRestoreEnabled = liveRestore.toBool();
    }

    const QJsonValue warnings = object.value(u"Warnings"_s);
    if (!warnings.isUndefined() && !warnings.isNull()) {
        if (!warnings.isArray())
            return wrongType(u"Warnings"_s);
        for (const QJsonValue &warning : warnings.toArray()) {
            if (!warning.isString())
                return wrongType(u"Warnings"_s);
            info.warnings.append(warning.toString());
        }
    }
    info.valid = true;
    return info;
}

} // namespace lw
