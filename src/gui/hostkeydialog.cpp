#include "hostkeydialog.h"

#include "knownhosts.h"
#include "textescape.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

const QString warningStyle = QStringLiteral("color: #c62828;");

QLabel *plainLabel(QWidget *parent, bool mono = false)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // names and paths are shown as they are, never as rich text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (mono)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

QTableWidget *keyTable(int rows, int columns, QWidget *parent)
{
    auto *table = new QTableWidget(rows, columns, parent);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setWordWrap(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return table;
}

// As tall as its rows (up to about twelve, then it scrolls), as wide as its texts. Returns that width.
int fitToContents(QTableWidget *table)
{
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount() && row < 12; ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height);
    int width = 2 * table->frameWidth();
    for (int column = 0; column < table->columnCount(); ++column)
        width += table->columnWidth(column);
    return width;
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString shownHost(const HostKeyQuestion &q)
{
    const QString host = q.key.knownHostsHost.isEmpty() ? q.host : q.key.knownHostsHost;
    return escapeControlCharacters(host);
}

} // namespace

HostKeyDialog::HostKeyDialog(const QList<HostKeyQuestion> &questions, const QString &knownHostsFile,
                             QWidget *parent)
    : QDialog(parent), m_knownHostsFile(knownHostsFile)
{
    for (const HostKeyQuestion &q : questions)
        (q.kind == HostKeyQuestion::Kind::Changed ? m_changed : m_unknown).append(q);

    auto *layout = new QVBoxLayout(this);
    if (!m_changed.isEmpty())
        buildChangedSection(layout);
    if (!m_changed.isEmpty() && !m_unknown.isEmpty())
        layout->addSpacing(fontMetrics().height());
    if (!m_unknown.isEmpty())
        buildUnknownSection(layout);
    m_knownHostsLabel = plainLabel(this);
    m_knownHostsLabel->setObjectName(QStringLiteral("knownHostsFile"));
    layout->addWidget(m_knownHostsLabel);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(this);
    if (!m_unknown.isEmpty()) {
        m_trustButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
        m_trustButton->setObjectName(QStringLiteral("trustButton"));
        m_trustButton->setAutoDefault(false); // Enter on it falls through to the default: reject
        m_trustButton->setEnabled(false);
    }
    m_rejectButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_rejectButton->setDefault(true); // Enter must never trust a key
    m_rejectButton->setFocus();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    retranslateUi();
}

void HostKeyDialog::buildChangedSection(QLayout *layout)
{
    m_changedHeading = plainLabel(this);
    QFont bold = m_changedHeading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_changedHeading->setFont(bold);
    m_changedHeading->setStyleSheet(warningStyle);
    m_changedExplanation = plainLabel(this);
    m_changedExplanation->setStyleSheet(warningStyle);
    m_changedTable = keyTable(int(m_changed.size()), 3, this);
    m_changedTable->setObjectName(QStringLiteral("changedKeys"));
    QStringList commands;
    for (int row = 0; row < m_changed.size(); ++row) {
        const HostKeyQuestion &q = m_changed.at(row);
        m_changedTable->setItem(row, 0, textItem(shownHost(q)));
        m_changedTable->setItem(row, 1, textItem(q.key.knownFingerprints.join(QLatin1Char('\n'))));
        m_changedTable->setItem(row, 2, textItem(q.key.keyType + QLatin1Char(' ') + q.key.fingerprintSha256));
        const QString pattern = q.key.knownHostsHost.isEmpty() ? q.host : q.key.knownHostsHost;
        commands << escapeControlCharacters(lw::ssh::KnownHosts::removeCommand(pattern, m_knownHostsFile));
    }
    m_changedAdvice = plainLabel(this);
    m_changedCommands = plainLabel(this, true);
    m_changedCommands->setObjectName(QStringLiteral("removeCommands"));
    m_changedCommands->setText(commands.join(QLatin1Char('\n')));
    for (QWidget *w : {static_cast<QWidget *>(m_changedHeading), static_cast<QWidget *>(m_changedExplanation),
                       static_cast<QWidget *>(m_changedTable), static_cast<QWidget *>(m_changedAdvice),
                       static_cast<QWidget *>(m_changedCommands)})
        layout->addWidget(w);
}

