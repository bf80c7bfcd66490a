#include "diskchartwidget.h"

#include "textescape.h"

#include "layeranalysis.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QTextDocument>
#include <QToolTip>
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
    QBarSet *rootUsed = nullptr; // the docker root's filesystem: its own colour, its own legend entry
    QBarSet *available = nullptr;
    QLineSeries *historyUsed = nullptr;
    QLineSeries *historySize = nullptr;
    // The axes are made once and kept: axes deleted and re-created while the tab was hidden left their
    // labels and grid drawn at the chart's corner ("..." over a tiny grid) after a host change.
    QBarCategoryAxis *categoryAxis = nullptr;
    QValueAxis *percentAxis = nullptr;
    QDateTimeAxis *timeAxis = nullptr;
    QValueAxis *historyAxis = nullptr;
    double historyUnit = 1;
    int highlighted = -1; // in df order
    int rowCount = 0;
    QStringList tips; // per bar, in df order

    lw::DiskUsageTable disks;
    QString dockerRoot;
    QList<lw::DiskHistoryPoint> history;
    bool covered = false;
};

namespace {

// Bytes per unit and its name for values up to `largest`: GiB from 4 GiB, MiB from 4 MiB, else KiB.
std::pair<double, QString> unitFor(qint64 largest)
{
    if (largest >= 4LL << 30)
        return {double(1LL << 30), DiskChartWidget::tr("GiB")};
    if (largest >= 4LL << 20)
        return {double(1LL << 20), DiskChartWidget::tr("MiB")};
    return {1024.0, DiskChartWidget::tr("KiB")};
}

double percentOf(qint64 part, qint64 whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

} // namespace

DiskChartWidget::DiskChartWidget(QWidget *parent)
    : QWidget(parent), d(std::make_unique<DiskChartWidgetPrivate>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->summary = new QLabel(this);
    d->summary->setObjectName(QStringLiteral("diskSummary"));
    d->summary->setWordWrap(true);
    d->summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->summary->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(d->summary);

    d->barView = new QChartView(new QChart, this);
    d->barView->setRenderHint(QPainter::Antialiasing);
    d->barView->setMinimumHeight(160);
    layout->addWidget(d->barView, 3);

    d->historyView = new QChartView(new QChart, this);
    d->historyView->setRenderHint(QPainter::Antialiasing);
    d->historyView->setMinimumHeight(150);
    layout->addWidget(d->historyView, 2);
    d->noHistory = new QLabel(this);
    d->noHistory->setAlignment(Qt::AlignCenter);
    d->noHistory->setEnabled(false);
    layout->addWidget(d->noHistory);

    QChart *barChart = d->barView->chart();
    d->categoryAxis = new QBarCategoryAxis;
    barChart->addAxis(d->categoryAxis, Qt::AlignLeft);
    d->percentAxis = new QValueAxis;
    d->percentAxis->setRange(0, 100);
    d->percentAxis->setTickCount(5); // 0, 25 ... 100: legible in a narrow detail too
    d->percentAxis->setLabelFormat(QStringLiteral("%d%"));
    barChart->addAxis(d->percentAxis, Qt::AlignBottom);
    barChart->legend()->setAlignment(Qt::AlignBottom);
    QChart *lineChart = d->historyView->chart();
    d->timeAxis = new QDateTimeAxis;
    d->timeAxis->setFormat(QStringLiteral("MM-dd'<br>'hh:mm")); // two lines: not elided when narrow
    d->timeAxis->setTickCount(5);
    lineChart->addAxis(d->timeAxis, Qt::AlignBottom);
    d->historyAxis = new QValueAxis;
    d->historyAxis->setMin(0);
    lineChart->addAxis(d->historyAxis, Qt::AlignLeft);
    lineChart->legend()->setAlignment(Qt::AlignBottom);
    rebuild();
}

DiskChartWidget::~DiskChartWidget() = default;

QList<lw::DiskUsage> DiskChartWidget::chartedRows(const lw::DiskUsageTable &disks, const QString &dockerRoot)
{
    const lw::DiskUsage *rootRow = dockerRoot.isEmpty() ? nullptr : disks.filesystemOf(dockerRoot);
    QList<lw::DiskUsage> rows;
    QSet<QString> seen;
    for (const lw::DiskUsage &row : disks.rows) {
        const bool isRoot = rootRow && row.mountPoint == rootRow->mountPoint;
        if (row.size <= 0 || (isPseudoFilesystem(row.type) && !isRoot) || seen.contains(row.mountPoint))
            continue;
        seen.insert(row.mountPoint);
        rows.append(row);
    }
    return rows;
}

void DiskChartWidget::setData(const lw::DiskUsageTable &disks, const QString &dockerRoot,
                              const QList<lw::DiskHistoryPoint> &history, bool dockerRootCovered)
{
    d->disks = disks;
    d->dockerRoot = dockerRoot;
    d->history = history;
    d->covered = dockerRootCovered;
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
    const QList<lw::DiskUsage> rows = chartedRows(d->disks, d->dockerRoot);
    d->rowCount = int(rows.size());

    // The docker root's filesystem: the charted row holding the docker root path.
    const lw::DiskUsage *rootRow = d->dockerRoot.isEmpty() ? nullptr : d->disks.filesystemOf(d->dockerRoot);
    d->highlighted = -1;
    for (int i = 0; rootRow && i < rows.size(); ++i) {
        if (rows.at(i).mountPoint == rootRow->mountPoint)
            d->highlighted = i;
    }
    if (rootRow && d->covered) {
        d->summary->setText(tr("A later mount covers the docker root %1: df shows %2 (%3, mounted on %4) "
                               "there, %5 of %6 used - "
                               "not docker's data. Docker's own filesystem is hidden under it.")
                                .arg(d->dockerRoot, rootRow->filesystem, rootRow->type, rootRow->mountPoint,
                                     lw::formatBytes(rootRow->used), lw::formatBytes(rootRow->size)));
        d->summary->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else if (rootRow) {
        d->summary->setText(tr("Docker root %1 is on %2 (%3, mounted on %4): %5 of %6 used (%7%), %8 free.")
                                .arg(d->dockerRoot, rootRow->filesystem, rootRow->type, rootRow->mountPoint,
                                     lw::formatBytes(rootRow->used), lw::formatBytes(rootRow->size),
                                     locale.toString(rootRow->usedRatio() * 100, 'f', 1),
                                     lw::formatBytes(rootRow->available)));
        d->summary->setStyleSheet(QString());
    } else if (d->disks.rows.isEmpty()) {
        d->summary->setText(tr("No disk usage collected for this host."));
        d->summary->setStyleSheet(QString());
    } else {
        d->summary->setText(
            tr("The filesystem holding the docker root %1 is not in the df output.").arg(d->dockerRoot));
        d->summary->setStyleSheet(QString());
    }

    // Bars in percent of each filesystem's own size. Horizontal bar charts draw the first category at the
    // bottom: insert in reverse so that the chart reads top-down in df order.
    QChart *barChart = d->barView->chart();
    barChart->removeAllSeries();
    barChart->setTitle(tr("Disk usage per filesystem (% of its size)"));
    d->bars = new QHorizontalStackedBarSeries;
    d->used = new QBarSet(tr("Used"));
    d->rootUsed = new QBarSet(d->covered ? tr("Covered docker root") : tr("Used (docker root)"));
    d->available = new QBarSet(tr("Available"));
    const QColor rootColour = d->covered ? QColor(0xc6, 0x28, 0x28) : DockerRootColor;
    for (auto [set, colour] : {std::pair{d->used, UsedColor}, std::pair{d->rootUsed, rootColour},
                               std::pair{d->available, AvailableColor}}) {
        set->setColor(colour);
        set->setBorderColor(colour.darker(125));
    }
    QStringList categories;
    d->tips.clear();
    for (int i = 0; i < rows.size(); ++i) {
        const lw::DiskUsage &row = rows.at(i);
        // Plain text with the host's strings escaped (shown through Qt::convertFromPlainText, so that a mount
        // point like "/mnt/<b>x" is never taken for markup).
        QString tip =
            tr("%1 on %2 (%3): %4 used, %5 available, %6 in all")
                .arg(lw::escapeControlCharacters(row.mountPoint), lw::escapeControlCharacters(row.filesystem),
                     lw::escapeControlCharacters(row.type), lw::formatBytes(row.used),
                     lw::formatBytes(row.available), lw::formatBytes(row.size));
        const qint64 reserved = row.size - row.used - row.available;
        if (reserved > 0)
            tip += QLatin1Char('\n') +
                   tr("%1 reserved (for root, not available to docker)").arg(lw::formatBytes(reserved));
        if (i == d->highlighted)
            tip += QLatin1Char('\n') + (d->covered ? tr("Covers the docker root %1: not docker's data.")
                                                   : tr("Holds the docker root %1."))
                                           .arg(lw::escapeControlCharacters(d->dockerRoot));
        d->tips.append(tip);
    }
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        const lw::DiskUsage &row = rows.at(i);
        const double used = percentOf(row.used, row.size);
        d->used->append(i == d->highlighted ? 0.0 : used);
        d->rootUsed->append(i == d->highlighted ? used : 0.0);
        d->available->append(percentOf(row.available, row.size));
        // Lines (QtCharts draws a category label as rich text): the mount point, the docker root's mark if
        // it holds it, then its usage - one line was elided to "/var/lib/docker 96 % of 5..." in a narrow
        // detail. The mount point comes from the host: escaped for the terminal rules and for HTML.
        QString label = lw::escapeControlCharacters(row.mountPoint).toHtmlEscaped();
        if (i == d->highlighted) // the mark on a line of its own, so that it is never the part elided
            label +=
                QLatin1String("<br>") + (d->covered ? tr("[docker root, COVERED]") : tr("[docker root]"));
        label += QLatin1String("<br>") +
                 tr("%1 % of %2").arg(locale.toString(qRound(used)), lw::formatBytes(row.size));
        // Category labels must be unique; df may list the same mount point twice only if it is odd input.
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories.append(label);
    }
    d->bars->append(d->used);
    if (d->highlighted >= 0) // no legend entry for a colour no bar has
        d->bars->append(d->rootUsed);
    d->bars->append(d->available);
    d->bars->setBarWidth(0.6);
    barChart->addSeries(d->bars);
    for (QBarSet *set : d->bars->barSets()) {
        connect(set, &QBarSet::hovered, this, [this](bool status, int index) {
            const int bar = d->rowCount - 1 - index;
            if (status && bar >= 0 && bar < d->tips.size())
                QToolTip::showText(QCursor::pos(), Qt::convertFromPlainText(d->tips.at(bar)), d->barView);
            else
                QToolTip::hideText();
        });
    }
    d->categoryAxis->clear();
    d->categoryAxis->append(categories);
    d->bars->attachAxis(d->categoryAxis);
    d->bars->attachAxis(d->percentAxis);
    d->barView->setMinimumHeight(std::max(160, 70 + 26 * int(rows.size())));

    // History of the docker root's filesystem, on an axis scaled to that filesystem's own size.
    QChart *lineChart = d->historyView->chart();
    lineChart->removeAllSeries();
    lineChart->setTitle(tr("Docker root usage over past probes"));
    qint64 largest = 0;
    for (const lw::DiskHistoryPoint &p : std::as_const(d->history))
        largest = std::max({largest, p.size, p.used});
    const auto [unit, unitName] = unitFor(largest);
    d->historyUnit = unit;
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
        d->historyUsed->append(t, double(p.used) / unit);
        d->historySize->append(t, double(p.size) / unit);
        if (!first.isValid() || p.time < first)
            first = p.time;
        if (!last.isValid() || p.time > last)
            last = p.time;
    }
    lineChart->addSeries(d->historySize);
    lineChart->addSeries(d->historyUsed);
    if (first.isValid()) {
        // One point still needs a visible range.
        d->timeAxis->setRange(first == last ? first.addSecs(-3600) : first,
                              first == last ? last.addSecs(3600) : last);
    }
    d->historyAxis->setTitleText(unitName);
    for (QLineSeries *series : {d->historySize, d->historyUsed}) {
        series->attachAxis(d->timeAxis);
        series->attachAxis(d->historyAxis);
    }
    setNiceRange(d->historyAxis, double(largest) / unit * 1.05);
    // One point is no history: a dot in an empty chart took the space the bars need in a small window.
    const bool hasHistory = d->history.size() >= 2;
    d->historyView->setVisible(hasHistory);
    d->noHistory->setVisible(!hasHistory);
    d->noHistory->setText(tr("No usage history yet: it grows with every probe of this host."));
}

