#include "svgchart.h"

#include <QLocale>

#include <algorithm>

namespace lw {

namespace {

constexpr int width = 720;
constexpr int labelWidth = 230;
constexpr int valueWidth = 90;
constexpr int rowHeight = 24;
constexpr int top = 40;
constexpr int bottom = 16;
constexpr int maxLabelChars = 30;

QByteArray xml(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QString shortened(const QString &text)
{
    return text.size() <= maxLabelChars ? text : text.left(maxLabelChars - 1) + QChar(0x2026);
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 1);
}

} // namespace

QByteArray svgBarChart(const BarChart &chart)
{
    const int rows = std::max<int>(1, int(chart.bars.size()));
    const int height = top + rows * rowHeight + bottom;
    double maxValue = chart.maxValue;
    if (maxValue <= 0) {
        for (const ChartBar &bar : chart.bars)
            maxValue = std::max(maxValue, bar.value);
    }
    if (maxValue <= 0)
        maxValue = 1;
    const double barSpace = width - labelWidth - valueWidth;

    QByteArray svg;
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + QByteArray::number(width) + "\" height=\"" +
           QByteArray::number(height) + "\" viewBox=\"0 0 " + QByteArray::number(width) + ' ' +
           QByteArray::number(height) +
           "\" font-family=\"'Noto Sans CJK SC', 'Noto Sans', 'DejaVu Sans', "
           "sans-serif\" font-size=\"13\">\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    svg += "<text x=\"8\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#212121\">" +
           xml(chart.title) + "</text>\n";
    if (chart.bars.isEmpty()) {
        svg += "<text x=\"8\" y=\"" + QByteArray::number(top + 16) + "\" fill=\"#757575\">" +
               xml(chart.emptyText) + "</text>\n";
    }
    for (qsizetype i = 0; i < chart.bars.size(); ++i) {
        const ChartBar &bar = chart.bars.at(i);
        const int y = top + int(i) * rowHeight;
        const double length = std::clamp(bar.value / maxValue, 0.0, 1.0) * barSpace;
        const QString valueText = bar.valueText.isEmpty() ? QLocale().toString(bar.value) : bar.valueText;
        svg += "<g><title>" + xml(bar.label + QLatin1String(": ") + valueText) + "</title>";
        svg += "<text x=\"" + QByteArray::number(labelWidth - 8) + "\" y=\"" + QByteArray::number(y + 16) +
               "\" text-anchor=\"end\" fill=\"#212121\">" + xml(shortened(bar.label)) + "</text>";
        svg += "<rect x=\"" + QByteArray::number(labelWidth) + "\" y=\"" + QByteArray::number(y + 4) +
               "\" width=\"" + number(length) + "\" height=\"" + QByteArray::number(rowHeight - 8) +
               "\" fill=\"" + xml(bar.color.isEmpty() ? QStringLiteral("#1565c0") : bar.color) + "\"/>";
        svg += "<text x=\"" + number(labelWidth + length + 6) + "\" y=\"" + QByteArray::number(y + 16) +
               "\" fill=\"#424242\">" + xml(valueText) + "</text></g>\n";
    }
    if (chart.threshold >= 0 && !chart.bars.isEmpty()) {
        const double x = labelWidth + std::clamp(chart.threshold / maxValue, 0.0, 1.0) * barSpace;
        svg += "<line x1=\"" + number(x) + "\" y1=\"" + QByteArray::number(top - 4) + "\" x2=\"" + number(x) +
               "\" y2=\"" + QByteArray::number(height - bottom + 4) +
               "\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>\n";
        svg += "<text x=\"" + number(x) + "\" y=\"" + QByteArray::number(top - 8) +
               "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#c62828\">" + xml(chart.thresholdLabel) +
               "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

} // namespace lw
