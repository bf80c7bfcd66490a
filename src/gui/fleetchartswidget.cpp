#include "fleetchartswidget.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QEvent>
#include <QFont>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <climits>

namespace lw::gui {

namespace {
const QColor NormalColor(0x42, 0x7f, 0xc8);
const QColor OverColor(0xd3, 0x2f, 0x2f);
const QColor FindingColor(0xf5, 0x7c, 0x00);

// How many host rows the usage chart can label without QtCharts eliding them to "...": a category's
// share of the plot height, less the axis' label padding (4 px above and below), must hold a line of text.
int rowsThatFitIn(const QChart *chart, const QFont &labelFont)
{
    const qreal plotHeight = chart->plotArea().height();
    if (plotHeight <= 0)
        return INT_MAX; // not laid out yet (never shown): no limit
    const qreal row = QFontMetricsF(labelFont).height() + 2 + 2 * 4;
    return std::max(1, int(plotHeight / row) - 1);
}

} // namespace

class FleetChartsWidgetPrivate
{
public:
    QLabel *summary = nullptr;
    QWidget *sideBySide = nullptr;
    QTabWidget *tabs = nullptr;
    bool tabbed = false;
    QChartView *usageView = nullptr;
    QChartView *findingView = nullptr;
    // Built once; refresh() changes their values, categories and ranges in place.
    QHorizontalStackedBarSeries *usageSeries = nullptr;
    QBarSet *normal = nullptr;
    QBarSet *over = nullptr;
    QLineSeries *thresholdLine = nullptr;
    QBarCategoryAxis *hostAxis = nullptr;
    QHorizontalBarSeries *findingSeries = nullptr;
    QBarSet *findingSet = nullptr;
    QBarCategoryAxis *idAxis = nullptr;
    QValueAxis *countAxis = nullptr;

    QList<FleetChartRow> rows;
    double threshold = 0.85;
    int maxBars = 40;
    QStringList usageHosts; // top to bottom
    QStringList findingIds; // top to bottom

    bool dirty = true;
    QTimer coalesce; // the pending refresh while changes come faster than minInterval
    int minInterval = 1000;
    int rowsWanted = 0;         // the fullest hosts the usage chart would show if it were tall enough
    int rowsCharted = 0;        // those it shows
    qreal idBasePoints = 9;     // the finding ID labels' size when they fit
    QElapsedTimer sinceRefresh; // invalid until the first refresh
    int refreshes = 0;

    // Changes a bar set to `values` with as few signals as QtCharts allows: same-length lists are
    // updated value by value (no bar items are created or destroyed), only the tail is added or removed.
    static void setValues(QBarSet *set, const QList<qreal> &values)
    {
        const int old = set->count();
        const int common = std::min(old, int(values.size()));
        for (int i = 0; i < common; ++i) {
            if (set->at(i) != values.at(i))
                set->replace(i, values.at(i));
        }
        if (old > common)
            set->remove(common, old - common);
        else if (values.size() > common)
            set->append(values.mid(common));
    }

    // How many of `wanted` host rows the usage chart can label at 8 pt, else at 7 pt (`points` says which).
    int rowsThatFit(int wanted, qreal *points = nullptr) const
    {
        QFont font = hostAxis->labelsFont();
        for (qreal size : {8.0, 7.0}) {
            font.setPointSizeF(size);
            const int fit = rowsThatFitIn(usageView->chart(), font);
            if (points)
                *points = size;
            if (fit >= wanted || size == 7.0)
                return std::min(wanted, fit);
        }
        return wanted;
    }

    static void setFontPointSize(QAbstractAxis *axis, qreal points)
    {
        QFont font = axis->labelsFont();
        if (font.pointSizeF() == points)
            return;
        font.setPointSizeF(points);
        axis->setLabelsFont(font);
    }

    static void setTitle(QChart *chart, const QString &title)
    {
        if (chart->title() != title)
            chart->setTitle(title);
    }

