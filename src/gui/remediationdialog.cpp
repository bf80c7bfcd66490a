#include "remediationdialog.h"
#include "textescape.h"

#include "auditlog.h"
#include "batchpanel.h"
#include "sshpool.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringDecoder>

#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <memory>
#include <unordered_map>

#include <unistd.h>

namespace lw::gui {

namespace {

const char *const RebootScript = "migrate-and-reboot";
const char *const ConfirmHost = "confirm-host";
constexpr int DryRunOutputCap = 64 * 1024; // per host, in the preview

enum HostColumn { HostCol, FindingsCol, ConfirmCol, PlanCol, HostColumnCount };

// What an operator choice means, in words.
QString choiceText(const QString &parameter, const QString &choice)
{
    if (parameter == QLatin1String("containers")) {
        if (choice == QLatin1String("restart"))
            return RemediationDialog::tr("restart the containers whose rootfs was covered");
        if (choice == QLatin1String("remove-all"))
            return RemediationDialog::tr("remove ALL containers");
        if (choice == QLatin1String("none"))
            return RemediationDialog::tr("leave the containers alone");
    } else if (parameter == QLatin1String("keep")) {
        if (choice == QLatin1String("daemon-json"))
            return RemediationDialog::tr("keep daemon.json, edit /etc/sysconfig/docker-storage");
        if (choice == QLatin1String("sysconfig"))
            return RemediationDialog::tr("keep /etc/sysconfig/docker-storage, edit daemon.json");
    } else if (choice == QLatin1String("yes")) {
        return RemediationDialog::tr("yes");
    } else if (choice == QLatin1String("no")) {
        return RemediationDialog::tr("no");
    }
    return choice;
}

QString parameterLabel(const QString &name)
{
    if (name == QLatin1String("containers"))
        return RemediationDialog::tr("Containers afterwards:");
    if (name == QLatin1String("keep"))
        return RemediationDialog::tr("Setting to keep:");
    if (name == QLatin1String("persist"))
        return RemediationDialog::tr("Also after a reboot:");
    if (name == QLatin1String("allow-running"))
        return RemediationDialog::tr("Reboot with containers running:");
    return name + QLatin1Char(':');
}

bool isOperatorParameter(const RemediationParameter &p)
{
    return p.from.isEmpty() || p.from == QLatin1String("operator");
}

} // namespace

RemediationDialog::RemediationDialog(RemediationCatalog catalog, QList<RemediationCandidate> candidates,
                                     QWidget *parent)
    : QDialog(parent), m_catalog(std::move(catalog)), m_candidates(std::move(candidates))
{
    setObjectName(QStringLiteral("remediationDialog"));
    auto *layout = new QVBoxLayout(this);
    m_stepLabel = new QLabel(this);
    QFont bold = m_stepLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_stepLabel->setFont(bold);
    layout->addWidget(m_stepLabel);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    buildScriptPage();
    buildHostsPage();
    buildPreviewPage();
    buildApprovalPage();

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(this);
    m_next = new QPushButton(this);
    m_approve = new QPushButton(this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_cancel = new QPushButton(this);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_next->setDefault(true);
    m_approve->setAutoDefault(false);
    connect(m_back, &QPushButton::clicked, this, [this] { showPage(currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(currentPage() + 1); });
    connect(m_approve, &QPushButton::clicked, this, &RemediationDialog::approve);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    retranslateUi();
    // Preselect the first usable script that repairs a finding of the hosts.
    QStringList findings;
    for (const RemediationCandidate &c : std::as_const(m_candidates))
        findings += c.findingIds;
    for (const RemediationScript &s : std::as_const(m_catalog.scripts)) {
        bool relevant = false;
        for (const QString &id : s.repairs)
            relevant = relevant || findings.contains(id);
        if (relevant && selectScript(s.id))
            break;
    }
    if (scriptId().isEmpty()) {
        for (const RemediationScript &s : std::as_const(m_catalog.scripts)) {
            if (selectScript(s.id))
                break;
        }
    }
    showPage(ScriptPage);
    resize(900, 640);
}

RemediationDialog::~RemediationDialog()
{
    if (m_dryRunner)
        m_dryRunner->cancel();
}

void RemediationDialog::setDryRunSupport(ssh::SshPool *pool, AuditLog *audit)
{
    m_pool = pool;
    m_audit = audit;
    const bool can = pool && audit;
    m_dryRunFirst->setEnabled(can);
    m_dryRunFirst->setChecked(can);
    updateButtons();
}

// --- pages ----------------------------------------------------------------------------------------

void RemediationDialog::buildScriptPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    m_scriptsLabel = new QLabel(page);
    layout->addWidget(m_scriptsLabel);
    m_scripts = new QListWidget(page);
    m_scripts->setObjectName(QStringLiteral("scriptList"));
    m_scripts->setWordWrap(true);
    m_scripts->setMaximumHeight(170);
    layout->addWidget(m_scripts);
    m_description = new QLabel(page);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
    m_risk = new QLabel(page);
    m_risk->setWordWrap(true);
    layout->addWidget(m_risk);
    m_parametersLabel = new QLabel(page);
    layout->addWidget(m_parametersLabel);
    m_parametersBox = new QWidget(page);
    m_parametersForm = new QFormLayout(m_parametersBox);
    layout->addWidget(m_parametersBox);
    layout->addStretch(1);
    m_pages->addWidget(page);
    connect(m_scripts, &QListWidget::currentRowChanged, this, &RemediationDialog::scriptChanged);
}

void RemediationDialog::buildHostsPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    m_hostsLabel = new QLabel(page);
    m_hostsLabel->setWordWrap(true);
    layout->addWidget(m_hostsLabel);
    m_hostTable = new QTableWidget(0, HostColumnCount, page);
    m_hostTable->setObjectName(QStringLiteral("hostTable"));
    m_hostTable->verticalHeader()->hide();
    m_hostTable->horizontalHeader()->setStretchLastSection(true);
    m_hostTable->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_hostTable, 1);
    m_rebootNote = new QLabel(page);
    m_rebootNote->setWordWrap(true);
    layout->addWidget(m_rebootNote);

