// #19: a language switch retranslates everything on screen at once. After English -> Chinese no English
// sentence of the catalogue is left on any main screen; after Chinese -> English no Chinese character is.
// The screens: the fleet (table, filters, charts, menus), the host detail (every tab), a host's problem
// page, the first-start page, the audit log viewer.
#include "auditlogviewer.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolBar>
#include <QXmlStreamReader>
#include <QtTest>

using namespace lw;
using namespace lw::gui;

namespace {

const QString demoDir = QStringLiteral(LAYERWATCH_DEMO_DIR);

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

void addActions(const QList<QAction *> &actions, QStringList &out)
{
    for (QAction *a : actions) {
        out << a->text() << a->toolTip();
        if (a->menu())
            addActions(a->menu()->actions(), out);
    }
}

void addModel(const QAbstractItemModel *model, QStringList &out, const QAbstractItemView *view)
{
    if (!model)
        return;
    for (int c = 0; c < model->columnCount(); ++c) {
        out << model->headerData(c, Qt::Horizontal).toString()
            << model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
    }
    for (int r = 0; r < qMin(model->rowCount(), 60); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            auto *table = qobject_cast<const QTableView *>(view);
            if (table && table->isColumnHidden(c))
                continue;
            out << model->index(r, c).data().toString()
                << model->index(r, c).data(Qt::ToolTipRole).toString();
        }
    }
}

// Every text a user can see (or hover) in a window: labels, buttons, combo items, tabs, text views, table
// cells and headers, chart titles, axes and legends, menus and tool bars, the title.
QStringList visibleTexts(QWidget *window)
{
    QStringList out{window->windowTitle()};
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible())
            continue;
        out << w->toolTip();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << plain(l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            out << g->title();
        else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                out << c->itemText(i);
        } else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                out << t->tabText(i);
        } else if (auto *e = qobject_cast<QTextEdit *>(w))
            out << e->toPlainText();
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            out << p->toPlainText() << p->placeholderText();
        else if (auto *le = qobject_cast<QLineEdit *>(w))
            out << le->placeholderText();
        else if (auto *v = qobject_cast<QAbstractItemView *>(w))
            addModel(v->model(), out, v);
        else if (auto *cv = qobject_cast<QChartView *>(w)) {
            QChart *chart = cv->chart();
            out << chart->title();
            for (QAbstractAxis *axis : chart->axes())
                out << axis->titleText();
            for (QLegendMarker *m : chart->legend()->markers())
                out << m->label();
        } else if (auto *mb = qobject_cast<QMenuBar *>(w))
            addActions(mb->actions(), out);
        else if (auto *tb = qobject_cast<QToolBar *>(w))
            addActions(tb->actions(), out);
    }
    out.removeAll(QString());
    return out;
}

// Sentences of the catalogue that Chinese says differently: the parts between placeholders, long enough
// not to be a word that host data could contain as well.
QStringList englishSentences()
{
    QFile ts(QStringLiteral(LAYERWATCH_SOURCE_DIR "/translations/layerwatch_zh_CN.ts"));
    if (!ts.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&ts);
    QStringList sentences;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (translation.isEmpty() || translation == source)
                continue;
            static const QRegularExpression placeholder(QStringLiteral("%(n|L?\\d+)|<[^>]*>|&[a-z]+;"));
            for (QString part : source.split(placeholder)) {
                part = part.trimmed();
                part.remove(QLatin1Char('&')); // mnemonics are stripped the same way below
                if (part.size() >= 14 && part.contains(QLatin1Char(' ')))
                    sentences << part;
            }
        }
    }
    sentences.removeDuplicates();
    return sentences;
}

QStringList leftovers(const QStringList &texts, const QStringList &sentences)
{
    QStringList found;
    for (QString text : texts) {
        text.remove(QLatin1Char('&'));
        for (const QString &s : sentences) {
            if (text.contains(s))
                found << QStringLiteral("'%1' in '%2'").arg(s, text.left(160));
        }
    }
    return found;
}

QStringList chineseIn(QStringList texts)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    QStringList found;
    for (QString &text : texts) {
        // The Language menu names each language in itself ("中文"), in every language.
        if (text.contains(han) && text.remove(QLatin1Char('&')) != QStringLiteral("中文"))
            found << text.left(160);
    }
    return found;
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everyMainScreenBothWays();

private:
    QStringList m_sentences;
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sentences = englishSentences();
    QVERIFY2(m_sentences.size() > 200, qPrintable(QString::number(m_sentences.size())));
}

void TestLanguage::cleanup()
{
    MainWindow::switchLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
}

void TestLanguage::everyMainScreenBothWays()
{
    MainWindow::switchLanguage(QStringLiteral("en"));
    // The demo fleet, the covered host selected; the host detail on each of its tabs.
    QTemporaryDir data;
    MainWindowOptions demo;
    demo.demo = true;
    demo.demoDir = demoDir;
    demo.dataDir = data.path();
    MainWindow window(demo);
    window.resize(1280, 800);
    window.show();
    QVERIFY(window.waitUntilIdle(30000));
    QVERIFY(window.fleetModel()->rowCount() > 0);
    window.selectHost(QStringLiteral("euler-node-07"));
    QVERIFY(!window.hostDetail()->host().isEmpty());

    // A host without results (its problem page) and the first-start page, in windows of their own.
    QTemporaryDir data2;
    QFile inventory(data2.filePath(QStringLiteral("hosts.txt")));
    QVERIFY(inventory.open(QIODevice::WriteOnly));
    inventory.write("never-probed.example\n");
    inventory.close();
    MainWindowOptions one;
    one.dataDir = data2.path();
    one.inventoryFile = inventory.fileName();
    MainWindow problem(one);
    problem.show();
    QVERIFY(problem.waitUntilIdle(30000));
    problem.selectHost(QStringLiteral("never-probed.example"));
    QTemporaryDir data3;
    MainWindowOptions none;
    none.dataDir = data3.path();
    none.demoDir = demoDir;
    MainWindow empty(none);
    empty.show();
    QVERIFY(empty.waitUntilIdle(30000));

    AuditLogViewer audit(QFINDTESTDATA("data/audit-batch.jsonl"));
    audit.show();

    const auto everything = [&] {
        QStringList texts;
        for (int tab = 0; tab < window.hostDetail()->tabs()->count(); ++tab) {
            window.hostDetail()->tabs()->setCurrentIndex(tab);
            QCoreApplication::processEvents();
            texts += visibleTexts(&window);
        }
        texts += visibleTexts(&problem);
        texts += visibleTexts(&empty);
        texts += visibleTexts(&audit);
        return texts;
    };
    const QStringList english = everything();
    // The check can fail: in English, catalogue sentences are on screen.
    QVERIFY(!leftovers(english, m_sentences).isEmpty());
    QVERIFY2(chineseIn(english).isEmpty(), qPrintable(chineseIn(english).join(QLatin1Char('\n'))));

    MainWindow::switchLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    QVERIFY(window.waitUntilIdle(30000)); // the findings are analysed again in the new language
    QCoreApplication::processEvents();
    const QStringList chinese = everything();
    const QStringList left = leftovers(chinese, m_sentences);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
    QVERIFY(!chineseIn(chinese).isEmpty());

    MainWindow::switchLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QVERIFY(window.waitUntilIdle(30000));
    QCoreApplication::processEvents();
    const QStringList back = everything();
    QVERIFY2(chineseIn(back).isEmpty(), qPrintable(chineseIn(back).join(QLatin1Char('\n'))));
    QCOMPARE(back.size(), english.size());
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
