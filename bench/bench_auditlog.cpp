// How long the audit log viewer takes to open a big log and to filter it as an operator types: a log of N
// records (default 100,000: a year of weekly repair rounds on a 2,000-host fleet, started/finished per
// host) is written, the viewer opens it, and a filter is typed one character at a time. Prints the figures;
// not a test.   bench_auditlog [records=100000] [--shot FILE.png]   (QT_QPA_PLATFORM=offscreen, or under
// Xvfb;
// --shot saves the viewer, filtered, as the run ends)
#include "auditlogviewer.h"
#include "i18n.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int n = 100000;
    QString shotFile;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--shot") && i + 1 < args.size())
            shotFile = args.at(++i);
        else if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            lw::installTranslations(args.at(++i));
        else
            n = std::max(1, args.at(i).toInt());
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        for (int i = 0; i < n; ++i) {
            QJsonObject r{
                {QStringLiteral("time"), QStringLiteral("2026-%1-%2T10:%3:%4.123Z")
                                             .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                                             .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                                             .arg(i % 60, 2, 10, QLatin1Char('0'))
                                             .arg(i / 60 % 60, 2, 10, QLatin1Char('0'))},
                {QStringLiteral("user"), QStringLiteral("admin")},
                {QStringLiteral("host"),
                 QStringLiteral("node-%1").arg(i / 2 % 2000, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("event"), i % 2 ? QStringLiteral("finished") : QStringLiteral("started")},
                {QStringLiteral("script"), QStringLiteral("fix-shadowed-mounts")},
                {QStringLiteral("scriptSha256"), QStringLiteral("9f2c4e1a7b3d5f60")},
                {QStringLiteral("mode"), QStringLiteral("run")},
                {QStringLiteral("approval"),
                 QJsonObject{{QStringLiteral("how"), QStringLiteral("typed-count")},
                             {QStringLiteral("typedHostCount"), 40},
                             {QStringLiteral("by"), QStringLiteral("admin")}}}};
            if (i % 2) {
                r.insert(QStringLiteral("exitStatus"), i % 97 ? 0 : 1);
                r.insert(QStringLiteral("state"),
                         i % 97 ? QStringLiteral("succeeded") : QStringLiteral("failed"));
            }
            file.write(QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n');
        }
    }
    QElapsedTimer timer;
    timer.start();
    lw::gui::AuditLogViewer viewer(path);
    std::printf("%d records: opened in %lld ms, %d shown\n", n, timer.elapsed(), viewer.visibleCount());
    const QString typed = QStringLiteral("node-1234");
    qint64 worst = 0, total = 0;
    for (qsizetype k = 1; k <= typed.size(); ++k) {
        timer.restart();
        viewer.setFilterText(typed.left(k));
        app.processEvents();
        const qint64 ms = timer.elapsed();
        worst = std::max(worst, ms);
        total += ms;
    }
    std::printf(
        "typing \"%s\" one character at a time: %lld ms in all, the slowest keystroke %lld ms, %d shown\n",
        qPrintable(typed), total, worst, viewer.visibleCount());
    timer.restart();
    viewer.setFilterText(QString());
    app.processEvents();
    std::printf("clearing the filter: %lld ms, %d shown\n", timer.elapsed(), viewer.visibleCount());
    if (!shotFile.isEmpty()) {
        viewer.setFilterText(QStringLiteral("node-0042"));
        viewer.show();
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 500)
            app.processEvents();
        if (!viewer.grab().save(shotFile))
            return 1;
    }
    return 0;
}