    auto *rollout = new QGroupBox(page);
    rollout->setObjectName(QStringLiteral("rolloutBox"));
    auto *grid = new QGridLayout(rollout);
    m_rolloutLabel = new QLabel(page); // the group title is set in retranslateUi
    m_rolloutLabel->hide();
    m_canaryLabel = new QLabel(rollout);
    m_canary = new QSpinBox(rollout);
    m_canary->setRange(0, 100);
    m_canary->setValue(1);
    m_batchLabel = new QLabel(rollout);
    m_batchSize = new QSpinBox(rollout);
    m_batchSize->setRange(1, 256);
    m_batchSize->setValue(5);
    m_maxFailLabel = new QLabel(rollout);
    m_maxFailures = new QSpinBox(rollout);
    m_maxFailures->setRange(0, 10000);
    m_maxFailures->setValue(1);
    m_maxPercentLabel = new QLabel(rollout);
    m_maxPercent = new QDoubleSpinBox(rollout);
    m_maxPercent->setRange(0, 100);
    m_maxPercent->setDecimals(0);
    m_maxPercent->setSuffix(QStringLiteral(" %"));
    m_maxPercent->setValue(10);
    m_dryRunFirst = new QCheckBox(rollout);
    m_dryRunFirst->setEnabled(false);
    for (QLabel *l : {m_canaryLabel, m_batchLabel, m_maxFailLabel, m_maxPercentLabel})
        l->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_canaryLabel->setBuddy(m_canary);
    m_batchLabel->setBuddy(m_batchSize);
    m_maxFailLabel->setBuddy(m_maxFailures);
    m_maxPercentLabel->setBuddy(m_maxPercent);
    grid->addWidget(m_canaryLabel, 0, 0);
    grid->addWidget(m_canary, 0, 1);
    grid->addWidget(m_batchLabel, 0, 2);
    grid->addWidget(m_batchSize, 0, 3);
    grid->addWidget(m_maxFailLabel, 1, 0);
    grid->addWidget(m_maxFailures, 1, 1);
    grid->addWidget(m_maxPercentLabel, 1, 2);
    grid->addWidget(m_maxPercent, 1, 3);
    grid->addWidget(m_dryRunFirst, 2, 0, 1, 4);
    layout->addWidget(rollout);
    m_pages->addWidget(page);

    connect(m_hostTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == HostCol)
            updateButtons();
    });
    connect(m_dryRunFirst, &QCheckBox::toggled, this, &RemediationDialog::updateButtons);
}

