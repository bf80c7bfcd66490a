#pragma once

#include <QCoreApplication>

namespace lw::ssh {

// Translation context of src/ssh.
struct SshTr
{
    Q_DECLARE_TR_FUNCTIONS(Layerwatch::Ssh)
};

} // namespace lw::ssh
