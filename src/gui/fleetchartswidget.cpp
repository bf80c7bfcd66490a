#include "fleetchartswidget.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace lw::gui {

namespace {
const QColor NormalColor(0x42, 0x7f, 0xc8);
const QColor OverColor(0xd3, 0x2f, 0x2f);
const QColor FindingColor(0xf5, 0x7c, 0x00);
} // namespace

class FleetChartsWidgetPrivate
{
public:
    QLabel *summary = nullptr;
    QChartView *usageView = nullptr;
    QChartView *findingView = nullptr;
    QHorizontalStackedBarSeries *usageSeries = nullptr;
    QBarSet *normal = nullptr;
    QBarSet *over = nullptr;
    QHorizontalBarSeries *findingSeries = nullptr;
    QBarSet *findingSet = nullptr;

    QList<FleetChartRow> rows;
    double threshold = 0.85;
    int maxBars = 40;
    QStringList usageHosts; // top to bottom
    QStringList findingIds; // top to bottom

    static void resetChart(QChart *chart)
    {
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes()) {
            chart->removeAxis(axis);
            delete axis;
        }
    }
};

FleetChartsWidget::FleetChartsWidget(QWidget *parent)
    : QWidget(parent), d(std::make_unique<FleetChartsWidgetPrivate>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->summary = new QLabel(this);
    d->summary->setWordWrap(true);
    d->summary->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(d->summary);
    auto *charts = new QHBoxLayout;
    d->usageView = new QChartView(new QChart, this);
    d->usageView->setRenderHint(QPainter::Antialiasing);
    d->findingView = new QChartView(new QChart, this);
    d->findingView->setRenderHint(QPainter::Antialiasing);
    charts->addWidget(d->usageView, 3);
    charts->addWidget(d->findingView, 2);
    layout->addLayout(charts, 1);
    rebuild();
}

FleetChartsWidget::~FleetChartsWidget() = default;

void FleetChartsWidget::setFleet(const QList<FleetChartRow> &rows)
{
    d->rows = rows;
    rebuild();
}

void FleetChartsWidget::setThreshold(double ratio)
{
    d->threshold = ratio;
    rebuild();
}

double FleetChartsWidget::threshold() const
{
    return d->threshold;
}

void FleetChartsWidget::setMaxBars(int maxBars)
{
    d->maxBars = std::max(1, maxBars);
    rebuild();
}

int FleetChartsWidget::maxBars() const
{
    return d->maxBars;
}

void FleetChartsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void FleetChartsWidget::rebuild()
{
    // Usage: fullest first; hosts without a known usage are counted, not charted.
    QList<const FleetChartRow *> known;
    int unknown = 0;
    QHash<QString, int> findingCounts;
    for (const FleetChartRow &row : std::as_const(d->rows)) {
        if (row.dockerRootUsedRatio >= 0)
            known.append(&row);
        else
            ++unknown;
        QStringList ids = row.findingIds;
        ids.removeDuplicates();
        for (const QString &id : std::as_const(ids))
            ++findingCounts[id];
    }
    std::stable_sort(known.begin(), known.end(), [](const FleetChartRow *a, const FleetChartRow *b) {
        if (a->dockerRootUsedRatio != b->dockerRootUsedRatio)
            return a->dockerRootUsedRatio > b->dockerRootUsedRatio;
        return a->host < b->host;
    });
    int overCount = 0;
    for (const FleetChartRow *row : std::as_const(known))
        overCount += row->dockerRootUsedRatio >= d->threshold ? 1 : 0;
    const int charted = std::min(int(known.size()), d->maxBars);

    const int percent = qRound(d->threshold * 100);
    QString summary = tr("%n host(s)", nullptr, int(d->rows.size())) + QStringLiteral(" · ") +
                      tr("%n over the %1% threshold", nullptr, overCount).arg(percent);
    if (unknown > 0)
        summary += QStringLiteral(" · ") + tr("%n without known usage", nullptr, unknown);
    if (charted < known.size())
        summary += QStringLiteral(" · ") + tr("chart shows the %1 fullest").arg(charted);
    d->summary->setText(summary);

    // Horizontal bars draw the first category at the bottom: append in reverse so the fullest is on top.
    QChart *usageChart = d->usageView->chart();
    FleetChartsWidgetPrivate::resetChart(usageChart);
    usageChart->setTitle(tr("Docker root usage per host"));
    d->usageSeries = new QHorizontalStackedBarSeries;
    d->normal = new QBarSet(tr("Below %1%").arg(percent));
    d->over = new QBarSet(tr("Over %1%").arg(percent));
    d->normal->setColor(NormalColor);
    d->normal->setBorderColor(NormalColor.darker(120));
    d->over->setColor(OverColor);
    d->over->setBorderColor(OverColor.darker(120));
    d->usageHosts.clear();
    QStringList categories;
    for (int i = charted - 1; i >= 0; --i) {
        const FleetChartRow *row = known.at(i);
        const double value = row->dockerRootUsedRatio * 100;
        const bool isOver = row->dockerRootUsedRatio >= d->threshold;
        d->normal->append(isOver ? 0.0 : value);
        d->over->append(isOver ? value : 0.0);
        QString label = row->host;
        while (categories.contains(label)) // the axis needs unique labels
            label += QLatin1Char(' ');
        categories.append(label);
    }
    for (int i = 0; i < charted; ++i)
        d->usageHosts.append(known.at(i)->host);
    d->usageSeries->append(d->normal);
    d->usageSeries->append(d->over);
    d->usageSeries->setBarWidth(0.7);
    usageChart->addSeries(d->usageSeries);
    auto *hostAxis = new QBarCategoryAxis;
    hostAxis->append(categories);
    // QtCharts elides a category label to "..." when its row is lower than the label's font: keep the
    // host names readable in a short chart.
    QFont hostFont = hostAxis->labelsFont();
    hostFont.setPointSizeF(charted > 12 ? 7.0 : 8.0);
    hostAxis->setLabelsFont(hostFont);
    usageChart->addAxis(hostAxis, Qt::AlignLeft);
    d->usageSeries->attachAxis(hostAxis);
    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(QStringLiteral("%d%"));
    percentAxis->setTickCount(6);
    usageChart->addAxis(percentAxis, Qt::AlignBottom);
    d->usageSeries->attachAxis(percentAxis);
    if (charted > 0) {
        // The threshold as a dashed vertical line across all bars.
        auto *line = new QLineSeries;
        line->setName(tr("Threshold %1%").arg(percent));
        line->append(d->threshold * 100, -0.5);
        line->append(d->threshold * 100, charted - 0.5);
        QPen pen(OverColor, 2, Qt::DashLine);
        line->setPen(pen);
        usageChart->addSeries(line);
        line->attachAxis(percentAxis);
        line->attachAxis(hostAxis);
    }
    usageChart->legend()->setAlignment(Qt::AlignBottom);
    connect(d->usageSeries, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int row = int(d->usageHosts.size()) - 1 - index;
        if (row >= 0 && row < d->usageHosts.size())
            emit hostActivated(d->usageHosts.at(row));
    });

    // Findings: how many hosts have each finding ID, most common on top.
    QList<QPair<QString, int>> counts;
    for (auto it = findingCounts.cbegin(); it != findingCounts.cend(); ++it)
        counts.append({it.key(), it.value()});
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QChart *findingChart = d->findingView->chart();
    FleetChartsWidgetPrivate::resetChart(findingChart);
    findingChart->setTitle(tr("Hosts per finding"));
    d->findingSeries = new QHorizontalBarSeries;
    d->findingSet = new QBarSet(tr("Hosts"));
    d->findingSet->setColor(FindingColor);
    d->findingSet->setBorderColor(FindingColor.darker(120));
    d->findingIds.clear();
    QStringList idCategories;
    int maxCount = 1;
    for (int i = int(counts.size()) - 1; i >= 0; --i) {
        d->findingSet->append(counts.at(i).second);
        idCategories.append(counts.at(i).first);
        maxCount = std::max(maxCount, counts.at(i).second);
    }
    for (const auto &c : std::as_const(counts))
        d->findingIds.append(c.first);
    d->findingSeries->append(d->findingSet);
    d->findingSeries->setLabelsVisible(true);
    d->findingSeries->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    findingChart->addSeries(d->findingSeries);
    auto *idAxis = new QBarCategoryAxis;
    idAxis->append(idCategories);
    findingChart->addAxis(idAxis, Qt::AlignLeft);
    d->findingSeries->attachAxis(idAxis);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, maxCount);
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTickCount(std::min(maxCount, 10) + 1);
    findingChart->addAxis(countAxis, Qt::AlignBottom);
    d->findingSeries->attachAxis(countAxis);
    findingChart->legend()->setVisible(false);
    connect(d->findingSeries, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int row = int(d->findingIds.size()) - 1 - index;
        if (row >= 0 && row < d->findingIds.size())
            emit findingActivated(d->findingIds.at(row));
    });
}

QStringList FleetChartsWidget::usageHosts() const
{
    return d->usageHosts;
}

QList<double> FleetChartsWidget::usagePercents() const
{
    QList<double> values;
    for (int i = d->normal->count() - 1; i >= 0; --i)
        values.append(d->normal->at(i) + d->over->at(i));
    return values;
}

QStringList FleetChartsWidget::overThresholdHosts() const
{
    QStringList hosts;
    const int n = d->over->count();
    for (int i = n - 1; i >= 0; --i) {
        if (d->over->at(i) > 0)
            hosts.append(d->usageHosts.value(n - 1 - i));
    }
    return hosts;
}

QStringList FleetChartsWidget::findingIds() const
{
    return d->findingIds;
}

QList<int> FleetChartsWidget::findingHostCounts() const
{
    QList<int> values;
    for (int i = d->findingSet->count() - 1; i >= 0; --i)
        values.append(qRound(d->findingSet->at(i)));
    return values;
}

QPoint FleetChartsWidget::usageBarCenter(int index) const
{
    const int n = d->normal->count();
    if (index < 0 || index >= n)
        return {};
    const int category = n - 1 - index;
    const double value = d->normal->at(category) + d->over->at(category);
    QChart *chart = d->usageView->chart();
    const QPointF inChart = chart->mapToPosition(QPointF(std::max(value / 2, 0.5), category), d->usageSeries);
    return d->usageView->mapFromScene(chart->mapToScene(inChart));
}

QWidget *FleetChartsWidget::usageChartViewport() const
{
    return d->usageView->viewport();
}

} // namespace lw::gui
