// JsonWriter: the bytes QJsonDocument::toJson(Indented) writes for the same document, for nesting, empty
// containers, numbers and hostile strings (quotes, backslashes, every control character, non-ASCII, pairs
// and lone halves of surrogates).
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace lw;
using namespace Qt::StringLiterals;

class tst_jsonwriter : public QObject
{
    Q_OBJECT

private:
    static QString hostileText()
    {
        QString s = u"plain \"quoted\" back\\slash /slash \x7f caf\u00e9 \u4e2d\u6587 "_s;
        for (char16_t c = 0; c < 0x20; ++c)
            s += QChar(c);
        s += QChar(0xd83d); // a pair: U+1F600
        s += QChar(0xde00);
        s += QChar(0xd800); // a lone high half
        s += u'x';
        s += QChar(0xdc00); // a lone low half
        return s;
    }

    // Writes the value with the writer, in the order QJsonObject keeps (sorted keys).
    static void write(JsonWriter &w, const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            w.beginObject();
            const QStringList keys = o.keys();
            QList<QByteArray> latin; // keys outlive the views
            for (const QString &k : keys)
                latin << k.toLatin1();
            for (qsizetype i = 0; i < keys.size(); ++i) {
                w.key(QLatin1StringView(latin.at(i)));
                write(w, o.value(keys.at(i)));
            }
            w.endObject();
            break;
        }
        case QJsonValue::Array:
            w.beginArray();
            for (const QJsonValue &e : v.toArray())
                write(w, e);
            w.endArray();
            break;
        case QJsonValue::String:
            w.value(v.toString());
            break;
        case QJsonValue::Double:
            w.value(v.toInteger());
            break;
        case QJsonValue::Bool:
            w.value(v.toBool());
            break;
        default:
            w.null();
        }
    }

    static QJsonValue randomValue(QRandomGenerator &rng, int depth)
    {
        const int kind = int(rng.bounded(depth > 3 ? 4 : 6));
        switch (kind) {
        case 0: {
            QString s;
            const int n = int(rng.bounded(12));
            for (int i = 0; i < n; ++i) {
                const char16_t pool[] = {u'a', u'"',   u'\\',  u'\n',  0x01, 0x1f,
                                         0xe9, 0x4e2d, 0xd800, 0xdc00, u' '};
                s += QChar(pool[rng.bounded(int(std::size(pool)))]);
            }
            return s;
        }
        case 1:
            return QJsonValue(qint64(rng.generate64() >> 12) - (qint64(1) << 51));
        case 2:
            return rng.bounded(2) == 1;
        case 3:
            return QJsonValue(QJsonValue::Null);
        case 4: {
            QJsonArray a;
            const int n = int(rng.bounded(4));
            for (int i = 0; i < n; ++i)
                a.append(randomValue(rng, depth + 1));
            return a;
        }
        default: {
            QJsonObject o;
            const int n = int(rng.bounded(4));
            for (int i = 0; i < n; ++i)
                o.insert(QStringLiteral("k%1").arg(rng.bounded(30)), randomValue(rng, depth + 1));
            return o;
        }
        }
    }

    static QByteArray written(const QJsonObject &o)
    {
        QByteArray out;
        JsonWriter w(&out);
        write(w, o);
        return out;
    }

private slots:
    void sameBytesAsQJsonDocument_data()
    {
        QTest::addColumn<QJsonObject>("document");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("empty containers") << QJsonObject{{u"a"_s, QJsonArray()}, {u"o"_s, QJsonObject()}};
        QTest::newRow("numbers") << QJsonObject{{u"big"_s, qint64(270553174016)},
                                                {u"neg"_s, -7},
                                                {u"zero"_s, 0},
                                                {u"t"_s, true},
                                                {u"f"_s, false},
                                                {u"n"_s, QJsonValue(QJsonValue::Null)}};
        QTest::newRow("hostile strings")
            << QJsonObject{{u"text"_s, hostileText()}, {u"list"_s, QJsonArray{hostileText(), u""_s, 1}}};
        QTest::newRow("nested") << QJsonObject{
            {u"hosts"_s,
             QJsonArray{QJsonObject{{u"mounts"_s, QJsonArray{QJsonObject{{u"id"_s, 1}}, QJsonArray{}}}},
                        QJsonArray{QJsonArray{QJsonArray{}}}}}};
        QRandomGenerator rng(20261128);
        for (int i = 0; i < 200; ++i) {
            QJsonObject o;
            const int n = int(rng.bounded(5));
            for (int k = 0; k < n; ++k)
                o.insert(QStringLiteral("key%1").arg(k), randomValue(rng, 0));
            QTest::newRow(qPrintable(QStringLiteral("random %1").arg(i))) << o;
        }
    }

    void sameBytesAsQJsonDocument()
    {
        QFETCH(QJsonObject, document);
        const QByteArray mine = written(document);
        QCOMPARE(mine, QJsonDocument(document).toJson(QJsonDocument::Indented));
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(mine, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.object(), document);
    }

    void escapesEveryControlCharacter()
    {
        QByteArray out;
        JsonWriter::appendEscaped(&out, hostileText());
        for (const char c : std::as_const(out))
            QVERIFY2(uchar(c) >= 0x20, "a raw control character in a JSON string");
        QVERIFY(out.contains("\\u0001") && out.contains("\\u001f") && out.contains("\\n") &&
                out.contains("\\\"") && out.contains("\\\\"));
        QVERIFY(out.contains("\\ud800x\\udc00"));  // lone halves escaped, as QJsonDocument writes them
        QVERIFY(out.contains("\xf0\x9f\x98\x80")); // the pair as one UTF-8 character
    }
};

QTEST_GUILESS_MAIN(tst_jsonwriter)
#include "tst_jsonwriter.moc"