    static void setLabel(QBarSet *set, const QString &label)
    {
        if (set->label() != label)
            set->setLabel(label);
    }
};

namespace {

// The count axis ends on a round number with at most 5 intervals (more labels do not fit and get elided),
// so that it changes rarely while the counts grow during a sweep (each change re-lays out the axis).
// Returns the axis maximum and its tick count.
std::pair<int, int> roundCountRange(int maxCount)
{
    maxCount = std::max(maxCount, 1);
    int step = 1;
    for (int scale = 1; (maxCount + step - 1) / step > 5; scale *= 10) {
        for (int factor : {1, 2, 5}) {
            step = factor * scale;
            if ((maxCount + step - 1) / step <= 5)
                break;
        }
    }
    const int top = (maxCount + step - 1) / step * step;
    return {top, top / step + 1};
}

// QtCharts gives the left axis at most 40% of the chart's width and elides a wider label to "...":
// the largest point size (down to 6) whose widest label fits.
qreal fittingPointSize(const QFont &base, qreal basePoints, const QStringList &labels, qreal width)
{
    for (qreal points = basePoints; points > 6.0; points -= 0.5) {
        QFont font = base;
        font.setPointSizeF(points);
        const QFontMetricsF metrics(font);
        qreal widest = 0;
        for (const QString &label : labels)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        if (widest <= width)
            return points;
    }
    return 6.0;
}

} // namespace

FleetChartsWidget::FleetChartsWidget(QWidget *parent)
    : QWidget(parent), d(std::make_unique<FleetChartsWidgetPrivate>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->summary = new QLabel(this);
    d->summary->setWordWrap(true);
    d->summary->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(d->summary);
    // Side by side when there is room for both (legends and axis labels readable), else one at a time in
    // tabs (a 1024 px window): resizeEvent moves the two views between the layouts.
    d->sideBySide = new QWidget(this);
    auto *charts = new QHBoxLayout(d->sideBySide);
    charts->setContentsMargins(0, 0, 0, 0);
    d->tabs = new QTabWidget(this);
    d->tabs->setDocumentMode(true);
    d->usageView = new QChartView(new QChart, d->sideBySide);
    d->usageView->setRenderHint(QPainter::Antialiasing);
    d->findingView = new QChartView(new QChart, d->sideBySide);
    d->findingView->setRenderHint(QPainter::Antialiasing);
    charts->addWidget(d->usageView, 1);
    charts->addWidget(d->findingView, 1);
    layout->addWidget(d->sideBySide, 1);
    layout->addWidget(d->tabs, 1);
    d->tabs->hide();
    setMinimumHeight(200);

    // Usage: one stacked series of two sets (below / over the threshold; a host has a value in one of
    // them), the threshold as a dashed vertical line across all bars.
    QChart *usageChart = d->usageView->chart();
    d->usageSeries = new QHorizontalStackedBarSeries;
    d->normal = new QBarSet(QString());
    d->over = new QBarSet(QString());
    d->normal->setColor(NormalColor);
    d->normal->setBorderColor(NormalColor.darker(120));
    d->over->setColor(OverColor);
    d->over->setBorderColor(OverColor.darker(120));
    d->usageSeries->append(d->normal);
    d->usageSeries->append(d->over);
    d->usageSeries->setBarWidth(0.7);
    usageChart->addSeries(d->usageSeries);
    d->hostAxis = new QBarCategoryAxis;
    usageChart->addAxis(d->hostAxis, Qt::AlignLeft);
    d->usageSeries->attachAxis(d->hostAxis);
    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(QStringLiteral("%d%"));
    percentAxis->setTickCount(6);
    usageChart->addAxis(percentAxis, Qt::AlignBottom);
    d->usageSeries->attachAxis(percentAxis);
    d->thresholdLine = new QLineSeries;
    d->thresholdLine->setPen(QPen(OverColor, 2, Qt::DashLine));
    usageChart->addSeries(d->thresholdLine);
    d->thresholdLine->attachAxis(percentAxis);
    d->thresholdLine->attachAxis(d->hostAxis);
    usageChart->legend()->setAlignment(Qt::AlignBottom);
    // Thin margins: at 1024x700 every pixel of height is a host row (QtCharts' defaults took ~30 px).
    for (QChart *chart : {usageChart, d->findingView->chart()}) {
        chart->setMargins(QMargins(2, 2, 2, 2));
        chart->layout()->setContentsMargins(0, 0, 0, 0);
        chart->setBackgroundRoundness(2);
    }
    // A taller or shorter plot labels more or fewer hosts.
    connect(usageChart, &QChart::plotAreaChanged, this, [this] {
        if (d->rowsThatFit(d->rowsWanted) != d->rowsCharted)
            requestRefresh();
    });
    // Horizontal bars draw the first category at the bottom: index 0 is the last host of usageHosts.
    connect(d->usageSeries, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int row = int(d->usageHosts.size()) - 1 - index;
        if (row >= 0 && row < d->usageHosts.size())
            emit hostActivated(d->usageHosts.at(row));
    });

