#include "dockerconfig.h"

#include "coretr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lw {

namespace {

QByteArrayView withoutBom(QByteArrayView text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        return text.sliced(3);
    return text;
}

bool isShellName(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

struct ShellWord
{
    QString text;
    int line = 0;
    // Index of the '=' that makes the word an assignment (NAME=value with NAME unquoted), -1 if none.
    qsizetype assignAt = -1;
    bool literal = true; // no quotes or escapes anywhere in the word
};

// A small sh tokenizer: quotes ('..' and ".." with \ escapes), backslash escapes, backslash-newline
// continuations. No expansion of any kind: $VARS stay as they are, because the text comes from a remote
// host and is data, not a script we run.
class ShellLexer
{
public:
    enum class Mode {
        Script, // newline and ';' end a statement, '#' starts a comment
        Words,  // the whole text is one word list (newlines are blanks, ';' and '#' are plain)
    };

    ShellLexer(const QString &text, Mode mode) : m_text(text), m_mode(mode) {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    // The words of the next statement. On an unterminated quote, sets *error, and resumes on the line
    // after the one where the quote opened so that the rest of the file is still read.
    QList<ShellWord> nextStatement(ParseError *error)
    {
        QList<ShellWord> words;
        ShellWord word;
        bool inWord = false;
        bool prefixLiteral = true;
        const auto startWord = [&] {
            if (!inWord) {
                inWord = true;
                word = ShellWord{};
                word.line = m_line;
                prefixLiteral = true;
            }
        };
        const auto finishWord = [&] {
            if (inWord)
                words.append(word);
            inWord = false;
        };
        const qsizetype n = m_text.size();
        while (m_pos < n) {
            const QChar c = m_text.at(m_pos);
            if (c == u'\n') {
                finishWord();
                ++m_pos;
                ++m_line;
                if (m_mode == Mode::Script)
                    return words;
                continue;
            }
            if (c == u' ' || c == u'\t' || c == u'\r') {
                finishWord();
                ++m_pos;
                continue;
            }
            if (m_mode == Mode::Script && c == u';') {
                finishWord();
                ++m_pos;
                return words;
            }
            if (m_mode == Mode::Script && c == u'#' && !inWord) {
                while (m_pos < n && m_text.at(m_pos) != u'\n')
                    ++m_pos;
                continue;
            }
            if (c == u'\\') {
                if (m_pos + 1 < n && m_text.at(m_pos + 1) == u'\n') {
                    m_pos += 2;
                    ++m_line;
                    continue;
                }
                startWord();
                prefixLiteral = false;
                word.literal = false;
                if (m_pos + 1 < n) {
                    word.text += m_text.at(m_pos + 1);
                    m_pos += 2;
                } else {
                    word.text += c;
                    ++m_pos;
                }
                continue;
            }
            if (c == u'\'' || c == u'"') {
                startWord();
                prefixLiteral = false;
                word.literal = false;
                const qsizetype openPos = m_pos;
                const int openLine = m_line;
                if (!(c == u'\'' ? readSingleQuoted(&word.text) : readDoubleQuoted(&word.text))) {
                    error->line = openLine;
                    error->column = columnOf(openPos);
                    error->message =
                        c == u'\''
                            ? CoreTr::tr("Unterminated single quote (opened on line %1)").arg(openLine)
                            : CoreTr::tr("Unterminated double quote (opened on line %1)").arg(openLine);
                    // Resume after the line of the opening quote.
                    const qsizetype eol = m_text.indexOf(u'\n', openPos);
                    m_pos = eol < 0 ? n : eol + 1;
                    m_line = openLine + 1;
                    return {};
                }
                continue;
            }
            startWord();
            if (c == u'=' && word.assignAt < 0 && prefixLiteral && isShellName(word.text))
                word.assignAt = word.text.size();
            word.text += c;
            ++m_pos;
        }
        finishWord();
        return words;
    }

private:
    int columnOf(qsizetype pos) const
    {
        const qsizetype lineStart = m_text.lastIndexOf(u'\n', pos - 1) + 1;
        return int(pos - lineStart) + 1;
    }

    bool readSingleQuoted(QString *out)
    {
        const qsizetype close = m_text.indexOf(u'\'', m_pos + 1);
        if (close < 0)
            return false;
        const QString inner = m_text.mid(m_pos + 1, close - m_pos - 1);
        m_line += int(inner.count(u'\n'));
        *out += inner;
        m_pos = close + 1;
        return true;
    }

    bool readDoubleQuoted(QString *out)
    {
        const qsizetype n = m_text.size();
        qsizetype pos = m_pos + 1;
        int line = m_line;
        QString inner;
        while (pos < n) {
            const QChar c = m_text.at(pos);
            if (c == u'"') {
                *out += inner;
                m_pos = pos + 1;
                m_line = line;
                return true;
            }
            if (c == u'\\' && pos + 1 < n) {
                const QChar next = m_text.at(pos + 1);
                if (next == u'\n') {
                    pos += 2;
                    ++line;
                    continue;
                }
                // Inside double quotes sh only gives \ a meaning before these characters.
                if (next == u'$' || next == u'`' || next == u'"' || next == u'\\') {
                    inner += next;
                    pos += 2;
                    continue;
                }
            }
            if (c == u'\n')
                ++line;
            inner += c;
            ++pos;
        }
        return false;
    }

    const QString m_text;
    const Mode m_mode;
    qsizetype m_pos = 0;
    int m_line = 1;
};

// Reads a flag with a value: "--name=value", "--name value" (longName), "-xvalue", "-x=value", "-x value"
// (shortName). Returns the number of words used, 0 if words[i] is not this flag.
int takeFlag(const QStringList &words, qsizetype i, QLatin1StringView longName, QLatin1StringView shortName,
             QString *value, QString *evidence)
{
    const QString &word = words.at(i);
    const auto withNext = [&]() -> int {
        if (i + 1 < words.size()) {
            *value = words.at(i + 1);
            *evidence = word + u' ' + words.at(i + 1);
            return 2;
        }
        // A flag without its value: dockerd would refuse it; keep it as evidence only.
        *value = QString();
        *evidence = word;
        return 1;
    };
    if (word == longName)
        return withNext();
    if (word.startsWith(longName) && word.size() > longName.size() && word.at(longName.size()) == u'=') {
        *value = word.mid(longName.size() + 1);
        *evidence = word;
        return 1;
    }
    if (shortName.isEmpty())
        return 0;
    if (word == shortName)
        return withNext();
    if (word.startsWith(shortName) && word.size() > shortName.size()) {
        *value = word.mid(shortName.size());
        if (value->startsWith(u'='))
            value->remove(0, 1);
        *evidence = word;
        return 1;
    }
    return 0;
}

void appendEvidence(StorageFlags *flags, const QString &text)
{
    if (!flags->evidence.isEmpty())
        flags->evidence += u' ';
    flags->evidence += text;
}

QStringList splitOnBlanks(const QString &text)
{
    static const QRegularExpression blanks(u"[ \\t]+"_s);
    return text.split(blanks, Qt::SkipEmptyParts);
}

} // namespace

ParseError parseErrorAtOffset(QByteArrayView text, qsizetype offset, const QString &message)
{
    offset = qBound(qsizetype(0), offset, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // count UTF-8 lead bytes only
            ++column;
        }
    }
    return ParseError{line, column, message};
}

DaemonJson parseDaemonJson(QByteArrayView text)
{
    DaemonJson result;
    const QByteArrayView body = withoutBom(text);
    if (body.trimmed().isEmpty()) {
        result.error.message = CoreTr::tr("daemon.json is empty: it must contain a JSON object");
        return result;
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        result.error =
            parseErrorAtOffset(body, jsonError.offset,
                               CoreTr::tr("daemon.json is not valid JSON: %1").arg(jsonError.errorString()));
        return result;
    }
    if (!document.isObject()) {
        result.error.message = CoreTr::tr("daemon.json must contain a JSON object at the top level");
        return result;
    }
    const QJsonObject object = document.object();
    result.keys = object.keys();

    // Points a type error at the key in the text, so that the operator finds it at once.
    const auto keyError = [&](const QString &key, const QString &message) {
        const qsizetype at = body.toByteArray().indexOf(QByteArray('"' + key.toUtf8() + '"'));
        result.error = at < 0 ? ParseError{0, 0, message} : parseErrorAtOffset(body, at, message);
        return result;
    };

    const auto stringValue = [&](const QString &key, std::optional<QString> *out) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isString())
            return false;
        *out = value.toString();
        return true;
    };

    if (!stringValue(u"storage-driver"_s, &result.storageDriver))
        return keyError(u"storage-driver"_s, CoreTr::tr("daemon.json: \"storage-driver\" must be a string"));
    if (!stringValue(u"data-root"_s, &result.dataRoot))
        return keyError(u"data-root"_s, CoreTr::tr("daemon.json: \"data-root\" must be a string"));
    if (!result.dataRoot && !stringValue(u"graph"_s, &result.dataRoot))
        return keyError(u"graph"_s, CoreTr::tr("daemon.json: \"graph\" must be a string"));

    const QJsonValue opts = object.value(u"storage-opts"_s);
    if (!opts.isUndefined()) {
        const QString message = CoreTr::tr("daemon.json: \"storage-opts\" must be an array of strings");
        if (!opts.isArray())
            return keyError(u"storage-opts"_s, message);
        for (const QJsonValue &opt : opts.toArray()) {
            if (!opt.isString())
                return keyError(u"storage-opts"_s, message);
            result.storageOpts.append(opt.toString());
        }
    }
    result.valid = true;
    return result;
}

