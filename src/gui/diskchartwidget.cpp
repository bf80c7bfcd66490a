#include "diskchartwidget.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace lw::gui {

namespace {
const QColor UsedColor(0x42, 0x7f, 0xc8);
const QColor AvailableColor(0xc8, 0xe6, 0xc9);
const QColor DockerRootColor(0xe6, 0x7e, 0x22);

bool isPseudoFilesystem(const QString &type)
{
    static const QSet<QString> pseudo = {
        QStringLiteral("tmpfs"),    QStringLiteral("devtmpfs"), QStringLiteral("overlay"),
        QStringLiteral("squashfs"), QStringLiteral("efivarfs"), QStringLiteral("shm"),
        QStringLiteral("nsfs"),     QStringLiteral("proc"),     QStringLiteral("sysfs"),
        QStringLiteral("cgroup"),   QStringLiteral("cgroup2"),  QStringLiteral("devpts"),
        QStringLiteral("ramfs"),    QStringLiteral("autofs"),   QStringLiteral("fuse.lxcfs"),
    };
    return pseudo.contains(type);
}
// The smallest 1, 2 or 5 times a power of ten that is >= value (axis ranges that start at zero).
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}
// Ticks that land on round numbers for a range 0..niceCeiling(): steps of 0.2, 0.5 or 1 times the top's
// power of ten.
void setNiceRange(QValueAxis *axis, double top)
{
    const double max = niceCeiling(top);
    const double magnitude = std::pow(10.0, std::floor(std::log10(max) + 1e-9));
    const int leading = qRound(max / magnitude);
    axis->setRange(0, max);
    axis->setTickCount(leading == 2 ? 5 : 6);
    axis->setLabelFormat(QStringLiteral("%g"));
}
} // namespace

class DiskChartWidgetPrivate
{
public:
    QLabel *summary = nullptr;
    QChartView *barView = nullptr;
    QChartView *historyView = nullptr;
    QLabel *noHistory = nullptr;

    QHorizontalStackedBarSeries *bars = nullptr; // owned by the chart
    QBarSet *used = nullptr;
    QBarSet *available = nullptr;
    QLineSeries *historyUsed = nullptr;
    QLineSeries *historySize = nullptr;
    int highlighted = -1; // in df order
    int rowCount = 0;
    double unit = 1024.0 * 1024 * 1024;

    lw::DiskUsageTable disks;
    QString dockerRoot;
    QList<lw::DiskHistoryPoint> history;
};

DiskChartWidget::DiskChartWidget(QWidget *parent)
    : QWidget(parent), d(std::make_unique<DiskChartWidgetPrivate>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->summary = new QLabel(this);
    d->summary->setWordWrap(true);
    d->summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->summary->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(d->summary);

    d->barView = new QChartView(new QChart, this);
    d->barView->setRenderHint(QPainter::Antialiasing);
    d->barView->setMinimumHeight(180);
    layout->addWidget(d->barView, 3);

    d->historyView = new QChartView(new QChart, this);
    d->historyView->setRenderHint(QPainter::Antialiasing);
    d->historyView->setMinimumHeight(160);
    layout->addWidget(d->historyView, 2);
    d->noHistory = new QLabel(this);
    d->noHistory->setAlignment(Qt::AlignCenter);
    d->noHistory->setEnabled(false);
    layout->addWidget(d->noHistory);
    rebuild();
}

DiskChartWidget::~DiskChartWidget() = default;

QList<lw::DiskUsage> DiskChartWidget::chartedRows(const lw::DiskUsageTable &disks)
{
    QList<lw::DiskUsage> rows;
    QSet<QString> seen;
    for (const lw::DiskUsage &row : disks.rows) {
        if (row.size <= 0 || isPseudoFilesystem(row.type) || seen.contains(row.mountPoint))
            continue;
        seen.insert(row.mountPoint);
        rows.append(row);
    }
    return rows;
}