    // Findings: how many hosts have each finding ID, most common on top.
    QChart *findingChart = d->findingView->chart();
    d->findingSeries = new QHorizontalBarSeries;
    d->findingSet = new QBarSet(QString());
    d->findingSet->setColor(FindingColor);
    d->findingSet->setBorderColor(FindingColor.darker(120));
    d->findingSeries->append(d->findingSet);
    d->findingSeries->setLabelsVisible(true);
    d->findingSeries->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    findingChart->addSeries(d->findingSeries);
    d->idAxis = new QBarCategoryAxis;
    findingChart->addAxis(d->idAxis, Qt::AlignLeft);
    d->idBasePoints = QFontInfo(d->idAxis->labelsFont()).pointSizeF();
    d->findingSeries->attachAxis(d->idAxis);
    d->countAxis = new QValueAxis;
    d->countAxis->setLabelFormat(QStringLiteral("%d"));
    d->countAxis->setRange(0, 1);
    d->countAxis->setTickCount(2);
    findingChart->addAxis(d->countAxis, Qt::AlignBottom);
    d->findingSeries->attachAxis(d->countAxis);
    findingChart->legend()->setVisible(false);
    connect(d->findingSeries, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int row = int(d->findingIds.size()) - 1 - index;
        if (row >= 0 && row < d->findingIds.size())
            emit findingActivated(d->findingIds.at(row));
    });

    d->coalesce.setSingleShot(true);
    connect(&d->coalesce, &QTimer::timeout, this, [this] {
        if (d->dirty && isVisible())
            refresh();
    });
    // The first refresh comes when the widget is shown or read (showEvent, ensureCurrent).
}

FleetChartsWidget::~FleetChartsWidget() = default;

void FleetChartsWidget::setFleet(const QList<FleetChartRow> &rows)
{
    d->rows = rows;
    requestRefresh();
}

void FleetChartsWidget::setThreshold(double ratio)
{
    d->threshold = ratio;
    requestRefresh();
}

double FleetChartsWidget::threshold() const
{
    return d->threshold;
}

void FleetChartsWidget::setMaxBars(int maxBars)
{
    d->maxBars = std::max(1, maxBars);
    requestRefresh();
}

int FleetChartsWidget::maxBars() const
{
    return d->maxBars;
}

void FleetChartsWidget::setMinRefreshInterval(int ms)
{
    d->minInterval = std::max(0, ms);
}

int FleetChartsWidget::minRefreshInterval() const
{
    return d->minInterval;
}

void FleetChartsWidget::refreshNow()
{
    if (d->dirty) // a change is waiting (coalesced, or came while hidden); else the charts are current
        refresh();
}

int FleetChartsWidget::refreshCount() const
{
    return d->refreshes;
}

void FleetChartsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateTabs();
        d->dirty = true;
        if (isVisible())
            refresh(); // rare and asked for: at once
    }
    QWidget::changeEvent(event);
}

void FleetChartsWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (d->dirty)
        refresh();
}

void FleetChartsWidget::hideEvent(QHideEvent *event)
{
    d->coalesce.stop(); // nothing while hidden; showEvent catches up
    QWidget::hideEvent(event);
}

void FleetChartsWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeCharts();
    if (isVisible())
        fitLabelFonts();
}

bool FleetChartsWidget::isTabbed() const
{
    return d->tabbed;
}

// Each chart needs about 420 px for its legend and axis labels: below twice that, one at a time.
void FleetChartsWidget::arrangeCharts()
{
    const bool tabbed = width() < 2 * 420;
    if (tabbed == d->tabbed)
        return;
    d->tabbed = tabbed;
    if (tabbed) {
        d->tabs->addTab(d->usageView, QString());
        d->tabs->addTab(d->findingView, QString());
    } else {
        d->tabs->clear(); // the views stay alive: they go back beside each other
        auto *row = static_cast<QHBoxLayout *>(d->sideBySide->layout());
        row->addWidget(d->usageView, 1);
        row->addWidget(d->findingView, 1);
        d->usageView->show();
        d->findingView->show();
    }
    d->tabs->setVisible(tabbed);
    d->sideBySide->setVisible(!tabbed);
    retranslateTabs();
    requestRefresh(); // the titles, and as many rows as now fit
}