QStringList splitShellWords(const QString &text, QString *error)
{
    ShellLexer lexer(text, ShellLexer::Mode::Words);
    ParseError parseError;
    const QList<ShellWord> words = lexer.nextStatement(&parseError);
    if (error)
        *error = parseError.message;
    QStringList result;
    for (const ShellWord &word : words)
        result.append(word.text);
    return result;
}

StorageFlags parseStorageFlags(const QStringList &words)
{
    StorageFlags flags;
    for (qsizetype i = 0; i < words.size();) {
        if (words.at(i) == u"--"_s) // end of options
            break;
        QString value;
        QString evidence;
        int used = takeFlag(words, i, "--storage-driver"_L1, "-s"_L1, &value, &evidence);
        if (used > 0) {
            flags.storageDriver = value;
        } else if ((used = takeFlag(words, i, "--storage-opt"_L1, {}, &value, &evidence)) > 0) {
            flags.storageOpts.append(value);
        } else if ((used = takeFlag(words, i, "--data-root"_L1, {}, &value, &evidence)) > 0 ||
                   (used = takeFlag(words, i, "--graph"_L1, "-g"_L1, &value, &evidence)) > 0) {
            flags.dataRoot = value;
        }
        if (used > 0) {
            appendEvidence(&flags, evidence);
            i += used;
        } else {
            ++i;
        }
    }
    return flags;
}

