#pragma once

#include "finding.h"
#include "mounttree.h"

#include <QGraphicsView>
#include <QHash>
#include <QSet>

class QGraphicsItem;

namespace lw::gui {

class MountNodeItem;

// The mount tree of one host drawn as a left-to-right tree: one node per mount, edges parent -> child,
// hidden mounts in a warning colour with a dashed red link (or badge) to the mount that covers them.
// Long runs of sibling leaves (the overlays of a busy docker host) are packed into a grid.
// Ctrl+wheel or +/- zoom, drag pans, F fits, 0 resets the zoom.
class MountGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MountGraphView(QWidget *parent = nullptr);
    ~MountGraphView() override;

    void setTree(const lw::MountTree &tree);
    // The container of each overlay mount of a layer (core's containersByMount): its node is titled with the
    // container's name. Set before setTree(); cleared by clear().
    void setContainers(const QHash<int, lw::FindingContainer> &byMount) { m_containers = byMount; }
    void clear();

    // Shows only the docker root's subtree, the mounts covering it and their ancestors.
    void setDockerRootOnly(bool on);
    bool dockerRootOnly() const { return m_dockerRootOnly; }

    // What is drawn (for the side panel, the table filter and the tests).
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return m_edgeCount; }           // parent -> child links among shown nodes
    int coverLinkCount() const { return m_coverLinkCount; } // hidden shown nodes linked to a shown cover
    bool hasNode(int mountId) const { return m_nodes.contains(mountId); }
    bool isNodeCovered(int mountId) const;
    int coverOfNode(int mountId) const;    // mount ID the node's red link/badge points to; -1 if none
    QPointF nodeCenter(int mountId) const; // scene coordinates
    QSet<int> shownMountIds() const;

    void selectMount(int mountId); // selects and scrolls to it; -1 clears the selection
    int selectedMount() const;

    // Indexes of the docker root subtree, every cover of a mount in it, and all their ancestors.
    static QSet<int> dockerRootIndexes(const lw::MountTree &tree);
    // Every field of the mount's mountinfo line decoded, as HTML (remote strings escaped).
    static QString describeMount(const lw::MountTree &tree, int index);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();

signals:
    void mountSelected(int mountId); // -1 when the selection is cleared
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rebuild();
    void scaleBy(double factor);
    void onSelectionChanged();

    lw::MountTree m_tree;
    QHash<int, lw::FindingContainer> m_containers; // by mount ID
    bool m_dockerRootOnly = false;
    QHash<int, MountNodeItem *> m_nodes; // by mount ID
    QHash<int, int> m_coverOf;           // covered mount ID -> cover mount ID (both shown)
    int m_edgeCount = 0;
    int m_coverLinkCount = 0;
    double m_zoom = 1.0;
};

} // namespace lw::gui