void FleetChartsWidget::retranslateTabs()
{
    if (d->tabs->count() == 2) {
        d->tabs->setTabText(0, tr("Docker root usage per host"));
        d->tabs->setTabText(1, tr("Hosts per finding"));
    }
}

void FleetChartsWidget::requestRefresh()
{
    d->dirty = true;
    if (!isVisible() || d->coalesce.isActive())
        return;
    const qint64 since = d->sinceRefresh.isValid() ? d->sinceRefresh.elapsed() : LLONG_MAX;
    if (since >= d->minInterval)
        refresh(); // the first change after a quiet spell shows at once
    else
        d->coalesce.start(int(d->minInterval - since));
}

void FleetChartsWidget::ensureCurrent() const
{
    if (d->dirty)
        const_cast<FleetChartsWidget *>(this)->refresh();
}

void FleetChartsWidget::refresh()
{
    d->dirty = false;
    d->coalesce.stop();
    d->sinceRefresh.start();
    ++d->refreshes;

    // Usage: fullest first; hosts without a known usage are counted, not charted.
    QList<const FleetChartRow *> known;
    known.reserve(d->rows.size());
    int unknown = 0;
    int overCount = 0;
    QHash<QString, int> findingCounts;
    for (const FleetChartRow &row : std::as_const(d->rows)) {
        if (row.dockerRootUsedRatio >= 0) {
            known.append(&row);
            overCount += row.dockerRootUsedRatio >= d->threshold ? 1 : 0;
        } else {
            ++unknown;
        }
        QStringList ids = row.findingIds;
        ids.removeDuplicates();
        for (const QString &id : std::as_const(ids))
            ++findingCounts[id];
    }
    // As many of the fullest hosts as maxBars allows and the chart's height can label.
    d->rowsWanted = std::min(int(known.size()), d->maxBars);
    qreal hostPoints = 8;
    const int charted = d->rowsThatFit(d->rowsWanted, &hostPoints);
    d->rowsCharted = charted;
    // Only the charted hosts need to be in order.
    std::partial_sort(known.begin(), known.begin() + charted, known.end(),
                      [](const FleetChartRow *a, const FleetChartRow *b) {
                          if (a->dockerRootUsedRatio != b->dockerRootUsedRatio)
                              return a->dockerRootUsedRatio > b->dockerRootUsedRatio;
                          return a->host < b->host;
                      });

    const int percent = qRound(d->threshold * 100);
    QString summary = tr("%n host(s)", nullptr, int(d->rows.size())) + QStringLiteral(" · ") +
                      tr("%n over the %1% threshold", nullptr, overCount).arg(percent);
    if (unknown > 0)
        summary += QStringLiteral(" · ") + tr("%n without known usage", nullptr, unknown);
    if (charted < known.size())
        summary += QStringLiteral(" · ") + tr("chart shows the %1 fullest").arg(charted);
    d->summary->setText(summary); // QLabel ignores an unchanged text

    QChart *usageChart = d->usageView->chart();
    // In tabs the tab names the chart: its title would take rows from a short plot.
    FleetChartsWidgetPrivate::setTitle(usageChart, d->tabbed ? QString() : tr("Docker root usage per host"));
    FleetChartsWidgetPrivate::setLabel(d->normal, tr("Below %1%").arg(percent));
    FleetChartsWidgetPrivate::setLabel(d->over, tr("Over %1%").arg(percent));
    const QString lineName = tr("Threshold %1%").arg(percent);
    if (d->thresholdLine->name() != lineName)
        d->thresholdLine->setName(lineName);

    // Horizontal bars draw the first category at the bottom: fill in reverse so the fullest is on top.
    QList<qreal> normalValues, overValues;
    QStringList categories;
    normalValues.reserve(charted);
    overValues.reserve(charted);
    d->usageHosts.clear();
    for (int i = charted - 1; i >= 0; --i) {
        const FleetChartRow *row = known.at(i);
        const double value = row->dockerRootUsedRatio * 100;
        const bool isOver = row->dockerRootUsedRatio >= d->threshold;
        normalValues.append(isOver ? 0.0 : value);
        overValues.append(isOver ? value : 0.0);
        QString label = row->host;
        while (categories.contains(label)) // the axis needs unique labels
            label += QLatin1Char(' ');
        categories.append(label);
    }
    for (int i = 0; i < charted; ++i)
        d->usageHosts.append(known.at(i)->host);
    if (d->hostAxis->categories() != categories)
        d->hostAxis->setCategories(categories);
    FleetChartsWidgetPrivate::setValues(d->normal, normalValues);
    FleetChartsWidgetPrivate::setValues(d->over, overValues);
    FleetChartsWidgetPrivate::setFontPointSize(d->hostAxis, hostPoints);
    const QList<QPointF> line =
        charted > 0 ? QList<QPointF>{{d->threshold * 100, -0.5}, {d->threshold * 100, charted - 0.5}}
                    : QList<QPointF>{};
    if (d->thresholdLine->points() != line)
        d->thresholdLine->replace(line);
    d->thresholdLine->setVisible(charted > 0);

    // Findings: how many hosts have each finding ID, most common on top.
    QList<QPair<QString, int>> counts;
    counts.reserve(findingCounts.size());
    for (auto it = findingCounts.cbegin(); it != findingCounts.cend(); ++it)
        counts.append({it.key(), it.value()});
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QChart *findingChart = d->findingView->chart();
    FleetChartsWidgetPrivate::setTitle(findingChart, d->tabbed ? QString() : tr("Hosts per finding"));
    FleetChartsWidgetPrivate::setLabel(d->findingSet, tr("Hosts"));
    d->findingIds.clear();
    QStringList idCategories;
    QList<qreal> countValues;
    int maxCount = 1;
    for (int i = int(counts.size()) - 1; i >= 0; --i) {
        countValues.append(counts.at(i).second);
        idCategories.append(counts.at(i).first);
        maxCount = std::max(maxCount, counts.at(i).second);
    }
    for (const auto &c : std::as_const(counts))
        d->findingIds.append(c.first);
    if (d->idAxis->categories() != idCategories)
        d->idAxis->setCategories(idCategories);
    FleetChartsWidgetPrivate::setValues(d->findingSet, countValues);
    const auto [countMax, ticks] = roundCountRange(maxCount);
    if (d->countAxis->max() != countMax)
        d->countAxis->setRange(0, countMax);
    if (d->countAxis->tickCount() != ticks)
        d->countAxis->setTickCount(ticks);
    fitLabelFonts();
}

