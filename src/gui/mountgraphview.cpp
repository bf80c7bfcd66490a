#include "mountgraphview.h"
#include "textescape.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <memory>

namespace lw::gui {

namespace {

constexpr double NodeWidth = 250;
constexpr double NodeHeight = 42;
constexpr double ColumnGap = 70;   // between tree levels
constexpr double RowGap = 8;       // between sibling rows
constexpr double GridGap = 10;     // between grid cells
constexpr double GridPadding = 10; // inside a grid frame
constexpr double GridHeader = 22;  // the frame's caption
constexpr int GridThreshold = 8;   // this many sibling leaves or more go into a grid
constexpr int GridMaxColumns = 40;

enum class NodeKind { Normal, Overlay, DockerRoot, Cover, Hidden };

const QColor WarningFill(0xfd, 0xdc, 0xb5);
const QColor WarningBorder(0xc6, 0x28, 0x28);
const QColor CoverFill(0xff, 0xcd, 0xd2);

int depthLimit(const lw::MountTree &tree)
{
    return tree.size() + 1; // guards against a parent cycle in corrupt input
}

struct NodeFonts
{
    QFont normal;
    QFont small;
};

} // namespace

// One mount. Text is laid out once (QStaticText) so that painting thousands of nodes stays cheap.
class MountNodeItem final : public QGraphicsItem
{
public:
    MountNodeItem(int mountId, NodeKind kind, const QString &title, const QString &subtitle,
                  const QString &badge, const QString &toolTip, std::shared_ptr<const NodeFonts> fonts)
        : m_mountId(mountId), m_kind(kind), m_title(title), m_subtitle(subtitle), m_badge(badge),
          m_fonts(std::move(fonts))
    {
        setFlag(ItemIsSelectable);
        setToolTip(toolTip);
        m_title.setPerformanceHint(QStaticText::AggressiveCaching);
        m_subtitle.setPerformanceHint(QStaticText::AggressiveCaching);
        m_badge.setPerformanceHint(QStaticText::AggressiveCaching);
        setData(0, mountId);
    }

