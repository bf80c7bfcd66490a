#include "inventorydialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

enum InventoryColumn { ColName, ColAddress, ColPort, ColUser, ColTags, ColCount };

QString hostKey(const InventoryHost &h)
{
    return h.user + QLatin1Char('@') + h.address().toLower() + QLatin1Char(':') + QString::number(h.port);
}

QStringList splitTags(const QString &text)
{
    QString t = text;
    t.replace(QLatin1Char(','), QLatin1Char(' '));
    QStringList tags = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    tags.sort();
    tags.removeDuplicates();
    return tags;
}

} // namespace

bool saveInventoryFile(const QString &path, const QList<InventoryHost> &hosts, QString *error)
{
    QJsonArray array;
    for (const InventoryHost &h : hosts) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), h.name);
        if (!h.hostName.isEmpty())
            o.insert(QStringLiteral("hostName"), h.hostName);
        if (h.port > 0)
            o.insert(QStringLiteral("port"), h.port);
        if (!h.user.isEmpty())
            o.insert(QStringLiteral("user"), h.user);
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(h.tags));
        array.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), 1);
    root.insert(QStringLiteral("hosts"), array);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = InventoryDialog::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) {
        if (error)
            *error = InventoryDialog::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QList<InventoryHost> loadInventoryFile(const QString &path, QString *error)
{
    QList<InventoryHost> hosts;
    QFile file(path);
    if (!file.exists())
        return hosts;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = InventoryDialog::tr("Cannot read %1: %2").arg(path, file.errorString());
        return hosts;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject()) {
        if (error)
            *error = InventoryDialog::tr("%1 is not a Layerwatch inventory: %2")
                         .arg(path, parseError.errorString());
        return hosts;
    }
    const QJsonArray array = doc.object().value(QStringLiteral("hosts")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        InventoryHost h;
        h.name = o.value(QStringLiteral("name")).toString();
        if (h.name.isEmpty())
            continue;
        h.hostName = o.value(QStringLiteral("hostName")).toString();
        h.port = o.value(QStringLiteral("port")).toInt();
        h.user = o.value(QStringLiteral("user")).toString();
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray())
            h.tags.append(t.toString());
        hosts.append(h);
    }
    return hosts;
}

Inventory importInventoryFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = InventoryDialog::tr("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QByteArray text = file.readAll();
    // CSV: "host,tag,tag" or "host;tag" lines become the plain format.
    const InventoryFormat format = detectInventoryFormat(text);
    if (format == InventoryFormat::Simple || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        if (text.contains(',') || text.contains(';')) {
            text.replace(',', ' ');
            text.replace(';', ' ');
            text.replace('"', ' ');
        }
        return parseInventory(text, InventoryFormat::Simple);
    }
    return parseInventory(text, format);
}

int mergeInventoryHosts(QList<InventoryHost> &into, const QList<InventoryHost> &added)
{
    QHash<QString, int> index;
    for (int i = 0; i < into.size(); ++i)
        index.insert(hostKey(into.at(i)), i);
    int newCount = 0;
    for (const InventoryHost &h : added) {
        const auto it = index.constFind(hostKey(h));
        if (it != index.cend()) {
            InventoryHost &existing = into[it.value()];
            for (const QString &tag : h.tags) {
                if (!existing.tags.contains(tag))
                    existing.tags.append(tag);
            }
            existing.tags.sort();
            continue;
        }
        index.insert(hostKey(h), int(into.size()));
        into.append(h);
        ++newCount;
    }
    return newCount;
}

InventoryDialog::InventoryDialog(const QList<InventoryHost> &hosts, QWidget *parent) : QDialog(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColCount, this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    m_import = new QPushButton(this);
    m_importSsh = new QPushButton(this);
    m_count = new QLabel(this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addSpacing(16);
    buttons->addWidget(m_import);
    buttons->addWidget(m_importSsh);
    buttons->addStretch();
    buttons->addWidget(m_count);
    layout->addLayout(buttons);

    m_messages = new QLabel(this);
    m_messages->setWordWrap(true);
    m_messages->setTextFormat(Qt::PlainText);
    m_messages->hide();
    layout->addWidget(m_messages);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    connect(m_add, &QPushButton::clicked, this, [this] {
        InventoryHost h;
        addRow(h);
        m_table->setCurrentCell(m_table->rowCount() - 1, ColName);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, ColName));
        updateCount();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            m_table->removeRow(row);
        updateCount();
    });
    connect(m_import, &QPushButton::clicked, this, &InventoryDialog::importClicked);
    connect(m_importSsh, &QPushButton::clicked, this, &InventoryDialog::importSshConfigClicked);

    setHosts(hosts);
    resize(820, 520);
    retranslateUi();
}

void InventoryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void InventoryDialog::retranslateUi()
{
    setWindowTitle(tr("Inventory"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Address"), tr("Port"), tr("User"), tr("Tags")});
    m_add->setText(tr("Add host"));
    m_remove->setText(tr("Remove"));
    m_import->setText(tr("Import file..."));
    m_import->setToolTip(tr("Plain list ([user@]host[:port] tag...), CSV, or Ansible INI inventory"));
    m_importSsh->setText(tr("Import ~/.ssh/config"));
    updateCount();
}

void InventoryDialog::setHosts(const QList<InventoryHost> &hosts)
{
    m_table->setRowCount(0);
    for (const InventoryHost &h : hosts)
        addRow(h);
    m_table->resizeColumnsToContents();
    updateCount();
}

void InventoryDialog::selectHost(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, ColName) && m_table->item(row, ColName)->text() == name) {
            m_table->setCurrentCell(row, ColAddress);
            m_table->scrollToItem(m_table->item(row, ColName));
            return;
        }
    }
}

void InventoryDialog::addRow(const InventoryHost &h)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, ColName, new QTableWidgetItem(h.name));
    m_table->setItem(row, ColAddress, new QTableWidgetItem(h.hostName));
    m_table->setItem(row, ColPort, new QTableWidgetItem(h.port > 0 ? QString::number(h.port) : QString()));
    m_table->setItem(row, ColUser, new QTableWidgetItem(h.user));
    m_table->setItem(row, ColTags, new QTableWidgetItem(h.tags.join(QLatin1Char(' '))));
}

void InventoryDialog::updateCount()
{
    m_count->setText(tr("%n host(s)", nullptr, m_table->rowCount()));
}

QList<InventoryHost> InventoryDialog::hosts() const
{
    QList<InventoryHost> rows;
    auto text = [this](int row, int col) {
        const QTableWidgetItem *item = m_table->item(row, col);
        return item ? item->text().trimmed() : QString();
    };
    for (int row = 0; row < m_table->rowCount(); ++row) {
        InventoryHost h;
        h.name = text(row, ColName);
        if (h.name.isEmpty())
            continue;
        h.hostName = text(row, ColAddress);
        h.port = text(row, ColPort).toInt();
        if (h.port < 0 || h.port > 65535)
            h.port = 0;
        h.user = text(row, ColUser);
        h.tags = splitTags(text(row, ColTags));
        rows.append(h);
    }
    QList<InventoryHost> merged;
    mergeInventoryHosts(merged, rows);
    return merged;
}

bool InventoryDialog::importFile(const QString &path, QString *report)
{
    QString error;
    const Inventory inventory = importInventoryFile(path, &error);
    if (!error.isEmpty()) {
        if (report)
            *report = error;
        return false;
    }
    QList<InventoryHost> all = hosts();
    const int before = int(all.size());
    const int added = mergeInventoryHosts(all, inventory.hosts);
    setHosts(all);
    QStringList lines;
    lines.append(tr("%1: %n new host(s), %2 already known (merged).", nullptr, added)
                     .arg(QFileInfo(path).fileName())
                     .arg(inventory.hosts.size() - added));
    for (const ParseError &e : inventory.errors)
        lines.append(tr("line %1: %2").arg(e.line).arg(e.message));
    Q_UNUSED(before);
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    m_messages->setText(lines.join(QLatin1Char('\n')));
    m_messages->show();
    return inventory.errors.isEmpty() || !inventory.hosts.isEmpty();
}

void InventoryDialog::importClicked()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import inventory"), QDir::homePath(),
        tr("Inventories (*.txt *.csv *.ini *.cfg hosts inventory);;All files (*)"));
    if (path.isEmpty())
        return;
    QString report;
    if (!importFile(path, &report))
        QMessageBox::warning(this, tr("Import inventory"), report);
}

void InventoryDialog::importSshConfigClicked()
{
    const QString path = QDir::homePath() + QStringLiteral("/.ssh/config");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import ~/.ssh/config"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    const Inventory inventory = parseInventory(file.readAll(), InventoryFormat::SshConfig);
    QList<InventoryHost> all = hosts();
    const int added = mergeInventoryHosts(all, inventory.hosts);
    setHosts(all);
    m_messages->setText(tr("%1: %n new host(s), %2 already known (merged).", nullptr, added)
                            .arg(path)
                            .arg(inventory.hosts.size() - added));
    m_messages->show();
}

} // namespace lw::gui