DockerStorageSysconfig parseDockerStorageSysconfig(QByteArrayView text)
{
    DockerStorageSysconfig result;
    ShellLexer lexer(QString::fromUtf8(withoutBom(text)), ShellLexer::Mode::Script);
    int optionsLine = 0;
    while (!lexer.atEnd()) {
        ParseError error;
        const QList<ShellWord> words = lexer.nextStatement(&error);
        if (!error.message.isEmpty()) {
            result.errors.append(error);
            continue;
        }
        if (words.isEmpty())
            continue;
        qsizetype first = 0;
        const bool isExport = words.first().literal && words.first().text == u"export"_s;
        if (isExport)
            first = 1;
        bool ok = true;
        for (qsizetype i = first; i < words.size(); ++i) {
            const ShellWord &word = words.at(i);
            if (word.assignAt >= 0 || (isExport && word.literal && isShellName(word.text)))
                continue;
            ok = false;
            const ShellWord &head = words.first();
            if (!isExport && i > 0 && head.assignAt >= 0) {
                // "NAME=a b c": sh would run "b" as a command, but dockerd's unit reads this file with
                // systemd's EnvironmentFile=, which takes the rest of the line as the value. Keep that
                // reading so that the flags are not lost, and report the line.
                QStringList rest;
                for (qsizetype j = 1; j < words.size(); ++j)
                    rest.append(words.at(j).text);
                const QString name = head.text.left(head.assignAt);
                const QString value = head.text.mid(head.assignAt + 1) + u' ' + rest.join(u' ');
                result.variables.insert(name, value);
                if (name == u"DOCKER_STORAGE_OPTIONS"_s)
                    optionsLine = head.line;
                result.errors.append(
                    {head.line, 0,
                     CoreTr::tr("Line %1: the value of %2 has unquoted spaces: systemd reads "
                                "\"%3\", sh would run \"%4\" as a command")
                         .arg(head.line)
                         .arg(name, value, word.text)});
                break;
            }
            // sh would run this as a command; we only read assignments and never run anything.
            result.errors.append(
                {word.line, 0,
                 CoreTr::tr("Line %1: expected NAME=value, found \"%2\"").arg(word.line).arg(word.text)});
            break;
        }
        if (!ok)
            continue;
        for (qsizetype i = first; i < words.size(); ++i) {
            const ShellWord &word = words.at(i);
            if (word.assignAt < 0)
                continue;
            const QString name = word.text.left(word.assignAt);
            result.variables.insert(name, word.text.mid(word.assignAt + 1));
            if (name == u"DOCKER_STORAGE_OPTIONS"_s)
                optionsLine = word.line;
        }
    }
    const auto options = result.variables.constFind(u"DOCKER_STORAGE_OPTIONS"_s);
    if (options != result.variables.constEnd()) {
        QString error;
        const QStringList words = splitShellWords(*options, &error);
        if (!error.isEmpty())
            result.errors.append({optionsLine, 0, CoreTr::tr("DOCKER_STORAGE_OPTIONS: %1").arg(error)});
        else
            result.flags = parseStorageFlags(words);
    }
    return result;
}