    int mountId() const { return m_mountId; }
    bool isHidden() const { return m_kind == NodeKind::Hidden; }
    QRectF boundingRect() const override { return QRectF(-1, -1, NodeWidth + 2, NodeHeight + 2); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        QColor fill(0xf4, 0xf4, 0xf4);
        QColor border(0x9e, 0x9e, 0x9e);
        switch (m_kind) {
        case NodeKind::Normal:
            break;
        case NodeKind::Overlay:
            fill = QColor(0xe3, 0xf2, 0xfd);
            border = QColor(0x64, 0x95, 0xc8);
            break;
        case NodeKind::DockerRoot:
            fill = QColor(0xe8, 0xf5, 0xe9);
            border = QColor(0x2e, 0x7d, 0x32);
            break;
        case NodeKind::Cover:
            fill = CoverFill;
            border = WarningBorder;
            break;
        case NodeKind::Hidden:
            fill = WarningFill;
            border = WarningBorder;
            break;
        }
        const bool selected = option->state & QStyle::State_Selected;
        QPen pen(selected ? QColor(0x15, 0x65, 0xc0) : border, selected ? 3.0 : 1.2);
        if (m_kind == NodeKind::Hidden)
            pen.setStyle(selected ? Qt::SolidLine : Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(0, 0, NodeWidth, NodeHeight), 5, 5);

        // At small zoom the text is unreadable anyway; skip it so that "Fit" on 2,000 mounts stays fluid.
        const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
        if (scale < 0.35)
            return;
        painter->setFont(m_fonts->normal);
        painter->setPen(Qt::black);
        painter->drawStaticText(QPointF(6, 3), m_title);
        painter->setFont(m_fonts->small);
        painter->setPen(QColor(0x55, 0x55, 0x55));
        painter->drawStaticText(QPointF(6, 22), m_subtitle);
        if (!m_badge.text().isEmpty()) {
            const QSizeF size = m_badge.size();
            const QRectF badgeRect(NodeWidth - size.width() - 10, 22, size.width() + 6, size.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(WarningBorder);
            painter->drawRoundedRect(badgeRect, 3, 3);
            painter->setPen(Qt::white);
            painter->drawStaticText(badgeRect.topLeft() + QPointF(3, 0), m_badge);
        }
    }

private:
    int m_mountId;
    NodeKind m_kind;
    QStaticText m_title;
    QStaticText m_subtitle;
    QStaticText m_badge;
    std::shared_ptr<const NodeFonts> m_fonts;
};

MountGraphView::MountGraphView(QWidget *parent) : QGraphicsView(parent)
{
    auto *scene = new QGraphicsScene(this);
    setScene(scene);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &QGraphicsScene::selectionChanged, this, &MountGraphView::onSelectionChanged);
}

MountGraphView::~MountGraphView()
{
    // Items go with the scene; do not let their removal emit selection changes into a dying view.
    disconnect(scene(), nullptr, this, nullptr);
}

void MountGraphView::setTree(const lw::MountTree &tree)
{
    m_tree = tree;
    rebuild();
}

void MountGraphView::clear()
{
    m_tree = lw::MountTree();
    m_containers.clear();
    rebuild();
}

void MountGraphView::setDockerRootOnly(bool on)
{
    if (m_dockerRootOnly == on)
        return;
    const int selected = selectedMount();
    m_dockerRootOnly = on;
    rebuild();
    if (selected >= 0 && hasNode(selected))
        selectMount(selected);
}

bool MountGraphView::isNodeCovered(int mountId) const
{
    const MountNodeItem *node = m_nodes.value(mountId);
    return node && node->isHidden();
}

int MountGraphView::coverOfNode(int mountId) const
{
    return m_coverOf.value(mountId, -1);
}

QPointF MountGraphView::nodeCenter(int mountId) const
{
    const MountNodeItem *node = m_nodes.value(mountId);
    return node ? node->sceneBoundingRect().center() : QPointF();
}

QSet<int> MountGraphView::shownMountIds() const
{
    QSet<int> ids;
    ids.reserve(m_nodes.size());
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        ids.insert(it.key());
    return ids;
}

void MountGraphView::selectMount(int mountId)
{
    scene()->clearSelection();
    MountNodeItem *node = m_nodes.value(mountId);
    if (!node)
        return;
    node->setSelected(true);
    ensureVisible(node, 80, 80);
}

int MountGraphView::selectedMount() const
{
    const QList<QGraphicsItem *> items = scene()->selectedItems();
    for (QGraphicsItem *item : items) {
        if (auto *node = dynamic_cast<MountNodeItem *>(item))
            return node->mountId();
    }
    return -1;
}

void MountGraphView::onSelectionChanged()
{
    emit mountSelected(selectedMount());
}

QSet<int> MountGraphView::dockerRootIndexes(const lw::MountTree &tree)
{
    QSet<int> result;
    const QString root = tree.dockerRoot();
    if (root.isEmpty())
        return result;
    QList<int> seeds;
    const QByteArray rootBytes = root.toUtf8();
    for (int i = 0; i < tree.size(); ++i) {
        if (lw::isPathPrefix(rootBytes, tree.mountPointBytes(i))) {
            seeds.append(i);
            const QList<int> chain = tree.coverChain(i);
            seeds.append(chain);
        }
    }
    // Also the mount that holds the docker root itself when it is not a mount point of its own.
    const int holder = tree.resolvePath(root);
    if (holder >= 0)
        seeds.append(holder);
    const int limit = depthLimit(tree);
    for (int index : std::as_const(seeds)) {
        int steps = 0;
        for (int i = index; i >= 0 && !result.contains(i) && steps < limit; i = tree.parentIndex(i), ++steps)
            result.insert(i);
    }
    return result;
}

QString MountGraphView::describeMount(const lw::MountTree &tree, int index)
{
    if (index < 0 || index >= tree.size())
        return {};
    const lw::MountEntry &m = tree.mounts().at(index);
    auto esc = [](const QString &s) { return lw::escapeControlCharacters(s).toHtmlEscaped(); };
    auto code = [&](const QString &s) {
        return s.isEmpty() ? QStringLiteral("<i>-</i>") : QStringLiteral("<code>%1</code>").arg(esc(s));
    };
    QString html;
    auto row = [&](const QString &label, const QString &valueHtml) {
        html += QStringLiteral("<tr><td valign=top style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(esc(label), valueHtml);
    };

    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Mount %1").arg(m.id)));
    const int cover = tree.coveringMount(index);
    if (cover >= 0) {
        html +=
            QStringLiteral("<p style='color:#b71c1c'><b>%1</b></p>")
                .arg(esc(tr("Hidden: this mount is %1 and not reachable at its mount point.")
                             .arg(tree.visibility(index) == lw::Visibility::Overmounted ? tr("overmounted")
                                                                                        : tr("shadowed"))));
    }
    html += QStringLiteral("<table cellspacing=2>");
    row(tr("Mount ID"), QString::number(m.id));
    const int parent = tree.parentIndex(index);
    row(tr("Parent ID"), parent >= 0 ? QStringLiteral("%1 (<code>%2</code>)")
                                           .arg(m.parentId)
                                           .arg(esc(tree.mounts().at(parent).mountPoint))
                                     : esc(tr("%1 (not in the table)").arg(m.parentId)));
    row(tr("Device"), QStringLiteral("%1:%2").arg(m.major).arg(m.minor));
    row(tr("Root"), code(m.root));
    row(tr("Mount point"), code(m.mountPoint));
    row(tr("Mount options"), code(m.mountOptions));
    row(tr("Optional fields"),
        m.optionalFields.isEmpty() ? esc(tr("none")) : code(m.optionalFields.join(QLatin1Char(' '))));
    row(tr("Filesystem type"), code(m.fsType));
    row(tr("Source"), code(m.source));
    row(tr("Super options"), code(m.superOptions));
    if (m.isOverlay()) {
        const lw::OverlayOptions overlay = lw::parseOverlayOptions(m.superOptions);
        QString lowers;
        for (int i = 0; i < overlay.lowerDirs.size(); ++i)
            lowers += QStringLiteral("%1. <code>%2</code><br>").arg(i + 1).arg(esc(overlay.lowerDirs.at(i)));
        row(tr("Lower directories"), lowers.isEmpty() ? esc(tr("none")) : lowers);
        row(tr("Upper directory"), code(overlay.upperDir));
        row(tr("Work directory"), code(overlay.workDir));
    }
    const QString layer = tree.layerId(index);
    if (!layer.isEmpty())
        row(tr("Layer ID"), code(layer));
    row(tr("Visibility"), esc(lw::visibilityDisplayName(tree.visibility(index))));
    if (cover >= 0) {
        QString chain;
        for (int c : tree.coverChain(index)) {
            const lw::MountEntry &cm = tree.mounts().at(c);
            chain += QStringLiteral("#%1 %2 <code>%3</code> (%4)<br>")
                         .arg(cm.id)
                         .arg(esc(cm.fsType), esc(cm.mountPoint), esc(cm.source));
        }
        row(tr("Covered by"), chain);
    }
    if (const int top = tree.stackedUnder(index); top >= 0) {
        const lw::MountEntry &tm = tree.mounts().at(top);
        row(tr("Stacked under"), QStringLiteral("#%1 %2 <code>%3</code> (%4)")
                                     .arg(tm.id)
                                     .arg(esc(tm.fsType), esc(tm.mountPoint), esc(tm.source)));
    }
    row(tr("Line"), QString::number(m.line));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><b>%1</b></p><pre style='white-space:pre-wrap'>%2</pre>")
                .arg(esc(tr("Raw mountinfo line")), esc(m.rawLine));
    return html;
}

void MountGraphView::rebuild()
{
    scene()->clearSelection();
    scene()->clear();
    // Adding thousands of items to a BSP index one by one is slow; index once, after the layout.
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_nodes.clear();
    m_coverOf.clear();
    m_edgeCount = 0;
    m_coverLinkCount = 0;

    const int n = m_tree.size();
    if (n == 0) {
        scene()->setSceneRect(QRectF());
        emit mountSelected(-1);
        return;
    }

    QVector<bool> shown(n, true);
    if (m_dockerRootOnly) {
        shown.fill(false);
        const QSet<int> keep = dockerRootIndexes(m_tree);
        for (int i : keep)
            shown[i] = true;
    }

    // Who covers whom, among the shown nodes.
    QVector<bool> isCover(n, false);
    for (int i = 0; i < n; ++i) {
        if (!shown[i])
            continue;
        const int cover = m_tree.coveringMount(i);
        if (cover >= 0 && shown[cover])
            isCover[cover] = true;
    }

    // Shown children of each node, sorted by mount point then ID; shown nodes whose parent is not shown
    // (or not in the table) become roots.
    QVector<QList<int>> kids(n);
    QList<int> roots;
    for (int i = 0; i < n; ++i) {
        if (!shown[i])
            continue;
        const int parent = m_tree.parentIndex(i);
        if (parent >= 0 && parent != i && shown[parent])
            kids[parent].append(i);
        else
            roots.append(i);
    }
    const QList<lw::MountEntry> &mounts = m_tree.mounts();
    auto byMountPoint = [&](int a, int b) {
        const int c = mounts.at(a).mountPoint.compare(mounts.at(b).mountPoint);
        return c != 0 ? c < 0 : mounts.at(a).id < mounts.at(b).id;
    };
    for (QList<int> &k : kids)
        std::sort(k.begin(), k.end(), byMountPoint);
    std::sort(roots.begin(), roots.end(), byMountPoint);

    // Items.
    auto fonts = std::make_shared<NodeFonts>();
    fonts->normal = this->font();
    fonts->small = fonts->normal;
    fonts->small.setPointSizeF(std::max(6.0, fonts->normal.pointSizeF() * 0.85));
    const QFontMetricsF fm(fonts->normal);
    const QFontMetricsF smallFm(fonts->small);
    const QString dockerRoot = m_tree.dockerRoot();
    QVector<MountNodeItem *> items(n, nullptr);
    for (int i = 0; i < n; ++i) {
        if (!shown[i])
            continue;
        const lw::MountEntry &m = mounts.at(i);
        const int cover = m_tree.coveringMount(i);
        NodeKind kind = NodeKind::Normal;
        if (cover >= 0)
            kind = NodeKind::Hidden;
        else if (isCover[i])
            kind = NodeKind::Cover;
        else if (!dockerRoot.isEmpty() && m.mountPoint == dockerRoot)
            kind = NodeKind::DockerRoot;
        else if (m.isOverlay())
            kind = NodeKind::Overlay;

        QString badge;
        if (cover >= 0)
            badge = tr("covered by #%1").arg(mounts.at(cover).id);
        else if (isCover[i])
            badge = tr("covers");
        const double badgeWidth = badge.isEmpty() ? 0 : smallFm.horizontalAdvance(badge) + 14;
        // Measuring a huge path costs time for nothing: only its ends can show in a node.
        const QString point = lw::escapeControlCharacters(m.mountPoint);
        const QString shortPoint =
            point.size() > 160 ? point.left(60) + QChar(0x2026) + point.right(99) : point;
        // an overlay of a container's layer is titled with the container (the path is in the tooltip)
        const auto container = m_containers.constFind(m.id);
        const QString who = container != m_containers.constEnd()
                                ? lw::escapeControlCharacters(container->label())
                                : QString();
        // (the name alone: state and restart policy are in the tooltip)
        const QString name = container == m_containers.constEnd() ? QString()
                             : container->name.isEmpty()          ? who
                                                         : lw::escapeControlCharacters(container->name);
        const QString title =
            fm.elidedText(name.isEmpty() ? shortPoint : name, Qt::ElideMiddle, NodeWidth - 12);
        const QString subtitle = smallFm.elidedText(QStringLiteral("%1 · #%2 · %3")
                                                        .arg(lw::escapeControlCharacters(m.fsType))
                                                        .arg(m.id)
                                                        .arg(lw::escapeControlCharacters(m.source)),
                                                    Qt::ElideRight, NodeWidth - 12 - badgeWidth);
        QString tip = QStringLiteral("%1\n%2 #%3 (%4)")
                          .arg(shortPoint, lw::escapeControlCharacters(m.fsType))
                          .arg(m.id)
                          .arg(lw::escapeControlCharacters(m.source));
        if (!who.isEmpty())
            tip = who + QLatin1Char('\n') + tip;
        if (cover >= 0)
            tip += QLatin1Char('\n') + tr("Hidden by mount %1 (%2 on %3)")
                                           .arg(mounts.at(cover).id)
                                           .arg(lw::escapeControlCharacters(mounts.at(cover).fsType),
                                                lw::escapeControlCharacters(mounts.at(cover).mountPoint));
        auto *item = new MountNodeItem(m.id, kind, title, subtitle, badge, tip, fonts);
        items[i] = item;
        scene()->addItem(item);
        m_nodes.insert(m.id, item);
    }

    // Layout: every subtree owns a horizontal band; a node sits at x = depth * column width, vertically
    // centred on its children. Runs of sibling leaves go into a grid in their parent's band.
    QPen edgePen(QColor(0x78, 0x90, 0x9c), 1.2);
    const double columnWidth = NodeWidth + ColumnGap;
    struct Placer
    {
        MountGraphView *view;
        const QVector<QList<int>> &kids;
        const QVector<MountNodeItem *> &items;
        const QVector<bool> &isCover;
        const QPen &edgePen;
        double columnWidth;
        QHash<int, QGraphicsRectItem *> gridOf; // node index -> grid frame it sits in
        QVector<bool> placed;                   // a parent cycle in corrupt input is cut, not followed

        // Returns the band height.
        double place(int index, int depth, double top)
        {
            const double x = depth * columnWidth;
            placed[index] = true;
            QList<int> children;
            for (int c : kids.at(index)) {
                if (!placed.at(c))
                    children.append(c);
            }
            MountNodeItem *item = items.at(index);
            if (children.isEmpty()) {
                item->setPos(x, top);
                return NodeHeight;
            }
            QList<int> inner;
            QList<int> leaves;
            for (int c : children) {
                if (kids.at(c).isEmpty() && !isCover.at(c))
                    leaves.append(c);
                else
                    inner.append(c);
            }
            const bool grid = leaves.size() >= GridThreshold;
            const QList<int> &stacked = grid ? inner : children;

            double y = top;
            QList<double> anchors; // y of the attachment point of each child row (or grid)
            for (int c : stacked) {
                const double h = place(c, depth + 1, y);
                anchors.append(items.at(c)->y() + NodeHeight / 2);
                y += h + RowGap;
            }
            QRectF gridRect;
            if (grid) {
                const int count = int(leaves.size());
                // About 3:2 landscape: columns * cell width ~ 1.5 * rows * cell height.
                const int columns = std::clamp(
                    int(std::ceil(std::sqrt(1.5 * count * (NodeHeight + GridGap) / (NodeWidth + GridGap)))),
                    2, GridMaxColumns);
                const int rows = (count + columns - 1) / columns;
                const double gx = (depth + 1) * columnWidth;
                gridRect = QRectF(gx, y, 2 * GridPadding + columns * NodeWidth + (columns - 1) * GridGap,
                                  GridHeader + 2 * GridPadding + rows * NodeHeight + (rows - 1) * GridGap);
                auto *frame = view->scene()->addRect(
                    gridRect, QPen(QColor(0x90, 0xa4, 0xae), 1, Qt::DashLine), QColor(0xec, 0xef, 0xf1));
                frame->setZValue(-2);
                auto *caption =
                    view->scene()->addSimpleText(MountGraphView::tr("%n sibling mount(s)", nullptr, count));
                caption->setPos(gx + GridPadding, y + 3);
                caption->setBrush(QColor(0x45, 0x5a, 0x64));
                caption->setZValue(-1);
                for (int k = 0; k < count; ++k) {
                    const int r = k / columns;
                    const int col = k % columns;
                    items.at(leaves.at(k))
                        ->setPos(gx + GridPadding + col * (NodeWidth + GridGap),
                                 y + GridHeader + GridPadding + r * (NodeHeight + GridGap));
                    gridOf.insert(leaves.at(k), frame);
                    placed[leaves.at(k)] = true;
                }
                anchors.append(y + GridHeader / 2 + 2);
                y += gridRect.height() + RowGap;
            }
            const double bandHeight = std::max(NodeHeight, y - RowGap - top);
            // Centre on the children, but never above the band (the first child may be a tall subtree).
            const double centre = (anchors.first() + anchors.last()) / 2 - NodeHeight / 2;
            item->setPos(x, std::max(top, centre));

            // Edges: one path per parent (a bus), one stub per stacked child, one stub to the grid frame.
            const double px = x + NodeWidth;
            const double py = item->y() + NodeHeight / 2;
            const double busX = px + ColumnGap / 2;
            QPainterPath path(QPointF(px, py));
            path.lineTo(busX, py);
            double minY = py;
            double maxY = py;
            for (double a : anchors) {
                minY = std::min(minY, a);
                maxY = std::max(maxY, a);
                path.moveTo(busX, a);
                path.lineTo((depth + 1) * columnWidth, a);
            }
            path.moveTo(busX, minY);
            path.lineTo(busX, maxY);
            auto *edges = view->scene()->addPath(path, edgePen);
            edges->setZValue(-3);
            return bandHeight;
        }
    };
    Placer placer{this, kids, items, isCover, edgePen, columnWidth, {}, QVector<bool>(n, false)};
    double top = 0;
    for (int r : std::as_const(roots))
        top += placer.place(r, 0, top) + RowGap * 3;
    // Mounts only reachable through a parent cycle: laid out below, each cycle from its first member.
    for (int i = 0; i < n; ++i) {
        if (shown[i] && !placer.placed.at(i))
            top += placer.place(i, 0, top) + RowGap * 3;
    }

    for (int i = 0; i < n; ++i) {
        if (shown[i] && m_tree.parentIndex(i) >= 0 && shown[m_tree.parentIndex(i)] &&
            m_tree.parentIndex(i) != i)
            ++m_edgeCount;
    }

    // Cover links: dashed red curves from a hidden node to the mount that covers it. Hidden nodes packed
    // in one grid under the same cover share one link from the grid frame (their badges name the cover).
    QPen coverPen(WarningBorder, 2.0, Qt::DashLine);
    QSet<QPair<QGraphicsRectItem *, int>> gridLinks;
    // A link leaves the hidden node (or its grid frame) on the side facing the cover and ends with an
    // arrow head on the cover's edge; vertical when the cover is above or below, horizontal otherwise.
    auto link = [&](const QRectF &source, const QRectF &coverRect) {
        QPointF from;
        QPointF to;
        QPointF bend;
        if (coverRect.bottom() <= source.top() || coverRect.top() >= source.bottom()) {
            const bool above = coverRect.bottom() <= source.top();
            from = QPointF(std::clamp(coverRect.center().x(), source.left() + 20, source.right() - 20),
                           above ? source.top() : source.bottom());
            to = QPointF(coverRect.center().x(), above ? coverRect.bottom() : coverRect.top());
            bend = QPointF(0, (to.y() - from.y()) / 2);
        } else {
            const bool left = coverRect.right() <= source.left();
            from = QPointF(left ? source.left() : source.right(), source.center().y());
            to = QPointF(left ? coverRect.right() : coverRect.left(), coverRect.center().y());
            bend = QPointF((to.x() - from.x()) / 2, 0);
        }
        QPainterPath path(from);
        path.cubicTo(from + bend, to - bend, to);
        auto *line = scene()->addPath(path, coverPen);
        line->setZValue(1);
        const QLineF direction(to - bend, to);
        const double angle = std::atan2(direction.dy(), direction.dx());
        QPolygonF head;
        head << to << to - QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * 12
             << to - QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * 12;
        auto *arrow = scene()->addPolygon(head, QPen(WarningBorder), WarningBorder);
        arrow->setZValue(1);
    };
    MountNodeItem *firstCover = nullptr;
    for (int i = 0; i < n; ++i) {
        if (!shown[i])
            continue;
        const int cover = m_tree.coveringMount(i);
        if (cover < 0 || !shown[cover])
            continue;
        m_coverOf.insert(mounts.at(i).id, mounts.at(cover).id);
        ++m_coverLinkCount;
        if (!firstCover)
            firstCover = items[cover];
        const QRectF coverRect = items[cover]->sceneBoundingRect().adjusted(1, 1, -1, -1);
        QGraphicsRectItem *frame = placer.gridOf.value(i);
        if (frame) {
            const auto key = qMakePair(frame, cover);
            if (gridLinks.contains(key))
                continue;
            gridLinks.insert(key);
            link(frame->rect(), coverRect);
        } else {
            link(items[i]->sceneBoundingRect().adjusted(1, 1, -1, -1), coverRect);
        }
    }

    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    scene()->setSceneRect(bounds);
    scene()->setItemIndexMethod(QGraphicsScene::BspTreeIndex);

    // Start where the trouble is: the first hidden mount, else the top-left.
    const QList<int> hidden = m_tree.hiddenMounts();
    MountNodeItem *focus = nullptr;
    for (int h : hidden) {
        if (shown[h]) {
            focus = items[h];
            break;
        }
    }
    if (focus && firstCover) {
        // The first hidden mount and what covers it, side by side when the view is big enough.
        centerOn((focus->sceneBoundingRect().center() + firstCover->sceneBoundingRect().center()) / 2);
    } else if (focus) {
        centerOn(focus);
    } else {
        ensureVisible(QRectF(bounds.topLeft(), QSizeF(10, 10)));
    }
    emit mountSelected(-1);
}

void MountGraphView::scaleBy(double factor)
{
    const double next = std::clamp(m_zoom * factor, 0.02, 4.0);
    factor = next / m_zoom;
    if (qFuzzyCompare(factor, 1.0))
        return;
    m_zoom = next;
    scale(factor, factor);
    emit zoomChanged(m_zoom);
}

void MountGraphView::zoomIn()
{
    scaleBy(1.25);
}

void MountGraphView::zoomOut()
{
    scaleBy(1 / 1.25);
}

void MountGraphView::resetZoom()
{
    resetTransform();
    m_zoom = 1.0;
    emit zoomChanged(m_zoom);
}

void MountGraphView::fitAll()
{
    if (scene()->items().isEmpty())
        return;
    fitInView(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    m_zoom = transform().m11();
    if (m_zoom > 1.0) {
        resetZoom();
        centerOn(scene()->itemsBoundingRect().center());
    }
    emit zoomChanged(m_zoom);
}

void MountGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            scaleBy(std::pow(1.2, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void MountGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
        fitAll();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace lw::gui
