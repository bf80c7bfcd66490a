#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace lw {

// Charts as SVG images, made without a display (the CLI's HTML report embeds them; no QtCharts, no
// QPainter): horizontal bars, one a row, labels on the left, the value at the end of the bar.
struct ChartBar
{
    QString label;
    double value = 0;
    QString valueText; // shown after the bar; empty: the value as a number
    QString color;     // CSS colour, e.g. "#c62828"
};

struct BarChart
{
    QString title;
    QList<ChartBar> bars;
    double maxValue = -1;  // the scale's end; <= 0: the largest value
    double threshold = -1; // a dashed line at this value (on the same scale); < 0: none
    QString thresholdLabel;
    QString emptyText; // shown when there are no bars
};

// A standalone SVG document (UTF-8), every text escaped.
QByteArray svgBarChart(const BarChart &chart);

} // namespace lw
