#pragma once

#include "diskusage.h"
#include "snapshotstore.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace lw::gui {

class DiskChartWidgetPrivate;

// Disk usage of one host: a bar per filesystem (used / available, the docker root highlighted) and the
// docker root's usage over past probes. Every QtCharts use stays in this class (QtCharts is deprecated
// from Qt 6.10 on; this is the one place to swap it), so nothing chart-specific is in this header.
class DiskChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DiskChartWidget(QWidget *parent = nullptr);
    ~DiskChartWidget() override;

    void setData(const lw::DiskUsageTable &disks, const QString &dockerRoot,
                 const QList<lw::DiskHistoryPoint> &history);
    void clear();

    // The df rows charted: real filesystems (no tmpfs, overlay, ...), one per mount point, in df order.
    static QList<lw::DiskUsage> chartedRows(const lw::DiskUsageTable &disks);

    // What the charts show, read back from the chart series (for tests and the accessible summary).
    QStringList barCategories() const;
    QList<double> usedValues() const;      // in units of unitBytes()
    QList<double> availableValues() const; // in units of unitBytes()
    double unitBytes() const;              // bytes per chart unit (GiB, or MiB for small disks)
    int highlightedBar() const;            // index of the docker root's filesystem, -1 if none
    int historyPointCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    std::unique_ptr<DiskChartWidgetPrivate> d;
};

} // namespace lw::gui
