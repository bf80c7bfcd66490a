// escapeControlCharacters: remote text as a terminal may show it (issue #16 item 4).
#include "textescape.h"

#include <QTest>

using namespace lw;

class tst_textescape : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("/var/lib/docker") << QStringLiteral("/var/lib/docker");
        QTest::newRow("non-ascii stays")
            << QStringLiteral("/srv/数据/données") << QStringLiteral("/srv/数据/données");
        QTest::newRow("clear screen") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\x1b[2Jb");
        QTest::newRow("newline, cr, tab") << QStringLiteral("a\nb\rc\td") << QStringLiteral("a\\nb\\rc\\td");
        QTest::newRow("osc title, bel") << QStringLiteral("\x1b]0;x\x07") << QStringLiteral("\\x1b]0;x\\x07");
        QTest::newRow("del, nul") << QString::fromLatin1("a\x7f\0b", 4) << QStringLiteral("a\\x7f\\x00b");
        QTest::newRow("c1 csi") << QString(QChar(0x9b)) + QStringLiteral("2J") << QStringLiteral("\\x9b2J");
        QTest::newRow("bidi override") << QStringLiteral("a\u202Eb") << QStringLiteral("a\\u202eb");
        QTest::newRow("line separator") << QStringLiteral("a\u2028b") << QStringLiteral("a\\u2028b");
        QTest::newRow("zero width") << QStringLiteral("a\u200Bb") << QStringLiteral("a\\u200bb");
        QTest::newRow("tag character")
            << QString::fromUcs4(U"a\U000E0041b") << QStringLiteral("a\\U000e0041b");
        QTest::newRow("emoji stays") << QString::fromUcs4(U"\U0001F600") << QString::fromUcs4(U"\U0001F600");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QStringLiteral("\\ud800");
        QTest::newRow("backslash is unambiguous") << QStringLiteral("a\\x1b") << QStringLiteral("a\\\\x1b");
    }
    void escapes()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(escapeControlCharacters(in), out);
    }

    // Whatever comes in, nothing a terminal acts on comes out, and no line is split.
    void noControlCharacterSurvives()
    {
        for (uint c = 0; c < 0x110000; ++c) {
            if (c >= 0xD800 && c < 0xE000)
                continue;
            const QString out =
                escapeControlCharacters(QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1));
            for (const QChar ch : out) {
                const auto cat = ch.category();
                QVERIFY2(cat != QChar::Other_Control && cat != QChar::Other_Format &&
                             cat != QChar::Separator_Line && cat != QChar::Separator_Paragraph,
                         qPrintable(QString::number(c, 16)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_textescape)
#include "tst_textescape.moc"
