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

// Auto's guess: ssh config only if its first meaningful line is Host/Match and every other line an ssh_config
// keyword (a host list whose first host is named "host" stays a host list); Ansible for [group] headers or
// ansible_* variables; else the simple list.
InventoryFormat detectInventoryFormat(QByteArrayView text);
Inventory parseInventory(QByteArrayView text, InventoryFormat format = InventoryFormat::Auto);

// Reads an inventory file. An ssh config has its Include lines followed as ssh does (globs; relative names in
// ~/.ssh, or /etc/ssh for a file there); an unreadable include is an error. When Auto saw a Host line but
// not an ssh config, notes say so. error: the file itself cannot be read (the inventory is then empty).
Inventory readInventoryFile(const QString &path, InventoryFormat format, QString *error = nullptr);

// Parses "[user@]host[:port]" (host may be "[v6]" or a bare IPv6 address). False with a message if bad.
bool parseHostSpec(const QString &spec, InventoryHost *host, QString *error);

} // namespace lw
