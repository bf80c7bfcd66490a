#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// Writes JSON straight into a byte array, laid out byte for byte as QJsonDocument::toJson(Indented) lays
// out the same document (4 spaces an indent, "key": value, empty containers on two lines, strings as UTF-8
// with control characters, quotes and backslashes escaped, a lone surrogate as \uXXXX). QJsonObject sorts
// its keys: a writer that wants the same bytes writes them in that order (tst_jsonwriter compares).
// For reports of many hosts: building QJsonObjects and serialising them cost ~8x as much.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray *out) : m_out(out) {}
    // A value to be placed inside containers nested `depth` deep by the caller (who writes what comes
    // before and after it: indent, comma): laid out as it would be there.
    JsonWriter(QByteArray *out, int depth) : m_out(out), m_base(depth) {}

    void beginObject();
    void endObject(); // the outermost one ends with a newline, as toJson's
    void beginArray();
    void endArray();
    JsonWriter &key(QLatin1StringView name); // the next value is this member's

    void value(const QString &text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(bool flag);
    void null();
    void stringOrNull(const QString &text); // null for an empty string
    void intArray(const QList<int> &numbers);
    void stringArray(const QStringList &texts);

    static void appendEscaped(QByteArray *out, QStringView text);

private:
    void newMember(); // the comma after the previous one, and the indent
    void beforeValue();
    void open(char bracket);
    void close(char bracket);

    QByteArray *m_out;
    int m_base = 0;
    QList<int> m_counts; // members written so far in each open container, innermost last
    bool m_afterKey = false;
};

} // namespace lw
