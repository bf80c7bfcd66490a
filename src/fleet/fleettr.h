#pragma once

#include <QCoreApplication>

namespace lw {

// Translation context of src/fleet.
struct FleetTr
{
    Q_DECLARE_TR_FUNCTIONS(Layerwatch::Fleet)
};

} // namespace lw
