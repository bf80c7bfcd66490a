#pragma once

#include <QCoreApplication>

namespace lw {

// Translation context of src/core (finding titles and explanations, parser errors).
struct CoreTr
{
    Q_DECLARE_TR_FUNCTIONS(Layerwatch::Core)
};

} // namespace lw