void HostKeyDialog::buildUnknownSection(QLayout *layout)
{
    m_unknownHeading = plainLabel(this);
    QFont bold = m_unknownHeading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_unknownHeading->setFont(bold);
    m_unknownExplanation = plainLabel(this);
    m_unknownTable = keyTable(int(m_unknown.size()), 3, this);
    m_unknownTable->setObjectName(QStringLiteral("unknownKeys"));
    for (int row = 0; row < m_unknown.size(); ++row) {
        const HostKeyQuestion &q = m_unknown.at(row);
        auto *host = textItem(shownHost(q));
        host->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        host->setCheckState(Qt::Unchecked); // nothing is trusted until the admin ticks it
        m_unknownTable->setItem(row, 0, host);
        m_unknownTable->setItem(row, 1, textItem(q.key.keyType));
        m_unknownTable->setItem(row, 2, textItem(q.key.fingerprintSha256));
    }
    connect(m_unknownTable, &QTableWidget::itemChanged, this, &HostKeyDialog::updateTrustButton);
    for (QWidget *w : {static_cast<QWidget *>(m_unknownHeading), static_cast<QWidget *>(m_unknownExplanation),
                       static_cast<QWidget *>(m_unknownTable)})
        layout->addWidget(w);
}

QList<HostKeyQuestion> HostKeyDialog::trustedKeys() const
{
    QList<HostKeyQuestion> trusted;
    for (int row = 0; m_unknownTable && row < m_unknownTable->rowCount(); ++row) {
        if (m_unknownTable->item(row, 0)->checkState() == Qt::Checked)
            trusted.append(m_unknown.at(row));
    }
    return trusted;
}

void HostKeyDialog::updateTrustButton()
{
    if (m_trustButton)
        m_trustButton->setEnabled(!trustedKeys().isEmpty());
}

QString HostKeyDialog::plainText() const
{
    QStringList lines;
    for (const QLabel *label : findChildren<QLabel *>())
        lines << label->text();
    for (const QTableWidget *table : findChildren<QTableWidget *>()) {
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column)
                lines << table->item(row, column)->text();
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void HostKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void HostKeyDialog::retranslateUi()
{
    const int hosts = int(m_unknown.size() + m_changed.size());
    if (!m_changed.isEmpty()) {
        setWindowTitle(tr("HOST KEY CHANGED"));
        m_changedHeading->setText(
            tr("WARNING: the host key of %n host(s) has CHANGED.", nullptr, int(m_changed.size())));
        m_changedExplanation->setText(
            tr("Someone could be intercepting the connection (man-in-the-middle attack), or the host was "
               "reinstalled. Layerwatch will not connect to these hosts."));
        m_changedTable->setHorizontalHeaderLabels(
            {tr("Host"), tr("Expected (in known_hosts)"), tr("Presented now")});
        m_changedAdvice->setText(
            tr("If a change is legitimate, verify the new fingerprint out of band (the host's console: "
               "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), remove the old entry and probe again:"));
    } else {
        setWindowTitle(tr("Unknown host keys (%n host(s))", nullptr, hosts));
    }
    if (!m_unknown.isEmpty()) {
        m_unknownHeading->setText(
            tr("The authenticity of %n host(s) cannot be established.", nullptr, int(m_unknown.size())));
        m_unknownExplanation->setText(tr(
            "Compare each fingerprint with the one read on the host's console or from its administrator "
            "(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and tick only those that match. The ticked "
            "keys are added to known_hosts and their hosts probed again; the others stay unknown and "
            "nothing runs on them."));
        m_unknownTable->setHorizontalHeaderLabels({tr("Host"), tr("Key type"), tr("Fingerprint")});
        m_trustButton->setText(tr("&Trust selected and probe"));
        m_rejectButton->setText(tr("&Reject all"));
    } else {
        m_rejectButton->setText(tr("&Close"));
    }
    m_knownHostsLabel->setText(tr("known_hosts in use: %1").arg(m_knownHostsFile));
    int widest = 0;
    for (QTableWidget *table : {m_changedTable, m_unknownTable}) {
        if (table)
            widest = qMax(widest, fitToContents(table));
    }
    // Fingerprints side by side are wide: the dialog takes their width rather than cutting them off.
    setMinimumWidth(qBound(760, widest + 40, 1400));
}

} // namespace lw::gui
