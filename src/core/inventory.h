#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// One host to probe as an inventory names it. Empty/zero fields are left to ~/.ssh/config and defaults.
struct InventoryHost
{
    QString name;     // as written (the Ansible inventory name, the ssh config alias, or the address)
    QString hostName; // address to connect to; empty: name
    int port = 0;     // 0: not given
    QString user;     // empty: not given
    QStringList tags; // groups / words after the host; sorted, unique
    int line = 0;     // 1-based line of its first mention

    QString address() const { return hostName.isEmpty() ? name : hostName; }
};

enum class InventoryFormat {
    Auto,      // guessed from the content (see detectInventoryFormat)
    Simple,    // one host a line: [user@]host[:port] [tag ...]; IPv6 as [::1]:22; # comments
    Ansible,   // Ansible INI: [group], host ansible_host=.. ansible_port=.. ansible_user=.., :vars, :children
    SshConfig, // ~/.ssh/config: the concrete names of Host lines (no patterns)
};

struct Inventory
{
    QList<InventoryHost> hosts; // duplicates (same user, address, port) merged, tags unioned; in file order
    QList<ParseError> errors;   // bad lines are skipped and reported; the rest is kept
    QList<ParseError> notes;    // translated: entries merged as duplicates of an earlier line
};

InventoryFormat detectInventoryFormat(QByteArrayView text);
Inventory parseInventory(QByteArrayView text, InventoryFormat format = InventoryFormat::Auto);

// Parses "[user@]host[:port]" (host may be "[v6]" or a bare IPv6 address). False with a message if bad.
bool parseHostSpec(const QString &spec, InventoryHost *host, QString *error);

} // namespace lw
