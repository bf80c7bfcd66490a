#pragma once

#include <QString>
#include <QStringList>

namespace lw {

// Languages with an embedded translation (":/i18n/layerwatch_<lang>.qm"), e.g. "en", "zh_CN".
QStringList availableLanguages();

// Installs the Layerwatch translation (and Qt's own, when installed) into the running application.
// language: "zh_CN", "en", ... or empty for the system locale. Returns the language loaded, or an
// empty string when none matched (the English source texts are used then).
QString installTranslations(const QString &language = QString());

} // namespace lw
