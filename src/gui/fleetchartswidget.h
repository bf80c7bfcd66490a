#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace lw::gui {

// One host as the fleet charts see it.
struct FleetChartRow
{
    QString host;
    double dockerRootUsedRatio = -1; // 0..1; -1 unknown
    QStringList findingIds;
    int worstSeverity = -1; // lw::Severity as int; -1 none
};

class FleetChartsWidgetPrivate;

// Fleet overview charts: docker-root usage per host (sorted, fullest first, bars over the threshold in
// red, a click activates the host) and how many hosts have each finding. Every QtCharts use stays in
// this class (deprecated from Qt 6.10 on: this is the one place to swap it).
//
// The charts are built once and then updated in place (bar values, categories and axis ranges only where
// they changed). A sweep calls setFleet() several times a second: the charts follow at most once per
// minRefreshInterval() (the first change after a quiet spell at once, the last one at the latest one
// interval later), and not at all while the widget is hidden; it catches up once when shown.
class FleetChartsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit FleetChartsWidget(QWidget *parent = nullptr);
    ~FleetChartsWidget() override;

    void setFleet(const QList<FleetChartRow> &rows);
    void setThreshold(double ratio); // default 0.85
    double threshold() const;
    void setMaxBars(int maxBars); // the usage chart shows the fullest hosts only; default 40
    int maxBars() const;
    void setMinRefreshInterval(int ms); // default 1000
    int minRefreshInterval() const;

    // Brings the charts up to date now if a change is waiting, even when hidden (e.g. when a sweep ends).
    void refreshNow();
    // How often the charts were brought up to date (for tests and benchmarks: the work done).
    int refreshCount() const;

    // What the charts show, top to bottom, read back from the chart series (brought up to date first).
    QStringList usageHosts() const;
    QList<double> usagePercents() const;
    QStringList overThresholdHosts() const;
    QStringList findingIds() const;
    QList<int> findingHostCounts() const;

    // Where the bar of the index-th host of usageHosts() is, in the usage chart's viewport coordinates
    // (for tests that click it), and that viewport.
    QPoint usageBarCenter(int index) const;
    QWidget *usageChartViewport() const;
    // One chart at a time in tabs (a narrow widget) rather than side by side.
    bool isTabbed() const;

signals:
    void hostActivated(const QString &host);
    void findingActivated(const QString &findingId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void requestRefresh();
    void ensureCurrent() const;
    void refresh();
    void fitLabelFonts();
    void arrangeCharts();
    void retranslateTabs();

    std::unique_ptr<FleetChartsWidgetPrivate> d;
};

} // namespace lw::gui
