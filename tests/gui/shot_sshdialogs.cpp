// Not a test: the sweep's host-key dialog and the SSH settings dialog with made-up keys, saved as PNG for a
// look (docs/screenshots/). Usage: shot_sshdialogs hostkeys|sshsettings --out FILE.png [--lang zh_CN]
#include "hostkeydialog.h"
#include "i18n.h"
#include "sshsettingsdialog.h"

#include <QApplication>
#include <QLocale>
#include <QPixmap>

using namespace lw::gui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1, QStringLiteral("hostkeys"));
    const QString language = args.value(args.indexOf(QStringLiteral("--lang")) + 1, QStringLiteral("en"));
    const QString out = args.value(args.indexOf(QStringLiteral("--out")) + 1, mode + QStringLiteral(".png"));
    const bool chinese = language == QLatin1String("zh_CN");
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                : QLocale(QLocale::English, QLocale::UnitedStates));
    lw::installTranslations(chinese ? language : QStringLiteral("en"));

    QDialog *dialog = nullptr;
    if (mode == QLatin1String("sshsettings")) {
        SshSettings settings;
        settings.identityFiles = {QStringLiteral("/home/ops/.ssh/id_ed25519"),
                                  QStringLiteral("/home/ops/.ssh/fleet_rsa")};
        settings.knownHostsFile = QStringLiteral("/srv/layerwatch/known_hosts");
        settings.defaultUser = QStringLiteral("ops");
        auto *d = new SshSettingsDialog(settings,
                                        QStringLiteral("/home/ops/.local/share/layerwatch/layerwatch.ini"));
        d->setHost(QStringLiteral("euler-node-07"));
        dialog = d;
    } else {
        QList<HostKeyQuestion> questions;
        lw::ssh::HostKeyInfo changed;
        changed.keyType = QStringLiteral("ssh-ed25519");
        changed.fingerprintSha256 = QStringLiteral("SHA256:9xq0Lk3c0pQ2l7Qm1H5bqK3w0x4uJm6rV8y2cT1aZ0E");
        changed.knownHostsHost = QStringLiteral("db-03.prod");
        changed.knownFingerprints = {
            QStringLiteral("ssh-ed25519 SHA256:pZOAR7Ne4E2UNxjK23d76K54TDkbEx2o2Mo50yJtrfA")};
        questions.append({QStringLiteral("db-03.prod"), changed, HostKeyQuestion::Kind::Changed});
        const QStringList fingerprints = {
            QStringLiteral("SHA256:HK+20R4jerNoOAB/qU4FqAB3yT72zl7aSMbb+FPa0SY"),
            QStringLiteral("SHA256:V3ZyWq1Nf0sKp6hOa2Bd9Lx8cRt5eGm4iUj7yTn1QwE"),
            QStringLiteral("SHA256:b7Kc2Xn9Pq4Lr1Ms8Tv6Wy3Za5Ed0Hf2Jg7Ui9Ok4Ql")};
        for (int i = 0; i < fingerprints.size(); ++i) {
            lw::ssh::HostKeyInfo key;
            key.keyType = QStringLiteral("ssh-ed25519");
            key.fingerprintSha256 = fingerprints.at(i);
            key.knownHostsHost =
                i == 2 ? QStringLiteral("[10.20.0.14]:2222") : QStringLiteral("web-0%1.prod").arg(i + 1);
            questions.append({key.knownHostsHost, key, HostKeyQuestion::Kind::Unknown});
        }
        dialog = new HostKeyDialog(questions, QStringLiteral("/srv/layerwatch/known_hosts"));
    }
    dialog->show();
    dialog->adjustSize();
    app.processEvents();
    return dialog->grab().save(out) ? 0 : 1;
}