void RemediationDialog::buildPreviewPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    m_previewLabel = new QLabel(page);
    m_previewLabel->setWordWrap(true);
    layout->addWidget(m_previewLabel);
    m_preview = new QPlainTextEdit(page);
    m_preview->setObjectName(QStringLiteral("planPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_preview, 1);
    auto *row = new QHBoxLayout;
    m_runDry = new QPushButton(page);
    m_runDry->setObjectName(QStringLiteral("runDryRun"));
    m_runDry->setAutoDefault(false);
    m_dryRunStatus = new QLabel(page);
    row->addWidget(m_runDry);
    row->addWidget(m_dryRunStatus, 1);
    layout->addLayout(row);
    m_pages->addWidget(page);
    connect(m_runDry, &QPushButton::clicked, this, &RemediationDialog::runDryRun);
}

void RemediationDialog::buildApprovalPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("approvalSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    auto *row = new QHBoxLayout;
    m_typedLabel = new QLabel(page);
    m_typedCount = new QLineEdit(page);
    m_typedCount->setObjectName(QStringLiteral("typedCount"));
    m_typedCount->setMaximumWidth(120);
    m_typedLabel->setBuddy(m_typedCount);
    row->addWidget(m_typedLabel);
    row->addWidget(m_typedCount);
    row->addStretch(1);
    layout->addLayout(row);
    m_approvalHint = new QLabel(page);
    m_approvalHint->setWordWrap(true);
    layout->addWidget(m_approvalHint);
    layout->addStretch(1);
    m_pages->addWidget(page);
    connect(m_typedCount, &QLineEdit::textChanged, this, &RemediationDialog::updateButtons);
}

// --- script and parameters ------------------------------------------------------------------------

const RemediationScript *RemediationDialog::currentScript() const
{
    const int row = m_scripts->currentRow();
    if (row < 0 || row >= m_catalog.scripts.size())
        return nullptr;
    const RemediationScript &s = m_catalog.scripts.at(row);
    return s.verified && m_catalog.preludeVerified ? &s : nullptr;
}

bool RemediationDialog::isRebootScript() const
{
    const RemediationScript *s = currentScript();
    return s && s->id == QLatin1String(RebootScript);
}

bool RemediationDialog::selectScript(const QString &id)
{
    for (int i = 0; i < m_catalog.scripts.size(); ++i) {
        if (m_catalog.scripts.at(i).id != id)
            continue;
        QListWidgetItem *item = m_scripts->item(i);
        if (!item || !(item->flags() & Qt::ItemIsEnabled))
            return false;
        m_scripts->setCurrentRow(i);
        return true;
    }
    return false;
}

QString RemediationDialog::scriptId() const
{
    const RemediationScript *s = currentScript();
    return s ? s->id : QString();
}

void RemediationDialog::scriptChanged()
{
    const RemediationScript *s = currentScript();
    if (s) {
        m_description->setText(s->description());
        m_risk->setText(tr("Risk: %1").arg(s->risk()));
    } else {
        m_description->clear();
        m_risk->clear();
    }
    m_values.clear();
    m_dryRunDone = false;
    m_dryRunOutput.clear();
    m_dryRunState.clear();
    rebuildParameters();
    rebuildHosts();
    updateButtons();
}

void RemediationDialog::rebuildParameters()
{
    while (m_parametersForm->rowCount() > 0)
        m_parametersForm->removeRow(0);
    const RemediationScript *s = currentScript();
    int shown = 0;
    if (s) {
        for (const RemediationParameter &p : s->parameters) {
            if (!isOperatorParameter(p) || p.name == QLatin1String(ConfirmHost))
                continue;
            const QString value = m_values.value(p.name, p.defaultValue);
            QWidget *editor = nullptr;
            if (!p.choices.isEmpty()) {
                auto *combo = new QComboBox(m_parametersBox);
                for (const QString &choice : p.choices)
                    combo->addItem(choiceText(p.name, choice), choice);
                combo->setCurrentIndex(qMax(0, combo->findData(value)));
                connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, name = p.name] {
                    m_values.insert(name, combo->currentData().toString());
                    m_dryRunDone = false;
                });
                editor = combo;
            } else {
                auto *line = new QLineEdit(value, m_parametersBox);
                connect(line, &QLineEdit::textChanged, this, [this, name = p.name](const QString &text) {
                    m_values.insert(name, text);
                    m_dryRunDone = false;
                });
                editor = line;
            }
            editor->setObjectName(QStringLiteral("param-") + p.name);
            m_parametersForm->addRow(parameterLabel(p.name), editor);
            ++shown;
        }
        if (s->parameter(QLatin1String(ConfirmHost)))
            m_parametersForm->addRow(new QLabel(tr("Each host's name is typed on the next page."), this));
    }
    m_parametersLabel->setVisible(s && shown > 0);
}

void RemediationDialog::setParameter(const QString &name, const QString &value)
{
    m_values.insert(name, value);
    if (auto *combo = m_parametersBox->findChild<QComboBox *>(QStringLiteral("param-") + name)) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(qMax(0, combo->findData(value)));
    }
    m_dryRunDone = false;
}

QMap<QString, QString> RemediationDialog::operatorValues() const
{
    QMap<QString, QString> values;
    if (const RemediationScript *s = currentScript()) {
        for (const RemediationParameter &p : s->parameters) {
            if (isOperatorParameter(p) && p.name != QLatin1String(ConfirmHost))
                values.insert(p.name, m_values.value(p.name, p.defaultValue));
        }
    }
    return values;
}

