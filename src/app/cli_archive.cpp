// layerwatch-cli archive: saved captures as one tar file for a ticket; analyze reads it elsewhere.
#include "cli_commands.h"

#include "capturearchive.h"

#include <QCommandLineParser>

namespace lw::cli {

namespace {

int runArchive(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Writes saved captures (one host's capture, a directory of them, or the probe playbook's "
        "results) as one tar archive, to attach to a ticket; \"layerwatch-cli analyze FILE\" reads it "
        "on any machine."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 CliTr::tr("Capture directory, or a directory of host captures."));
    const QCommandLineOption outputOption(QStringLiteral("output"), CliTr::tr("The archive to write (.tar)."),
                                          QStringLiteral("file"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CliTr::tr("Show this help."));
    parser.addOptions({outputOption, helpOption});
    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outputOption)) {
        err() << CliTr::tr("archive needs one capture directory and --output FILE.") << '\n'
              << parser.helpText();
        return ExitError;
    }
    const CaptureSetReadResult captures = readCaptureSource(parser.positionalArguments().constFirst());
    for (const QString &warning : captures.warnings)
        err() << CliTr::tr("warning: %1").arg(warning) << '\n';
    for (const QString &error : captures.errors)
        err() << CliTr::tr("error: %1").arg(error) << '\n';
    if (captures.captures.isEmpty())
        return ExitError;
    QString error;
    if (!writeCaptureArchive(captures.captures, parser.value(outputOption), &error)) {
        err() << error << '\n';
        return ExitError;
    }
    out() << CliTr::tr("Wrote %n host(s) to %1.", nullptr, int(captures.captures.size()))
                 .arg(parser.value(outputOption))
          << '\n';
    return captures.ok() ? ExitOk : ExitError;
}

QString archiveSummary()
{
    return CliTr::tr("Write saved captures as one archive for a ticket");
}

const CliCommandRegistration registration({"archive", archiveSummary, runArchive});

} // namespace
} // namespace lw::cli
