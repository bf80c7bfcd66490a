#include "hostproblempanel.h"
#include "textescape.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace lw::gui {

namespace {

QLabel *wrappingLabel(QWidget *parent, bool selectable)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (selectable)
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

bool isKeyProblem(HostStatus status)
{
    return status == HostStatus::HostKeyChanged || status == HostStatus::HostKeyRevoked;
}

} // namespace

HostProblemPanel::HostProblemPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("hostProblem"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    m_title = wrappingLabel(this, false);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_error = wrappingLabel(this, true); // the admin copies it into a ticket
    m_error->setObjectName(QStringLiteral("hostProblemError"));
    m_cause = wrappingLabel(this, false);
    m_steps = wrappingLabel(this, false);
    m_steps->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(m_cause);
    layout->addWidget(m_steps);
    auto *buttons = new QHBoxLayout;
    m_probe = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), QString(), this);
    m_probe->setObjectName(QStringLiteral("hostProblemProbe"));
    m_sshSettings = new QPushButton(this);
    m_sshSettings->setObjectName(QStringLiteral("hostProblemSshSettings"));
    m_hostKey = new QPushButton(style()->standardIcon(QStyle::SP_MessageBoxWarning), QString(), this);
    m_hostKey->setObjectName(QStringLiteral("hostProblemHostKey"));
    for (QPushButton *b : {m_probe, m_sshSettings, m_hostKey}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_probe, &QPushButton::clicked, this,
            [this] { emit actionRequested(m_host, HostAction::Probe); });
    connect(m_sshSettings, &QPushButton::clicked, this,
            [this] { emit actionRequested(m_host, HostAction::EditSshSettings); });
    connect(m_hostKey, &QPushButton::clicked, this,
            [this] { emit actionRequested(m_host, HostAction::ReviewHostKey); });
    render();
}

void HostProblemPanel::setProblem(const QString &host, const HostProblem &problem, bool compact)
{
    m_host = host;
    m_problem = problem;
    m_compact = compact;
    render();
}

QPushButton *HostProblemPanel::button(HostAction action) const
{
    switch (action) {
    case HostAction::Probe:
        return m_probe;
    case HostAction::EditSshSettings:
        return m_sshSettings;
    case HostAction::ReviewHostKey:
        return m_hostKey;
    }
    return nullptr;
}

QString HostProblemPanel::plainText() const
{
    QStringList parts{m_title->text(), m_error->text(), m_cause->text()};
    if (!m_compact)
        parts += m_problem.steps;
    for (QPushButton *b : {m_probe, m_sshSettings, m_hostKey}) {
        if (!b->isHidden())
            parts << b->text();
    }
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

void HostProblemPanel::render()
{
    // The title says whose and what: "web1: authentication failed", or that older results follow.
    const QString title =
        m_compact ? tr("%1: %2 - the results below are from an earlier probe") : tr("%1: %2");
    m_title->setText(title.arg(lw::escapeControlCharacters(m_host), m_problem.title));
    const bool severe = isKeyProblem(m_problem.status);
    const bool failed = isFailedHostStatus(m_problem.status);
    m_title->setStyleSheet(severe   ? QStringLiteral("color: #c62828;")
                           : failed ? QStringLiteral("color: #b26a00;")
                                    : QString());
    m_error->setText(lw::escapeControlCharacters(m_problem.error));
    m_error->setVisible(!m_problem.error.isEmpty());
    m_cause->setText(m_problem.cause.isEmpty() ? QString() : tr("Likely cause: %1").arg(m_problem.cause));
    m_cause->setVisible(!m_problem.cause.isEmpty());
    QString steps;
    if (!m_problem.steps.isEmpty()) {
        steps =
            QStringLiteral("<b>%1</b><ol style=\"margin-top:2px\">").arg(tr("What to do").toHtmlEscaped());
        for (const QString &step : std::as_const(m_problem.steps))
            steps += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
        steps += QStringLiteral("</ol>");
    }
    m_steps->setText(steps);
    m_steps->setVisible(!m_compact && !steps.isEmpty());
    m_probe->setText(m_problem.status == HostStatus::NotProbed ? tr("&Probe") : tr("&Probe again"));
    m_sshSettings->setText(tr("&SSH settings..."));
    m_hostKey->setText(tr("Review host &key..."));
    m_probe->setVisible(m_problem.actions.contains(HostAction::Probe));
    m_sshSettings->setVisible(m_problem.actions.contains(HostAction::EditSshSettings));
    m_hostKey->setVisible(m_problem.actions.contains(HostAction::ReviewHostKey));
}

void HostProblemPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_host.isEmpty()) {
        // The explanation is made in core from the status: make it again in the new language.
        m_problem = explainHostStatus(m_problem.status, m_problem.error, m_problem.gotOutput);
        render();
    }
    QFrame::changeEvent(event);
}

} // namespace lw::gui
