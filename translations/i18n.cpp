#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lw {

namespace {
const QString resourceDir = QStringLiteral(":/i18n");
const QString baseName = QStringLiteral("layerwatch");
} // namespace

QStringList availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(resourceDir).entryList({baseName + QLatin1String("_*.qm")}, QDir::Files);
    for (const QString &file : files)
        languages.append(file.mid(baseName.size() + 1).chopped(3));
    return languages;
}

QString installTranslations(const QString &language)
{
    QCoreApplication *app = QCoreApplication::instance();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    // Parented to the application so that they live as long as it does.
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, baseName, QStringLiteral("_"), resourceDir)) {
        delete translator;
        return QString();
    }
    QCoreApplication::installTranslator(translator);

    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    const QString file = translator->filePath();
    return QFileInfo(file).completeBaseName().mid(baseName.size() + 1);
}

} // namespace lw
