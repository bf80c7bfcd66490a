// Not a test: shows the remediation dialog (plan preview) or the batch panel with made-up data, for the
// screenshots in docs/screenshots/ (remediation-plan-<lang>.png, batch-panel-en.png).
// Usage: shot_remediation plan|approval|batch [--lang zh_CN] [--seconds N]
#include "batchpanel.h"
#include "i18n.h"
#include "mountinfo.h"
#include "mounttree.h"
#include "remediationdialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>

using namespace lw;
using namespace lw::gui;

namespace {

const char *const CoveredMountinfo =
    "1 0 253:0 / / rw,relatime shared:1 - ext4 /dev/mapper/dm-root rw,seclabel,data=ordered\n"
    "40 1 0:40 / /var/lib/docker/overlay2/844fd3bca8e6/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/JL5P,upperdir=/var/lib/docker/overlay2/844fd3bca8e6/diff,"
    "workdir=/var/lib/docker/overlay2/844fd3bca8e6/work\n"
    "41 1 0:41 / /var/lib/docker/overlay2/1348136d32aa/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/AAAA,upperdir=/var/lib/docker/overlay2/1348136d32aa/diff,"
    "workdir=/var/lib/docker/overlay2/1348136d32aa/work\n"
    "42 1 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw,relatime - ext4 /dev/mapper/dm-root "
    "rw,seclabel,data=ordered\n";

RemediationCandidate candidate(const QString &host, const QByteArray &mountinfo, const QStringList &findings)
{
    RemediationCandidate c;
    c.host.target.name = host;
    c.host.snapshot.host = host;
    c.host.snapshot.mounts.status = ProbeStatus::Ok;
    c.host.snapshot.mounts.value =
        MountTree::build(parseMountInfo(mountinfo).mounts, QStringLiteral("/var/lib/docker"));
    c.findingIds = findings;
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1, QStringLiteral("plan"));
    const int langIndex = args.indexOf(QStringLiteral("--lang"));
    const QString language = langIndex > 0 ? args.value(langIndex + 1) : QStringLiteral("en");
    const int secIndex = args.indexOf(QStringLiteral("--seconds"));
    const int seconds = secIndex > 0 ? args.value(secIndex + 1).toInt() : 30;
    QLocale::setDefault(QLocale(language == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                                language == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
    installTranslations(language);
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);

    if (mode == QLatin1String("batch")) {
        auto *panel = new BatchPanel;
        const QStringList hosts{QStringLiteral("node-01"), QStringLiteral("node-02"),
                                QStringLiteral("node-03"), QStringLiteral("node-04"),
                                QStringLiteral("node-05"), QStringLiteral("node-06")};
        const RemediationCatalog catalog = loadRemediationCatalog();
        panel->attach(nullptr, catalog.script(QStringLiteral("fix-shadowed-mounts"))->title(), hosts);
        panel->resize(1180, 760);
        panel->setWindowTitle(QStringLiteral("Layerwatch"));
        panel->move(20, 20);
        panel->show();
        auto result = [](const QString &host, HostRunState state, int exit, qint64 ms, const QString &verif,
                         const QString &message = QString()) {
            HostRunResult r;
            r.host = host;
            r.state = state;
            r.exitKnown = exit >= 0;
            r.exitStatus = exit;
            r.durationMs = ms;
            r.verification = verif;
            r.message = message;
            return r;
        };
        panel->onHostFinished(result(hosts[0], HostRunState::Verified, 0, 8400, QStringLiteral("gone")));
        panel->onHostFinished(result(hosts[1], HostRunState::Verified, 0, 7900, QStringLiteral("gone")));
        panel->onHostFinished(result(hosts[2], HostRunState::Failed, 3, 2100, QString(),
                                     QStringLiteral("mount 42 changed since the probe")));
        panel->onHostFinished(result(hosts[3], HostRunState::OutcomeUnknown, -1, 31000, QString(),
                                     QStringLiteral("connection lost")));
        panel->onHostStateChanged(hosts[4], HostRunState::Running, QString());
        panel->onProgress(4, 6);
        panel->showHostOutput(hosts[4]);
        QByteArray out = "LW-PGID 4711\nlayerwatch: graph driver is overlay2\n";
        for (int i = 0; i < 40; ++i)
            out += "layerwatch: container " + QByteArray::number(0x844fd3 + i, 16) + " restarted\n";
        panel->onHostOutput(hosts[4], ssh::OutputStream::Stdout, out);
        panel->onHostOutput(hosts[4], ssh::OutputStream::Stderr,
                            "Error response from daemon: container is restarting, wait\n");
        panel->onHostOutput(hosts[4], ssh::OutputStream::Stdout, "layerwatch: restarting docker\n");
        return app.exec();
    }

    QList<RemediationCandidate> candidates;
    for (int i = 1; i <= 5; ++i)
        candidates.append(candidate(QStringLiteral("node-0%1").arg(i), CoveredMountinfo,
                                    {QStringLiteral("shadowed-overlay-mounts")}));
    QByteArray nested(CoveredMountinfo);
    nested += "43 1 0:50 / /var/lib/docker rw - tmpfs tmpfs rw\n";
    candidates[1] = candidate(QStringLiteral("node-02"), nested, {QStringLiteral("shadowed-overlay-mounts")});
    candidates.append(candidate(QStringLiteral("node-06"),
                                "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
                                "40 1 0:40 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay rw\n",
                                {QStringLiteral("shadowed-overlay-mounts")}));
    auto *dialog = new RemediationDialog(loadRemediationCatalog(), candidates);
    dialog->resize(1180, 800);
    dialog->move(20, 20);
    dialog->show();
    dialog->showPage(mode == QLatin1String("approval") ? RemediationDialog::ApprovalPage
                     : mode == QLatin1String("script") ? RemediationDialog::ScriptPage
                     : mode == QLatin1String("hosts")  ? RemediationDialog::HostsPage
                                                       : RemediationDialog::PreviewPage);
    if (mode == QLatin1String("approval"))
        dialog->typedCountEdit()->setText(QStringLiteral("5"));
    return app.exec();
}
