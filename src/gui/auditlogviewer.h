#pragma once

#include <QAbstractTableModel>
#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace lw::gui {

class AuditFilterProxy;

// The audit records as a table; the raw record stays available for the details and the export.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, User, Host, Event, Script, Hash, Mode, Approval, Exit, Verification, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RecordRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(QList<QJsonObject> records);
    const QList<QJsonObject> &records() const { return m_records; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString cellText(const QJsonObject &record, int column);
    // Every cell text of a row joined by kSearchSeparator (no one types it): what a filter looks in. Made for
    // all rows at the first call after setRecords() or invalidateSearchText(), then kept: a filter over
    // 100,000 records formatted each cell (times to local time) again at every keystroke.
    const QString &searchText(int row) const;
    void invalidateSearchText(); // cell texts are translated: after a language change
    // The record's "time" (ISO UTC: sorts as text), kept from setRecords() for sorting by time.
    const QString &timeKey(int row) const { return m_times.at(row); }
    static constexpr QChar kSearchSeparator = QChar(0x1f);

private:
    QList<QJsonObject> m_records;
    QStringList m_times;
    mutable QStringList m_searchText;
};

// Reads the remediation audit log (JSON lines): filter, details of a record, export of what the filter
// shows (JSON lines or CSV), reload. A torn last line (a crash mid-write) or a bad line is reported and
// skipped; the other records are shown.
class AuditLogViewer final : public QDialog
{
    Q_OBJECT

public:
    explicit AuditLogViewer(QString path, QWidget *parent = nullptr);

    bool reload(); // false if the file could not be read at all
    QString path() const { return m_path; }
    QStringList problems() const { return m_problems; }
    bool tornLastLine() const { return m_torn; }

    void setFilterText(const QString &text);
    int visibleCount() const;
    QList<QJsonObject> visibleRecords() const;
    // Writes the visible records: CSV when path ends in .csv, else JSON lines. -1 and error on failure.
    int exportTo(const QString &path, QString *error) const;

    AuditLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString statusText() const;
    QString detailsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter(const QString &text);
    void showDetails();
    void exportDialog();
    void updateStatus();

    QString m_path;
    QStringList m_problems;
    bool m_torn = false;
    bool m_readable = false;
    AuditLogModel *m_model = nullptr;
    AuditFilterProxy *m_proxy = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
    QTimer m_filterDelay; // typing: the filter follows once the keys pause
};

} // namespace lw::gui