DockerdCommandLine parseDockerdCmdline(QByteArrayView nulSeparated)
{
    DockerdCommandLine result;
    if (nulSeparated.isEmpty()) {
        // An empty cmdline belongs to a zombie or kernel thread, not to a running dockerd.
        result.errors.append({0, 0, CoreTr::tr("The dockerd command line is empty")});
        return result;
    }
    QByteArrayView rest = nulSeparated;
    if (rest.endsWith('\0'))
        rest.chop(1);
    if (rest.isEmpty()) {
        result.errors.append({0, 0, CoreTr::tr("The dockerd command line has no program name")});
        return result;
    }
    for (const QByteArray &arg : rest.toByteArray().split('\0'))
        result.argv.append(QString::fromUtf8(arg));
    result.flags = parseStorageFlags(result.argv.mid(1));
    return result;
}

DockerdCommandLine parseSystemctlExecStart(QByteArrayView text)
{
    DockerdCommandLine result;
    const QString all = QString::fromUtf8(text);
    if (all.trimmed().isEmpty()) {
        result.errors.append({0, 0, CoreTr::tr("systemctl printed nothing for ExecStart")});
        return result;
    }
    struct Entry
    {
        QString path;
        QStringList argv;
    };
    QList<Entry> entries;
    bool sawExecStart = false;
    const QStringList lines = all.split(u'\n');
    static const QLatin1StringView entryStart("{ path=");
    for (qsizetype lineIndex = 0; lineIndex < lines.size(); ++lineIndex) {
        QString line = lines.at(lineIndex);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.startsWith(u"ExecStart="_s))
            continue;
        sawExecStart = true;
        const QString value = line.mid(10).trimmed();
        if (value.isEmpty())
            continue; // no command configured: a fact, not an error
        qsizetype start = value.indexOf(entryStart);
        if (start < 0) {
            result.errors.append({int(lineIndex) + 1, 0,
                                  CoreTr::tr("Unrecognised ExecStart value: \"%1\"").arg(value.left(200))});
            continue;
        }
        while (start >= 0) {
            const qsizetype next = value.indexOf(entryStart, start + 1);
            const QString block = value.mid(start, next < 0 ? -1 : next - start);
            start = next;
            Entry entry;
            const qsizetype pathAt = entryStart.size();
            const qsizetype argvAt = block.indexOf(u" ; argv[]="_s);
            if (argvAt < 0) {
                result.errors.append({int(lineIndex) + 1, 0, CoreTr::tr("ExecStart entry without argv[]")});
                continue;
            }
            entry.path = block.mid(pathAt, argvAt - pathAt).trimmed();
            const qsizetype argvStart = argvAt + 10;
            qsizetype argvEnd = block.indexOf(u" ; ignore_errors="_s, argvStart);
            if (argvEnd < 0)
                argvEnd = block.indexOf(u" ; "_s, argvStart);
            if (argvEnd < 0)
                argvEnd = block.lastIndexOf(u" }"_s);
            if (argvEnd < argvStart)
                argvEnd = block.size();
            // systemd joins argv with single spaces and no quoting (strv_join), so splitting on blanks is
            // the faithful inverse; $DOCKER_STORAGE_OPTIONS stays one unexpanded word.
            entry.argv = splitOnBlanks(block.mid(argvStart, argvEnd - argvStart));
            entries.append(entry);
        }
    }
    if (!sawExecStart) {
        result.errors.append({0, 0, CoreTr::tr("No ExecStart= line in the systemctl output")});
        return result;
    }
    if (entries.isEmpty())
        return result;
    // Several entries are possible (e.g. a drop-in adding a command): prefer the one that runs dockerd.
    const Entry *chosen = &entries.last();
    for (const Entry &entry : entries) {
        const QString program = entry.argv.isEmpty() ? entry.path : entry.argv.first();
        if (program.section(u'/', -1).startsWith(u"dockerd"_s) ||
            entry.path.section(u'/', -1) == u"dockerd"_s)
            chosen = &entry;
    }
    result.argv = chosen->argv.isEmpty() ? QStringList{chosen->path} : chosen->argv;
    result.flags = parseStorageFlags(result.argv.mid(1));
    return result;
}

} // namespace lw
