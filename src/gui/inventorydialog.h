#pragma once

#include "inventory.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace lw::gui {

// The console's own inventory file (JSON in the app data dir): lossless for alias names, addresses,
// ports, users and tags, whatever format the hosts were imported from.
[[nodiscard]] bool saveInventoryFile(const QString &path, const QList<InventoryHost> &hosts, QString *error);
QList<InventoryHost> loadInventoryFile(const QString &path, QString *error);
// Imports any inventory format parseInventory() understands (plain list, Ansible INI, ~/.ssh/config).
Inventory importInventoryFile(const QString &path, QString *error);
// Adds hosts to an inventory; a host with the same user, address and port as one already there is merged
// into it (tags unioned), not added twice. Returns how many were new.
int mergeInventoryHosts(QList<InventoryHost> &into, const QList<InventoryHost> &added);

// Add, edit and remove hosts and their tags; import from ~/.ssh/config, Ansible INI, CSV or a plain list.
class InventoryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit InventoryDialog(const QList<InventoryHost> &hosts, QWidget *parent = nullptr);

    // The edited list; duplicates merged.
    QList<InventoryHost> hosts() const;
    // Imports a file into the list (also used by File > Import inventory). Returns false with a message
    // if nothing could be read; bad lines are reported and the rest is kept.
    bool importFile(const QString &path, QString *report);
    // Makes the host's row current (its address selected), e.g. from a host's "SSH settings" button.
    void selectHost(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setHosts(const QList<InventoryHost> &hosts);
    void addRow(const InventoryHost &host);
    void importClicked();
    void importSshConfigClicked();
    void updateCount();

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_importSsh = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_messages = nullptr;
};

} // namespace lw::gui
