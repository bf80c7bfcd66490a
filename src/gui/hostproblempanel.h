#pragma once

#include "hostproblem.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace lw::gui {

// A host's state when it has no current result (failed, not probed, under way): the error as reported, the
// likely cause, what to do, and a button per action. Full (a page of its own, for a host never probed
// successfully) or compact (a banner above older results: no steps).
class HostProblemPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit HostProblemPanel(QWidget *parent = nullptr);

    void setProblem(const QString &host, const lw::HostProblem &problem, bool compact);
    QString host() const { return m_host; }
    const lw::HostProblem &problem() const { return m_problem; }
    QString plainText() const; // everything shown, for tests and copying
    QPushButton *button(lw::HostAction action) const;

signals:
    void actionRequested(const QString &host, lw::HostAction action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QString m_host;
    lw::HostProblem m_problem;
    bool m_compact = false;
    QLabel *m_title = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_cause = nullptr;
    QLabel *m_steps = nullptr;
    QPushButton *m_probe = nullptr;
    QPushButton *m_sshSettings = nullptr;
    QPushButton *m_hostKey = nullptr;
};

} // namespace lw::gui