void FleetChartsWidget::fitLabelFonts()
{
    // The finding IDs are long: shrink them (never below 6 pt) rather than let QtCharts elide them.
    const QChart *chart = d->findingView->chart();
    const qreal chartWidth =
        d->findingView->viewport()->width() - chart->margins().left() - chart->margins().right();
    const qreal available = 0.4 * chartWidth - 12; // the axis' label padding and ticks
    FleetChartsWidgetPrivate::setFontPointSize(
        d->idAxis,
        fittingPointSize(d->idAxis->labelsFont(), d->idBasePoints, d->idAxis->categories(), available));
}

QStringList FleetChartsWidget::usageHosts() const
{
    ensureCurrent();
    return d->usageHosts;
}

QList<double> FleetChartsWidget::usagePercents() const
{
    ensureCurrent();
    QList<double> values;
    for (int i = d->normal->count() - 1; i >= 0; --i)
        values.append(d->normal->at(i) + d->over->at(i));
    return values;
}

QStringList FleetChartsWidget::overThresholdHosts() const
{
    ensureCurrent();
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
    ensureCurrent();
    return d->findingIds;
}

QList<int> FleetChartsWidget::findingHostCounts() const
{
    ensureCurrent();
    QList<int> values;
    for (int i = d->findingSet->count() - 1; i >= 0; --i)
        values.append(qRound(d->findingSet->at(i)));
    return values;
}

QPoint FleetChartsWidget::usageBarCenter(int index) const
{
    ensureCurrent();
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