void DiskChartWidget::setData(const lw::DiskUsageTable &disks, const QString &dockerRoot,
                              const QList<lw::DiskHistoryPoint> &history)
{
    d->disks = disks;
    d->dockerRoot = dockerRoot;
    d->history = history;
    rebuild();
}

void DiskChartWidget::clear()
{
    setData({}, {}, {});
}

void DiskChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void DiskChartWidget::rebuild()
{
    const QLocale locale;
    const QList<lw::DiskUsage> rows = chartedRows(d->disks);
    d->rowCount = int(rows.size());

    qint64 largest = 0;
    for (const lw::DiskUsage &row : rows)
        largest = std::max(largest, row.size);
    for (const lw::DiskHistoryPoint &p : std::as_const(d->history))
        largest = std::max(largest, p.size);
    const bool gib = largest >= 4LL * 1024 * 1024 * 1024;
    d->unit = gib ? 1024.0 * 1024 * 1024 : 1024.0 * 1024;
    const QString unitName = gib ? tr("GiB") : tr("MiB");

    // The docker root's filesystem: the charted row holding the docker root path.
    const lw::DiskUsage *rootRow = d->dockerRoot.isEmpty() ? nullptr : d->disks.filesystemOf(d->dockerRoot);
    d->highlighted = -1;
    for (int i = 0; rootRow && i < rows.size(); ++i) {
        if (rows.at(i).mountPoint == rootRow->mountPoint)
            d->highlighted = i;
    }
    if (rootRow) {
        d->summary->setText(
            tr("Docker root %1 is on %2 (%3, mounted on %4): %5 of %6 used (%7%), %8 free.")
                .arg(d->dockerRoot, rootRow->filesystem, rootRow->type, rootRow->mountPoint,
                     locale.formattedDataSize(rootRow->used, 1, QLocale::DataSizeIecFormat),
                     locale.formattedDataSize(rootRow->size, 1, QLocale::DataSizeIecFormat),
                     QString::number(rootRow->usedRatio() * 100, 'f', 1),
                     locale.formattedDataSize(rootRow->available, 1, QLocale::DataSizeIecFormat)));
    } else if (d->disks.rows.isEmpty()) {
        d->summary->setText(tr("No disk usage collected for this host."));
    } else {
        d->summary->setText(
            tr("The filesystem holding the docker root %1 is not in the df output.").arg(d->dockerRoot));
    }

    // Bar chart. Horizontal bar charts draw the first category at the bottom: insert in reverse so that
    // the chart reads top-down in df order.
    QChart *barChart = d->barView->chart();
    barChart->removeAllSeries();
    for (QAbstractAxis *axis : barChart->axes()) {
        barChart->removeAxis(axis);
        delete axis;
    }
    barChart->setTitle(tr("Disk usage per filesystem"));
    d->bars = new QHorizontalStackedBarSeries;
    d->used = new QBarSet(tr("Used"));
    d->available = new QBarSet(tr("Available"));
    d->used->setColor(UsedColor);
    d->used->setBorderColor(UsedColor.darker(120));
    d->used->setSelectedColor(DockerRootColor);
    d->available->setColor(AvailableColor);
    d->available->setBorderColor(AvailableColor.darker(130));
    QStringList categories;
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        const lw::DiskUsage &row = rows.at(i);
        d->used->append(double(row.used) / d->unit);
        d->available->append(double(row.available) / d->unit);
        QString label = QStringLiteral("%1 (%2%)").arg(row.mountPoint).arg(qRound(row.usedRatio() * 100));
        if (i == d->highlighted)
            label = tr("%1 [docker root]").arg(label);
        // Category labels must be unique; df may list the same mount point twice only if it is odd input.
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories.append(label);
    }
    if (d->highlighted >= 0)
        d->used->selectBar(int(rows.size()) - 1 - d->highlighted);
    d->bars->append(d->used);
    d->bars->append(d->available);
    d->bars->setBarWidth(0.6);
    barChart->addSeries(d->bars);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    barChart->addAxis(categoryAxis, Qt::AlignLeft);
    d->bars->attachAxis(categoryAxis);
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(unitName);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    valueAxis->setMin(0);
    barChart->addAxis(valueAxis, Qt::AlignBottom);
    d->bars->attachAxis(valueAxis);
    setNiceRange(valueAxis, double(largest) / d->unit);
    barChart->legend()->setAlignment(Qt::AlignBottom);
    d->barView->setMinimumHeight(std::max(180, 60 + 28 * int(rows.size())));

    // History of the docker root's filesystem.
    QChart *lineChart = d->historyView->chart();
    lineChart->removeAllSeries();
    for (QAbstractAxis *axis : lineChart->axes()) {
        lineChart->removeAxis(axis);
        delete axis;
    }
    lineChart->setTitle(tr("Docker root usage over past probes"));
    d->historyUsed = new QLineSeries;
    d->historyUsed->setName(tr("Used"));
    d->historyUsed->setColor(DockerRootColor);
    d->historyUsed->setPointsVisible(true);
    d->historySize = new QLineSeries;
    d->historySize->setName(tr("Size"));
    d->historySize->setColor(QColor(0x78, 0x90, 0x9c));
    QDateTime first;
    QDateTime last;
    for (const lw::DiskHistoryPoint &p : std::as_const(d->history)) {
        const qreal t = qreal(p.time.toMSecsSinceEpoch());
        d->historyUsed->append(t, double(p.used) / d->unit);
        d->historySize->append(t, double(p.size) / d->unit);
        if (!first.isValid() || p.time < first)
            first = p.time;
        if (!last.isValid() || p.time > last)
            last = p.time;
    }
    lineChart->addSeries(d->historySize);
    lineChart->addSeries(d->historyUsed);
    auto *timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("MM-dd hh:mm"));
    timeAxis->setTickCount(6);
    if (first.isValid()) {
        // One point still needs a visible range.
        timeAxis->setRange(first == last ? first.addSecs(-3600) : first,
                           first == last ? last.addSecs(3600) : last);
    }
    lineChart->addAxis(timeAxis, Qt::AlignBottom);
    auto *historyAxis = new QValueAxis;
    historyAxis->setTitleText(unitName);
    historyAxis->setLabelFormat(QStringLiteral("%.0f"));
    historyAxis->setMin(0);
    lineChart->addAxis(historyAxis, Qt::AlignLeft);
    for (QLineSeries *series : {d->historySize, d->historyUsed}) {
        series->attachAxis(timeAxis);
        series->attachAxis(historyAxis);
    }
    setNiceRange(historyAxis, double(largest) / d->unit * 1.05);
    lineChart->legend()->setAlignment(Qt::AlignBottom);
    d->historyView->setVisible(!d->history.isEmpty());
    d->noHistory->setVisible(d->history.isEmpty());
    d->noHistory->setText(tr("No usage history yet: it grows with every probe of this host."));
}

QStringList DiskChartWidget::barCategories() const
{
    QStringList result;
    const auto axes = d->barView->chart()->axes(Qt::Vertical);
    if (auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.first())) {
        result = axis->categories();
        std::reverse(result.begin(), result.end());
    }
    return result;
}

QList<double> DiskChartWidget::usedValues() const
{
    QList<double> values;
    for (int i = d->used->count() - 1; i >= 0; --i)
        values.append(d->used->at(i));
    return values;
}

QList<double> DiskChartWidget::availableValues() const
{
    QList<double> values;
    for (int i = d->available->count() - 1; i >= 0; --i)
        values.append(d->available->at(i));
    return values;
}

double DiskChartWidget::unitBytes() const
{
    return d->unit;
}

int DiskChartWidget::highlightedBar() const
{
    // Read back from the series: the selected bar of the "used" set.
    const QList<int> selected = d->used->selectedBars();
    return selected.isEmpty() ? -1 : d->used->count() - 1 - selected.first();
}

int DiskChartWidget::historyPointCount() const
{
    return d->historyUsed->count();
}

} // namespace lw::gui