QStringList DiskChartWidget::barCategories() const
{
    QStringList result;
    result = d->categoryAxis->categories();
    std::reverse(result.begin(), result.end());
    return result;
}

QStringList DiskChartWidget::barToolTips() const
{
    return d->tips;
}

QList<double> DiskChartWidget::usedPercents() const
{
    // The used part of a bar is in the plain or the docker root's set, whichever it was drawn with.
    QList<double> values;
    for (int i = d->used->count() - 1; i >= 0; --i)
        values.append(d->used->at(i) + d->rootUsed->at(i));
    return values;
}

QList<double> DiskChartWidget::availablePercents() const
{
    QList<double> values;
    for (int i = d->available->count() - 1; i >= 0; --i)
        values.append(d->available->at(i));
    return values;
}

int DiskChartWidget::highlightedBar() const
{
    // The docker root's set is in the chart only with a bar in it.
    return d->bars->barSets().contains(d->rootUsed) ? d->highlighted : -1;
}

QColor DiskChartWidget::usedBarColor(int bar) const
{
    return (bar == highlightedBar() ? d->rootUsed : d->used)->color();
}

QList<QPair<QString, QColor>> DiskChartWidget::legend() const
{
    QList<QPair<QString, QColor>> entries;
    for (QLegendMarker *marker : d->barView->chart()->legend()->markers(d->bars))
        entries.append({marker->label(), marker->brush().color()});
    return entries;
}

int DiskChartWidget::historyPointCount() const
{
    return d->historyUsed->count();
}

double DiskChartWidget::historyAxisMaxBytes() const
{
    return d->historyAxis->max() * d->historyUnit;
}

QString DiskChartWidget::summaryText() const
{
    return d->summary->text();
}

} // namespace lw::gui