QMap<QString, QString> RemediationDialog::operatorValues(const QString &host) const
{
    QMap<QString, QString> values = operatorValues();
    if (isRebootScript())
        values.insert(QLatin1String(ConfirmHost), m_confirmations.value(host));
    return values;
}

// --- hosts ----------------------------------------------------------------------------------------

void RemediationDialog::rebuildHosts()
{
    const RemediationScript *s = currentScript();
    const QSignalBlocker blocker(m_hostTable);
    m_hostTable->setRowCount(0);
    m_hostTable->setRowCount(int(m_candidates.size()));
    for (int row = 0; row < m_candidates.size(); ++row) {
        const RemediationCandidate &c = m_candidates.at(row);
        bool hasFinding = false;
        if (s) {
            for (const QString &id : s->repairs)
                hasFinding = hasFinding || c.findingIds.contains(id);
        }
        auto *host = new QTableWidgetItem(c.host.target.name);
        const bool eligible = c.notEligible.isEmpty();
        // Not eligible: listed with the reason, greyed, and its box cannot be ticked.
        host->setFlags(eligible ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        // Pre-filled with the hosts that have a finding the script repairs; the others can be added.
        host->setCheckState(hasFinding && eligible ? Qt::Checked : Qt::Unchecked);
        if (!eligible)
            host->setToolTip(c.notEligible);
        m_hostTable->setItem(row, HostCol, host);
        auto *findings = new QTableWidgetItem(c.findingIds.join(QStringLiteral(", ")));
        findings->setFlags(Qt::ItemIsEnabled);
        if (!hasFinding)
            findings->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        m_hostTable->setItem(row, FindingsCol, findings);
        if (isRebootScript()) {
            auto *confirm = new QLineEdit(m_confirmations.value(c.host.target.name), m_hostTable);
            confirm->setObjectName(QStringLiteral("confirm-") + c.host.target.name);
            confirm->setPlaceholderText(tr("type %1").arg(c.host.target.name));
            connect(confirm, &QLineEdit::textChanged, this,
                    [this, name = c.host.target.name](const QString &text) {
                        m_confirmations.insert(name, text);
                        m_dryRunDone = false;
                        updateButtons();
                    });
            m_hostTable->setCellWidget(row, ConfirmCol, confirm);
        }
        auto *plan = new QTableWidgetItem(c.notEligible);
        plan->setFlags(Qt::ItemIsEnabled);
        if (!eligible)
            plan->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        m_hostTable->setItem(row, PlanCol, plan);
    }
    m_hostTable->setColumnHidden(ConfirmCol, !isRebootScript());
    m_hostTable->resizeColumnsToContents();
    m_rebootNote->setVisible(isRebootScript());
}

void RemediationDialog::setConfirmation(const QString &host, const QString &typed)
{
    m_confirmations.insert(host, typed);
    if (auto *edit = m_hostTable->findChild<QLineEdit *>(QStringLiteral("confirm-") + host)) {
        const QSignalBlocker blocker(edit);
        edit->setText(typed);
    }
    m_dryRunDone = false;
    updateButtons();
}

void RemediationDialog::setHostChecked(const QString &host, bool checked)
{
    for (int row = 0; row < m_hostTable->rowCount(); ++row) {
        QTableWidgetItem *item = m_hostTable->item(row, HostCol);
        if (item->text() == host && (item->flags() & Qt::ItemIsUserCheckable))
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList RemediationDialog::checkedHosts() const
{
    QStringList hosts;
    for (int row = 0; row < m_hostTable->rowCount(); ++row) {
        const QTableWidgetItem *item = m_hostTable->item(row, HostCol);
        if (item && item->checkState() == Qt::Checked)
            hosts.append(item->text());
    }
    return hosts;
}

RolloutOptions RemediationDialog::rolloutOptions() const
{
    RolloutOptions o;
    o.canaryCount = m_canary->value();
    o.batchSize = m_batchSize->value();
    o.maxFailures = m_maxFailures->value();
    o.maxFailurePercent = m_maxPercent->value();
    return o;
}

bool RemediationDialog::dryRunFirst() const
{
    return m_dryRunFirst->isEnabled() && m_dryRunFirst->isChecked();
}

// --- plans ----------------------------------------------------------------------------------------

void RemediationDialog::replan()
{
    m_plans.clear();
    m_planCandidate.clear();
    const RemediationScript *s = currentScript();
    if (!s)
        return;
    // Sets and a map by host, not list searches: with thousands of candidates every check box click
    // replans them all.
    const QStringList checkedList = checkedHosts();
    const QSet<QString> checked(checkedList.cbegin(), checkedList.cend());
    QHash<QString, qsizetype> planOfHost;
    for (int i = 0; i < m_candidates.size(); ++i) {
        const RemediationCandidate &c = m_candidates.at(i);
        if (!checked.contains(c.host.target.name))
            continue;
        const QString name = c.host.target.name;
        RemediationPlan plan = planRemediation(*s, c.host.snapshot, operatorValues(name));
        plan.host = name;
        if (plan.isValid() && isRebootScript() && m_confirmations.value(name).trimmed() != name)
            plan.error = tr("The typed name does not match the host name %1.").arg(name);
        planOfHost.insert(name, m_plans.size()); // a later plan for the same name wins, as before
        m_plans.append(plan);
        m_planCandidate.append(i);
    }
    for (int row = 0; row < m_hostTable->rowCount(); ++row) {
        QTableWidgetItem *item = m_hostTable->item(row, PlanCol);
        const auto it = planOfHost.constFind(m_hostTable->item(row, HostCol)->text());
        if (it == planOfHost.cend()) {
            item->setText(m_candidates.value(row).notEligible); // the reason stays; others are unplanned
            continue;
        }
        const RemediationPlan &p = m_plans.at(*it);
        item->setText(p.isValid() ? tr("%n step(s)", nullptr, int(p.steps.size()))
                                  : lw::escapeControlCharacters(p.error));
    }
}

QList<RemediationPlan> RemediationDialog::plans() const
{
    return m_plans;
}

int RemediationDialog::runnableCount() const
{
    int n = 0;
    for (const RemediationPlan &p : m_plans)
        n += p.isValid() ? 1 : 0;
    return n;
}

QList<BatchHost> RemediationDialog::hosts() const
{
    QList<BatchHost> hosts;
    for (int i = 0; i < m_plans.size(); ++i) {
        if (m_plans.at(i).isValid())
            hosts.append(m_candidates.at(m_planCandidate.at(i)).host);
    }
    return hosts;
}

QString RemediationDialog::previewText() const
{
    return m_preview->toPlainText();
}

void RemediationDialog::updatePreview()
{
    const RemediationScript *s = currentScript();
    QString text;
    if (s)
        text += tr("Script: %1 (%2)\nSHA-256: %3\n\n").arg(s->title(), s->id, s->sha256);
    QStringList refused;
    for (const RemediationPlan &p : std::as_const(m_plans)) {
        if (!p.isValid()) {
            refused.append(
                QStringLiteral("  %1: %2")
                    .arg(lw::escapeControlCharacters(p.host), lw::escapeControlCharacters(p.error)));
            continue;
        }
        text += QStringLiteral("== %1 ==\n").arg(lw::escapeControlCharacters(p.host));
        for (int i = 0; i < p.steps.size(); ++i) {
            // What the admin approves, as the CLI prints it: a step is one line, whatever a host put into
            // it (a newline in a mount point cannot split it, an ESC cannot hide it). A file's new content
            // shows its line breaks as \n.
            text +=
                QStringLiteral("  %1. %2\n").arg(i + 1, 2).arg(lw::escapeControlCharacters(p.steps.at(i)));
        }
        if (m_dryRunState.contains(p.host) || m_dryRunOutput.contains(p.host)) {
            text += tr("  Dry run: %1\n").arg(m_dryRunState.value(p.host, tr("running")));
            QString out = lw::escapeControlCharactersKeepingLines(m_dryRunOutput.value(p.host));
            if (!out.isEmpty()) {
                if (!out.endsWith(QLatin1Char('\n')))
                    out += QLatin1Char('\n');
                out.replace(QLatin1Char('\n'), QStringLiteral("\n    | "));
                text += QStringLiteral("    | ") + out.left(out.size() - 6) + QLatin1Char('\n');
            }
        }
        text += QLatin1Char('\n');
    }
    if (!refused.isEmpty()) {
        text += tr("Cannot be planned (%n host(s)), will not run:\n", nullptr, int(refused.size()));
        text += refused.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    if (m_plans.isEmpty())
        text += tr("No host is checked.\n");
    m_preview->setPlainText(text);
    m_previewLabel->setText(
        tr("What will run, host by host, with the values taken from each host's last probe. "
           "%n host(s) can run.",
           nullptr, runnableCount()));
}

// --- dry run --------------------------------------------------------------------------------------

void RemediationDialog::runDryRun()
{
    const RemediationScript *s = currentScript();
    if (!s || !m_pool || !m_audit || m_dryRunner || runnableCount() == 0)
        return;
    if (isRebootScript() && runnableCount() > 1) {
        m_dryRunStatus->setText(tr("Reboots are planned one host at a time."));
        return;
    }
    auto *runner = new BatchRunner(m_pool, m_audit, this);
    m_dryRunner = runner;
    m_dryRunOutput.clear();
    m_dryRunState.clear();
    // One decoder per host and stream, as in the batch panel: a UTF-8 character split between two chunks
    // is decoded whole.
    auto decoders = std::make_shared<std::unordered_map<QString, QStringDecoder>>();
    connect(runner, &BatchRunner::hostOutput, this,
            [this, decoders](const QString &host, ssh::OutputStream stream, const QByteArray &bytes) {
                QString &out = m_dryRunOutput[host];
                if (out.size() >= DryRunOutputCap)
                    return;
                const bool isStderr = stream == ssh::OutputStream::Stderr;
                const QString key = host + (isStderr ? QStringLiteral("\n2") : QStringLiteral("\n1"));
                auto it = decoders->find(key);
                if (it == decoders->end())
                    it = decoders->emplace(key, QStringDecoder(QStringDecoder::Utf8)).first;
                const QString text = it->second.decode(bytes);
                if (!text.isEmpty())
                    out += isStderr ? QStringLiteral("! ") + text : text;
            });
    connect(runner, &BatchRunner::hostFinished, this, [this](const HostRunResult &r) {
        QString state = hostRunStateName(r.state);
        if (r.exitKnown)
            state += tr(", exit %1").arg(r.exitStatus);
        if (!r.message.isEmpty())
            state += QStringLiteral(" - ") + r.message;
        m_dryRunState.insert(r.host, state);
    });
    connect(runner, &BatchRunner::finished, this, [this, runner](const BatchSummary &summary) {
        const int ok = summary.counts.value(HostRunState::Succeeded);
        m_dryRunDone = true;
        m_dryRunStatus->setText(
            tr("Dry run finished: %1 of %2 host(s) succeeded.").arg(ok).arg(summary.total));
        updatePreview();
        updateButtons();
        runner->deleteLater();
    });
    RolloutOptions options = rolloutOptions();
    options.dryRun = true;
    options.canaryCount = 0;
    options.maxFailures = 0;
    options.maxFailurePercent = 0;
    Approval approval{localUserName(), QStringLiteral("dialog"), -1};
    QString error;
    QMap<QString, QString> values = operatorValues();
    if (isRebootScript() && !hosts().isEmpty())
        values = operatorValues(hosts().constFirst().target.name);
    if (!runner->start(m_catalog, s->id, hosts(), values, options, approval, &error)) {
        m_dryRunStatus->setText(error);
        runner->deleteLater();
        return;
    }
    m_dryRunStatus->setText(tr("Dry run running..."));
    updatePreview();
    updateButtons();
}

// --- approval -------------------------------------------------------------------------------------

void RemediationDialog::updateApproval()
{
    const RemediationScript *s = currentScript();
    const int runnable = runnableCount();
    const RolloutOptions o = rolloutOptions();
    QString summary;
    if (s) {
        summary += tr("Script: %1").arg(s->title()) + QLatin1Char('\n');
        summary += tr("Risk: %1").arg(s->risk()) + QLatin1Char('\n');
    }
    summary +=
        tr("Hosts that will run: %1 (of %2 checked)").arg(runnable).arg(m_plans.size()) + QLatin1Char('\n');
    summary += tr("Rollout: %1 canary host(s) first, then batches of %2; stop after %3 failure(s) or %4 % "
                  "(0: no limit).")
                   .arg(o.canaryCount)
                   .arg(o.batchSize)
                   .arg(o.maxFailures)
                   .arg(o.maxFailurePercent);
    QStringList names;
    for (const RemediationPlan &p : std::as_const(m_plans)) {
        if (p.isValid())
            names.append(p.host);
    }
    if (names.size() > 20)
        names = names.mid(0, 20) << QStringLiteral("...");
    if (!names.isEmpty())
        summary += QLatin1Char('\n') + tr("Hosts: %1").arg(names.join(QStringLiteral(", ")));
    summary += QLatin1Char('\n') + tr("Approved by: %1").arg(localUserName());
    m_summary->setText(summary);
    const bool typed = runnable > 3;
    m_typedLabel->setVisible(typed);
    m_typedCount->setVisible(typed);
    m_typedLabel->setText(tr("Type the number of hosts that will run (%1) to approve:").arg(runnable));
}

void RemediationDialog::updateButtons()
{
    const int page = currentPage();
    m_back->setEnabled(page > ScriptPage);
    bool canNext = page < ApprovalPage;
    if (page == ScriptPage)
        canNext = currentScript() != nullptr;
    else if (page == HostsPage)
        canNext = !checkedHosts().isEmpty();
    m_next->setVisible(page < ApprovalPage);
    m_next->setEnabled(canNext);
    m_approve->setVisible(page == ApprovalPage);
    m_runDry->setVisible(m_pool && m_audit);
    m_runDry->setEnabled(!m_dryRunner && runnableCount() > 0);

    QString hint;
    bool ok = currentScript() != nullptr && runnableCount() > 0;
    if (runnableCount() == 0)
        hint = tr("No host has a valid plan.");
    if (ok && isRebootScript() && runnableCount() > 1) {
        ok = false;
        hint = tr("Reboots are approved one host at a time: check one host.");
    }
    if (ok && runnableCount() > 3) {
        bool number = false;
        const int typed = m_typedCount->text().trimmed().toInt(&number);
        if (!number || typed != runnableCount()) {
            ok = false;
            hint = tr("The Approve button is enabled when the typed number matches.");
        }
    }
    if (ok && dryRunFirst() && !m_dryRunDone) {
        ok = false;
        hint = tr("Run the dry run on the preview page first (or uncheck \"Dry run first\").");
    }
    m_approve->setEnabled(page == ApprovalPage && ok);
    m_approvalHint->setText(hint);
}

int RemediationDialog::currentPage() const
{
    return m_pages->currentIndex();
}

void RemediationDialog::showPage(int page)
{
    page = qBound(0, page, PageCount - 1);
    if (page >= HostsPage) {
        replan(); // the Plan column of the hosts page too
        updatePreview();
    }
    if (page == ApprovalPage)
        updateApproval();
    m_pages->setCurrentIndex(page);
    const QStringList titles{tr("1. Script"), tr("2. Hosts and rollout"), tr("3. Plan preview"),
                             tr("4. Approval")};
    m_stepLabel->setText(
        titles.join(QStringLiteral("   >   "))
            .replace(titles.at(page), QStringLiteral("[") + titles.at(page) + QStringLiteral("]")));
    updateButtons();
}

Approval RemediationDialog::approval() const
{
    return m_approval;
}

void RemediationDialog::approve()
{
    updateButtons();
    if (!m_approve->isEnabled())
        return;
    const int runnable = runnableCount();
    m_approval.approvedBy = localUserName();
    m_approval.how = runnable > 3 ? QStringLiteral("typed-count") : QStringLiteral("dialog");
    m_approval.typedHostCount =
        runnable > 3 ? m_typedCount->text().trimmed().toInt() : -1; // as typed, or none
    m_approval.approvedHostCount = runnable;
    m_approval.typedHostNames.clear();
    if (isRebootScript()) {
        for (const BatchHost &h : hosts())
            m_approval.typedHostNames.append(m_confirmations.value(h.target.name).trimmed());
    }
    accept();
}

// --- language -------------------------------------------------------------------------------------

void RemediationDialog::retranslateUi()
{
    setWindowTitle(tr("Repair hosts"));
    m_scriptsLabel->setText(tr("&Reviewed scripts (only scripts whose SHA-256 matches the review can be "
                               "chosen):"));
    m_scriptsLabel->setBuddy(m_scripts);
    m_parametersLabel->setText(tr("Parameters:"));
    const QString current = scriptId();
    {
        const QSignalBlocker blocker(m_scripts);
        m_scripts->clear();
        for (const RemediationScript &s : std::as_const(m_catalog.scripts)) {
            auto *item = new QListWidgetItem(m_scripts);
            const bool usable = s.verified && m_catalog.preludeVerified;
            if (usable) {
                item->setText(s.title());
                item->setToolTip(s.description());
            } else {
                const QString why =
                    !s.refusal.isEmpty() ? s.refusal : tr("the shared prelude is not the reviewed one");
                item->setText(tr("%1\n    Refused: %2").arg(s.title(), why));
                item->setToolTip(why);
                item->setFlags(Qt::NoItemFlags);
                item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
            }
            item->setData(Qt::UserRole, s.id);
        }
        for (int i = 0; i < m_catalog.scripts.size(); ++i) {
            if (m_catalog.scripts.at(i).id == current)
                m_scripts->setCurrentRow(i);
        }
    }
    if (const RemediationScript *s = currentScript()) {
        m_description->setText(s->description());
        m_risk->setText(tr("Risk: %1").arg(s->risk()));
    }
    rebuildParameters();

    m_hostsLabel->setText(tr("Hosts to repair. Checked: the selected hosts that have a finding this script "
                             "repairs."));
    m_hostTable->setHorizontalHeaderLabels(
        {tr("Host"), tr("Findings"), tr("Type the host name"), tr("Plan")});
    m_rebootNote->setText(tr("The host reboots: type each host's name to confirm that its workloads were "
                             "moved away."));
    if (auto *box = m_pages->widget(HostsPage)->findChild<QGroupBox *>(QStringLiteral("rolloutBox")))
        box->setTitle(tr("Rollout"));
    m_canaryLabel->setText(tr("&Canary hosts:"));
    m_canary->setToolTip(tr("Run first, alone; the rest only if they all succeeded."));
    m_batchLabel->setText(tr("&Batch size:"));
    m_maxFailLabel->setText(tr("Stop after &failures:"));
    m_maxFailures->setToolTip(tr("0: no limit"));
    m_maxPercentLabel->setText(tr("or &percent failed:"));
    m_maxPercent->setToolTip(tr("0: no limit"));
    m_dryRunFirst->setText(tr("&Dry run first (on the preview page) before approving"));
    m_runDry->setText(tr("Run &dry run"));
    m_runDry->setToolTip(tr("The scripts print what they would do; nothing is changed."));

    m_back->setText(tr("< &Back"));
    m_next->setText(tr("&Next >"));
    m_approve->setText(tr("&Approve and run"));
    m_cancel->setText(tr("Cancel"));
    if (m_pages->currentIndex() >= 0)
        showPage(m_pages->currentIndex());
}

void RemediationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

BatchRunner *runRemediation(QMainWindow *window, QList<RemediationCandidate> candidates, ssh::SshPool *pool,
                            AuditLog *audit)
{
    const RemediationCatalog catalog = loadRemediationCatalog();
    if (!catalog.errors.isEmpty()) {
        QMessageBox::warning(window, RemediationDialog::tr("Repair hosts"),
                             catalog.errors.join(QLatin1Char('\n')));
        return nullptr;
    }
    const bool anyEligible =
        std::any_of(candidates.cbegin(), candidates.cend(),
                    [](const RemediationCandidate &c) { return c.notEligible.isEmpty(); });
    if (!anyEligible) {
        QStringList reasons;
        for (const RemediationCandidate &c : std::as_const(candidates))
            reasons << RemediationDialog::tr("%1: %2").arg(c.host.target.name, c.notEligible);
        QMessageBox::information(
            window, RemediationDialog::tr("Repair hosts"),
            RemediationDialog::tr("None of the selected hosts can be repaired now: a plan is made from a "
                                  "host's current state, as its last probe found it.") +
                (reasons.isEmpty() ? QString() : QStringLiteral("\n\n") + reasons.join(QLatin1Char('\n'))));
        return nullptr;
    }
    RemediationDialog dialog(catalog, std::move(candidates), window);
    dialog.setDryRunSupport(pool, audit);
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    if (!pool || !audit) {
        QMessageBox::information(window, RemediationDialog::tr("Repair hosts"),
                                 RemediationDialog::tr("Demo mode: nothing runs."));
        return nullptr;
    }
    const QString scriptId = dialog.scriptId();
    const QList<BatchHost> hosts = dialog.hosts();
    QMap<QString, QString> values = dialog.operatorValues();
    if (hosts.size() == 1)
        values = dialog.operatorValues(hosts.constFirst().target.name); // with the typed confirmation
    auto *runner = new BatchRunner(pool, audit, window);
    auto *dock = new QDockWidget(window);
    dock->setObjectName(QStringLiteral("batchDock"));
    dock->setAttribute(Qt::WA_DeleteOnClose);
    auto *panel = new BatchPanel(dock);
    panel->setTitleVisible(false); // the dock's title bar says it
    dock->setWidget(panel);
    QStringList names;
    for (const BatchHost &h : hosts)
        names.append(h.target.name);
    const RemediationScript *script = catalog.script(scriptId);
    panel->attach(runner, script ? script->title() : scriptId, names);
    dock->setWindowTitle(RemediationDialog::tr("Batch: %1").arg(script ? script->title() : scriptId));
    // A second batch goes beside the first, as a tab, rather than halving the fleet again.
    QDockWidget *earlier = nullptr;
    for (QDockWidget *other : window->findChildren<QDockWidget *>(QStringLiteral("batchDock"))) {
        if (other != dock && other->isVisible())
            earlier = other;
    }
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (earlier)
        window->tabifyDockWidget(earlier, dock);
    // The runner lives as long as its dock; closing the dock of a running batch cancels it.
    QObject::connect(dock, &QObject::destroyed, runner, [runner] {
        runner->cancel();
        runner->deleteLater();
    });
    QString error;
    if (!runner->start(catalog, scriptId, hosts, values, dialog.rolloutOptions(), dialog.approval(),
                       &error)) {
        QMessageBox::warning(window, RemediationDialog::tr("Repair hosts"), error);
        dock->close();
        return nullptr;
    }
    dock->show();
    dock->raise();
    return runner;
}

} // namespace lw::gui
