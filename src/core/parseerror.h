#pragma once

#include <QList>
#include <QString>

namespace lw {

// Where and why a piece of probe output could not be read. Lines and columns are 1-based; 0 means
// "not applicable" (e.g. an error about the whole input).
struct ParseError
{
    int line = 0;
    int column = 0;
    QString message; // translated, user-facing

    bool operator==(const ParseError &other) const
    {
        return line == other.line && column == other.column && message == other.message;
    }
};

} // namespace lw
