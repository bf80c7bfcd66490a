#pragma once

#include "diskusage.h"
#include "snapshotstore.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace lw::gui {

class DiskChartWidgetPrivate;

// Disk usage of one host: a bar per filesystem in percent of its own size (a 55 MiB disk at 94 % is as
// visible as a 2 TiB one; the sizes are in the labels and tooltips), the docker root's filesystem in its own
// colour, and the docker root's usage over past probes on an axis scaled to that filesystem. Every QtCharts
// use stays in this class (QtCharts is deprecated from Qt 6.10 on; this is the one place to swap it), so
// nothing chart-specific is in this header.
class DiskChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DiskChartWidget(QWidget *parent = nullptr);
    ~DiskChartWidget() override;

    // dockerRootCovered: a later mount covers the docker root (dockerRootDisk()): its figures are flagged.
    void setData(const lw::DiskUsageTable &disks, const QString &dockerRoot,
                 const QList<lw::DiskHistoryPoint> &history, bool dockerRootCovered = false);
    void clear();

    // The df rows charted: real filesystems (no tmpfs, overlay, ...), one per mount point, in df order; the
    // docker root's filesystem always, whatever its type.
    static QList<lw::DiskUsage> chartedRows(const lw::DiskUsageTable &disks, const QString &dockerRoot = {});

    // What the charts show, read back from the chart series (for tests and the accessible summary).
    QStringList barCategories() const;
    QStringList barToolTips() const;              // per bar, in df order: the absolute figures
    QList<double> usedPercents() const;           // per bar, in df order
    QList<double> availablePercents() const;      // per bar, in df order
    int highlightedBar() const;                   // index of the docker root's filesystem, -1 if none
    QColor usedBarColor(int bar) const;           // the colour the used part of a bar is drawn in
    QList<QPair<QString, QColor>> legend() const; // the bar chart's legend: name and colour
    int historyPointCount() const;
    double historyAxisMaxBytes() const; // the top of the history's value axis, in bytes
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    std::unique_ptr<DiskChartWidgetPrivate> d;
};

} // namespace lw::gui
