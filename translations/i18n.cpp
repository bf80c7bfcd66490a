#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>

namespace lw {

namespace {
const QString resourceDir = QStringLiteral(":/i18n");
const QString baseName = QStringLiteral("layerwatch");

// The .qm files installed next to the program (share/layerwatch/translations, from the package or the
// tarball) come first, so that a corrected translation can be dropped in; the built-in copy otherwise.
QStringList translationDirs()
{
    QStringList dirs;
    if (QCoreApplication::instance()) {
        const QString installed = QDir(QCoreApplication::applicationDirPath())
                                      .filePath(QStringLiteral("../share/layerwatch/translations"));
        if (QFileInfo(installed).isDir())
            dirs.append(QDir::cleanPath(installed));
    }
    dirs.append(resourceDir);
    return dirs;
}
} // namespace

QStringList availableLanguages()
{
    QStringList languages;
    for (const QString &dir : translationDirs()) {
        const QStringList files = QDir(dir).entryList({baseName + QLatin1String("_*.qm")}, QDir::Files);
        for (const QString &file : files) {
            const QString language = file.mid(baseName.size() + 1).chopped(3);
            if (!languages.contains(language))
                languages.append(language);
        }
    }
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
    const QStringList dirs = translationDirs();
    if (std::none_of(dirs.begin(), dirs.end(), [&](const QString &dir) {
            return translator->load(locale, baseName, QStringLiteral("_"), dir);
        })) {
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
