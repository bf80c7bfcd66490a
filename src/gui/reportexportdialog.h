#pragma once

#include "fleetreport.h"

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <memory>
#include <thread>

class QAction;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTimer;

namespace lw::gui {

class FleetModel;
struct HostRow;

// File > Export report...: the fleet report (src/core/fleetreport.h, the same as layerwatch-cli's --format)
// as HTML with charts, CSV or JSON, in the current language; or the probed hosts' captures as one archive for
// a ticket (capturearchive.h, as layerwatch-cli archive; analyze reads it). The hosts are rendered in a
// worker thread, one at a time (a big fleet's snapshots are never copied whole), with a progress bar and
// Cancel; the file is written whole or not at all.
class ReportExportDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ReportExportDialog(const FleetModel *model, QWidget *parent = nullptr);
    ~ReportExportDialog() override; // cancels and joins the worker

    // The menu entry (before `before` in `menu`) that opens the dialog for `model`; its text follows the
    // language of `window`. The main window's one hook.
    static QAction *addMenuEntry(QMenu *menu, QAction *before, QWidget *window, const FleetModel *model);

    void setFormat(ReportFormat format);
    ReportFormat format() const;
    void setCaptureArchive(bool archive); // the captures as a .tar instead of a report
    bool isCaptureArchive() const;
    void setFilePath(const QString &path);
    QString filePath() const;

    void startExport(); // the Export button
    bool isRunning() const { return m_worker != nullptr; }
    int progressValue() const;
    int progressMaximum() const;

    void reject() override; // Cancel while running cancels the export; the dialog stays

signals:
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Worker;
    void retranslateUi();
    void browse();
    void poll();
    void finishExport();
    void updateButtons();

    const FleetModel *m_model;
    QComboBox *m_formatBox = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_hostsLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTimer *m_pollTimer = nullptr;
    std::unique_ptr<Worker> m_worker;
};

} // namespace lw::gui
