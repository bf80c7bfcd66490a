#include "dockerconfig.h"
#include "probeoutput.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lw;

class tst_DockerConfig : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        const QString path = QFINDTESTDATA(u"data/dockerconfig/"_s + QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }

private slots:
    // probeoutput.cpp is tiny; its contract is checked here rather than in an executable of its own.
    void probeIdsInDeclaredOrder()
    {
        const QStringList expected{
            u"daemon-json"_s, u"docker-storage"_s,    u"dockerd-cmdline"_s, u"dockerd-execstart"_s,
            u"docker-info"_s, u"docker-containers"_s, u"docker-layers"_s,   u"docker-layer-sizes"_s,
            u"uname-r"_s,     u"kernel-config"_s,     u"overlay-params"_s,  u"mountinfo"_s,
            u"df"_s};
        QCOMPARE(ProbeId::all(), expected);
    }

    void probeStatusNamesRoundTrip()
    {
        const QList<ProbeStatus> all{ProbeStatus::Ok,           ProbeStatus::Absent,
                                     ProbeStatus::Failed,       ProbeStatus::Timeout,
                                     ProbeStatus::NoPermission, ProbeStatus::NotCollected};
        QStringList names;
        for (ProbeStatus status : all) {
            bool ok = false;
            names.append(probeStatusName(status));
            QCOMPARE(probeStatusFromName(names.last(), &ok), status);
            QVERIFY(ok);
        }
        QCOMPARE(names, (QStringList{u"ok"_s, u"absent"_s, u"failed"_s, u"timeout"_s, u"no-permission"_s,
                                     u"not-collected"_s}));
        bool ok = true;
        probeStatusFromName(u"OK"_s, &ok);
        QVERIFY(!ok);
        probeStatusFromName(QString(), &ok);
        QVERIFY(!ok);
    }

    void daemonJsonOverlay2()
    {
        const DaemonJson config = parseDaemonJson(fixture("daemon-overlay2.json"));
        QVERIFY2(config.valid, qPrintable(config.error.message));
        QCOMPARE(config.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(config.storageOpts,
                 (QStringList{u"overlay2.override_kernel_check=true"_s, u"overlay2.size=20G"_s}));
        QCOMPARE(config.dataRoot, std::optional<QString>(u"/data/docker"_s));
        QStringList keys = config.keys;
        keys.sort();
        QCOMPARE(keys, (QStringList{u"data-root"_s, u"log-driver"_s, u"log-opts"_s, u"registry-mirrors"_s,
                                    u"storage-driver"_s, u"storage-opts"_s}));
    }

    void daemonJsonSyntaxErrorHasLineAndColumn()
    {
        // Line 3 lacks its comma; Qt reports the offset just inside the next key on line 4.
        const DaemonJson config = parseDaemonJson(fixture("daemon-missing-comma.json"));
        QVERIFY(!config.valid);
        QCOMPARE(config.error.line, 4);
        QCOMPARE(config.error.column, 4);
        QVERIFY2(config.error.message.contains(u"daemon.json"_s), qPrintable(config.error.message));
        QVERIFY(!config.storageDriver);
    }

    void daemonJsonSyntaxErrorColumnCountsCharacters()
    {
        // The column counts characters, not UTF-8 bytes: "é" is two bytes but one column.
        const DaemonJson config = parseDaemonJson("{\"é\": \"x\" \"b\": 1}");
        QVERIFY(!config.valid);
        QCOMPARE(config.error.line, 1);
        QCOMPARE(config.error.column, 12);
        const DaemonJson trailingComma = parseDaemonJson("{\n  \"storage-driver\": \"overlay2\",\n}\n");
        QVERIFY(!trailingComma.valid);
        QCOMPARE(trailingComma.error.line, 3);
    }

    void daemonJsonBomAndLegacyGraph()
    {
        const DaemonJson config = parseDaemonJson(fixture("daemon-bom-graph.json"));
        QVERIFY2(config.valid, qPrintable(config.error.message));
        QCOMPARE(config.storageDriver, std::optional<QString>(u"devicemapper"_s));
        QCOMPARE(config.dataRoot, std::optional<QString>(u"/var/lib/docker-old"_s));
        QVERIFY(config.storageOpts.isEmpty());
        // data-root wins over the old name when both are given.
        const DaemonJson both = parseDaemonJson(R"({"graph": "/old", "data-root": "/new"})");
        QCOMPARE(both.dataRoot, std::optional<QString>(u"/new"_s));
    }

    void daemonJsonWrongTypes()
    {
        const DaemonJson config = parseDaemonJson(fixture("daemon-wrong-types.json"));
        QVERIFY(!config.valid);
        QCOMPARE(config.error.line, 3); // points at the offending key
        QCOMPARE(config.error.column, 3);
        QVERIFY(config.error.message.contains(u"storage-driver"_s));

        const DaemonJson opts = parseDaemonJson(R"({"storage-opts": "overlay2.size=1G"})");
        QVERIFY(!opts.valid);
        QVERIFY(opts.error.message.contains(u"storage-opts"_s));
        const DaemonJson optNumber = parseDaemonJson(R"({"storage-opts": ["a=b", 3]})");
        QVERIFY(!optNumber.valid);
        const DaemonJson root = parseDaemonJson(R"({"data-root": null})");
        QVERIFY(!root.valid);
        QVERIFY(root.error.message.contains(u"data-root"_s));
    }

    void daemonJsonNotAnObject()
    {
        for (const QByteArray &text :
             {QByteArray("[\"overlay2\"]"), QByteArray("\"overlay2\""), QByteArray("42")}) {
            const DaemonJson config = parseDaemonJson(text);
            QVERIFY2(!config.valid, text.constData());
            QVERIFY(!config.error.message.isEmpty());
        }
    }

    void daemonJsonEmpty()
    {
        for (const QByteArray &text : {QByteArray(), QByteArray("  \n\t\n"), QByteArray("\xEF\xBB\xBF")}) {
            const DaemonJson config = parseDaemonJson(text);
            QVERIFY(!config.valid);
            QVERIFY2(config.error.message.contains(u"empty"_s), qPrintable(config.error.message));
        }
        const DaemonJson emptyObject = parseDaemonJson("{}");
        QVERIFY(emptyObject.valid);
        QVERIFY(!emptyObject.storageDriver);
        QVERIFY(!emptyObject.dataRoot);
    }

    void sysconfigRhel7()
    {
        const DockerStorageSysconfig config = parseDockerStorageSysconfig(fixture("docker-storage-rhel7"));
        QVERIFY(config.errors.isEmpty());
        QCOMPARE(config.variables.size(), 1);
        QCOMPARE(config.variables.value(u"DOCKER_STORAGE_OPTIONS"_s), u"--storage-driver overlay2 "_s);
        QCOMPARE(config.flags.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(config.flags.evidence, u"--storage-driver overlay2"_s);
    }

    void sysconfigQuotingContinuationsExport()
    {
        const DockerStorageSysconfig config = parseDockerStorageSysconfig(fixture("docker-storage-quoting"));
        for (const ParseError &error : config.errors)
            qWarning() << error.line << error.message;
        QVERIFY(config.errors.isEmpty());
        QCOMPARE(config.variables.value(u"DOCKER_STORAGE_OPTIONS"_s),
                 u"-s overlay2   --storage-opt overlay2.size=10G   "
                 "--storage-opt=overlay2.override_kernel_check=true --data-root '/srv/docker root'"_s);
        QCOMPARE(config.variables.value(u"NOTE"_s), u"it's quoted"_s);
        QCOMPARE(config.variables.value(u"OTHER"_s), u"a b"_s);
        QCOMPARE(config.variables.value(u"ESCAPED"_s), u"say \"hi\" $HOME \\ \\q"_s);
        QVERIFY(config.variables.contains(u"EMPTY"_s));
        QCOMPARE(config.variables.value(u"EMPTY"_s), QString());
        QCOMPARE(config.variables.value(u"LONG"_s), u"onetwo"_s);
        QCOMPARE(config.variables.size(), 6);

        QCOMPARE(config.flags.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(config.flags.storageOpts,
                 (QStringList{u"overlay2.size=10G"_s, u"overlay2.override_kernel_check=true"_s}));
        QCOMPARE(config.flags.dataRoot, std::optional<QString>(u"/srv/docker root"_s));
        QCOMPARE(config.flags.evidence,
                 u"-s overlay2 --storage-opt overlay2.size=10G "
                 "--storage-opt=overlay2.override_kernel_check=true --data-root /srv/docker root"_s);
    }

    void sysconfigBrokenLinesAreNamedAndTheRestIsKept()
    {
        const DockerStorageSysconfig config = parseDockerStorageSysconfig(fixture("docker-storage-broken"));
        QCOMPARE(config.errors.size(), 2);
        QCOMPARE(config.errors.at(0).line, 2); // unterminated double quote
        QCOMPARE(config.errors.at(0).column, 24);
        QVERIFY2(config.errors.at(0).message.contains(u"quote"_s), qPrintable(config.errors.at(0).message));
        QCOMPARE(config.errors.at(1).line, 3); // a command, not an assignment: reported, never run
        QVERIFY(config.errors.at(1).message.contains(u"/usr/bin/container-storage-setup"_s));
        QCOMPARE(config.variables.value(u"STORAGE_DRIVER"_s), u"overlay2"_s);
        QCOMPARE(config.variables.value(u"EXTRA_STORAGE_OPTIONS"_s), u"-g /data"_s);
        QVERIFY(!config.variables.contains(u"DOCKER_STORAGE_OPTIONS"_s));
        QVERIFY(!config.flags.storageDriver);
    }

    void sysconfigUnquotedValueReadAsSystemdDoes()
    {
        const DockerStorageSysconfig config = parseDockerStorageSysconfig(fixture("docker-storage-unquoted"));
        QCOMPARE(config.errors.size(), 1);
        QCOMPARE(config.errors.first().line, 2);
        QVERIFY2(config.errors.first().message.contains(u"DOCKER_STORAGE_OPTIONS"_s),
                 qPrintable(config.errors.first().message));
        QCOMPARE(config.variables.value(u"DOCKER_STORAGE_OPTIONS"_s),
                 u"--storage-driver overlay2 --storage-opt overlay2.size=10G"_s);
        QCOMPARE(config.flags.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(config.flags.storageOpts, QStringList{u"overlay2.size=10G"_s});
        QCOMPARE(config.variables.value(u"VG"_s), u"docker-vg"_s);
    }

    void sysconfigEdgeCases()
    {
        QVERIFY(parseDockerStorageSysconfig("").variables.isEmpty());
        QVERIFY(parseDockerStorageSysconfig("").errors.isEmpty());
        // A '#' inside a word is not a comment; a command after assignments is not an assignment.
        const DockerStorageSysconfig hash =
            parseDockerStorageSysconfig("A=x#y # comment\nB=1 C=2\nD=1 run\n");
        QCOMPARE(hash.variables.value(u"A"_s), u"x#y"_s);
        QCOMPARE(hash.variables.value(u"C"_s), u"2"_s);
        QCOMPARE(hash.variables.value(u"D"_s), u"1 run"_s); // systemd's reading, reported as an error
        QCOMPARE(hash.errors.size(), 1);
        QCOMPARE(hash.errors.first().line, 3);
        // A quoted name is not an assignment; "$(...)" is kept as text, never executed.
        const DockerStorageSysconfig quoted = parseDockerStorageSysconfig("'A'=1\nX=\"$(rm -rf /)\"\n");
        QCOMPARE(quoted.errors.size(), 1);
        QCOMPARE(quoted.errors.first().line, 1);
        QCOMPARE(quoted.variables.value(u"X"_s), u"$(rm -rf /)"_s);
        // Unterminated single quote, CRLF line ends, later assignment wins.
        const DockerStorageSysconfig crlf =
            parseDockerStorageSysconfig("A=1\r\nDOCKER_STORAGE_OPTIONS='-s vfs\r\nA=2\r\n");
        QCOMPARE(crlf.errors.size(), 1);
        QCOMPARE(crlf.errors.first().line, 2);
        QCOMPARE(crlf.variables.value(u"A"_s), u"2"_s);
        const DockerStorageSysconfig badOptions =
            parseDockerStorageSysconfig("DOCKER_STORAGE_OPTIONS=\"--storage-driver 'overlay2\"\n");
        QCOMPARE(badOptions.errors.size(), 1);
        QCOMPARE(badOptions.errors.first().line, 1);
        QVERIFY(badOptions.errors.first().message.contains(u"DOCKER_STORAGE_OPTIONS"_s));
    }

    void splitShellWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<bool>("ok");
        QTest::newRow("blanks") << u"  a \t b  "_s << QStringList{u"a"_s, u"b"_s} << true;
        QTest::newRow("single") << u"'a b' c"_s << QStringList{u"a b"_s, u"c"_s} << true;
        QTest::newRow("double") << u"\"a \\\"b\\\"\""_s << QStringList{u"a \"b\""_s} << true;
        QTest::newRow("glued") << u"x'y'\"z\""_s << QStringList{u"xyz"_s} << true;
        QTest::newRow("empty word") << u"'' a"_s << QStringList{QString(), u"a"_s} << true;
        QTest::newRow("escape") << u"a\\ b"_s << QStringList{u"a b"_s} << true;
        QTest::newRow("vars kept") << u"$DOCKER_STORAGE_OPTIONS ${X}"_s
                                   << QStringList{u"$DOCKER_STORAGE_OPTIONS"_s, u"${X}"_s} << true;
        QTest::newRow("semicolon is text") << u"a;b #c"_s << QStringList{u"a;b"_s, u"#c"_s} << true;
        QTest::newRow("newline is blank") << u"a\nb"_s << QStringList{u"a"_s, u"b"_s} << true;
        QTest::newRow("nothing") << QString() << QStringList() << true;
        QTest::newRow("unterminated") << u"a 'b"_s << QStringList() << false;
        QTest::newRow("unterminated double") << u"\"b\\\""_s << QStringList() << false;
    }

    void splitShellWords()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QFETCH(bool, ok);
        QString error;
        QCOMPARE(lw::splitShellWords(text, &error), words);
        QCOMPARE(error.isEmpty(), ok);
    }

    void storageFlags_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("driver"); // "<none>" for nullopt
        QTest::addColumn<QStringList>("opts");
        QTest::addColumn<QString>("dataRoot");
        QTest::addColumn<QString>("evidence");
        const QString none = u"<none>"_s;
        QTest::newRow("long=") << QStringList{u"--storage-driver=overlay2"_s} << u"overlay2"_s
                               << QStringList() << none << u"--storage-driver=overlay2"_s;
        QTest::newRow("long space") << QStringList{u"-H"_s, u"fd://"_s, u"--storage-driver"_s, u"overlay2"_s}
                                    << u"overlay2"_s << QStringList() << none
                                    << u"--storage-driver overlay2"_s;
        QTest::newRow("-s X") << QStringList{u"-s"_s, u"devicemapper"_s} << u"devicemapper"_s << QStringList()
                              << none << u"-s devicemapper"_s;
        QTest::newRow("-sX") << QStringList{u"-soverlay2"_s} << u"overlay2"_s << QStringList() << none
                             << u"-soverlay2"_s;
        QTest::newRow("-s=X") << QStringList{u"-s=overlay2"_s} << u"overlay2"_s << QStringList() << none
                              << u"-s=overlay2"_s;
        QTest::newRow("opts")
            << QStringList{u"--storage-opt"_s, u"overlay2.size=1G"_s,
                           u"--storage-opt=overlay2.override_kernel_check=1"_s}
            << none << QStringList{u"overlay2.size=1G"_s, u"overlay2.override_kernel_check=1"_s} << none
            << u"--storage-opt overlay2.size=1G --storage-opt=overlay2.override_kernel_check=1"_s;
        QTest::newRow("data-root") << QStringList{u"--data-root=/srv/docker"_s} << none << QStringList()
                                   << u"/srv/docker"_s << u"--data-root=/srv/docker"_s;
        QTest::newRow("graph") << QStringList{u"--graph"_s, u"/a"_s} << none << QStringList() << u"/a"_s
                               << u"--graph /a"_s;
        QTest::newRow("-g") << QStringList{u"-g"_s, u"/b"_s} << none << QStringList() << u"/b"_s
                            << u"-g /b"_s;
        QTest::newRow("-gX") << QStringList{u"-g/c"_s} << none << QStringList() << u"/c"_s << u"-g/c"_s;
        QTest::newRow("last driver wins")
            << QStringList{u"-s"_s, u"aufs"_s, u"--storage-driver=overlay2"_s} << u"overlay2"_s
            << QStringList() << none << u"-s aufs --storage-driver=overlay2"_s;
        QTest::newRow("look-alikes") << QStringList{u"--storage-drivers=x"_s, u"--storage-opts"_s, u"y"_s,
                                                    u"--data-rooted"_s}
                                     << none << QStringList() << none << QString();
        QTest::newRow("after --") << QStringList{u"--"_s, u"-s"_s, u"vfs"_s} << none << QStringList() << none
                                  << QString();
        QTest::newRow("missing value") << QStringList{u"--storage-driver"_s} << QString() << QStringList()
                                       << none << u"--storage-driver"_s;
    }

    void storageFlags()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, driver);
        QFETCH(QStringList, opts);
        QFETCH(QString, dataRoot);
        QFETCH(QString, evidence);
        const StorageFlags flags = parseStorageFlags(words);
        QCOMPARE(flags.storageDriver.value_or(u"<none>"_s), driver);
        QCOMPARE(flags.storageOpts, opts);
        QCOMPARE(flags.dataRoot.value_or(u"<none>"_s), dataRoot);
        QCOMPARE(flags.evidence, evidence);
    }

    void dockerdCmdline()
    {
        const QByteArray raw("/usr/bin/dockerd\0-H\0fd://\0--storage-driver\0overlay2\0--storage-opt\0"
                             "overlay2.size=10G\0--label\0a b\0\0",
                             sizeof("/usr/bin/dockerd\0-H\0fd://\0--storage-driver\0overlay2\0--storage-opt\0"
                                    "overlay2.size=10G\0--label\0a b\0\0") -
                                 1);
        const DockerdCommandLine cmdline = parseDockerdCmdline(raw);
        QVERIFY(cmdline.errors.isEmpty());
        QCOMPARE(cmdline.argv, (QStringList{u"/usr/bin/dockerd"_s, u"-H"_s, u"fd://"_s, u"--storage-driver"_s,
                                            u"overlay2"_s, u"--storage-opt"_s, u"overlay2.size=10G"_s,
                                            u"--label"_s, u"a b"_s, QString()}));
        QCOMPARE(cmdline.flags.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(cmdline.flags.storageOpts, QStringList{u"overlay2.size=10G"_s});
        QCOMPARE(cmdline.flags.evidence, u"--storage-driver overlay2 --storage-opt overlay2.size=10G"_s);

        // argv[0] is the program, never a flag; no trailing NUL (truncated read) is still parsed.
        const DockerdCommandLine noTrailing = parseDockerdCmdline(QByteArrayView("-s\0vfs", 6));
        QCOMPARE(noTrailing.argv, (QStringList{u"-s"_s, u"vfs"_s}));
        QVERIFY(!noTrailing.flags.storageDriver);

        const DockerdCommandLine empty = parseDockerdCmdline(QByteArrayView());
        QCOMPARE(empty.errors.size(), 1);
        QVERIFY(empty.argv.isEmpty());
        const DockerdCommandLine onlyNul = parseDockerdCmdline(QByteArrayView("\0", 1));
        QCOMPARE(onlyNul.errors.size(), 1);
        QVERIFY(onlyNul.argv.isEmpty());
    }

    void execStartRhel7KeepsUnexpandedVariables()
    {
        const DockerdCommandLine cmdline = parseSystemctlExecStart(fixture("systemctl-execstart-rhel7.txt"));
        QVERIFY(cmdline.errors.isEmpty());
        QCOMPARE(cmdline.argv.size(), 16);
        QCOMPARE(cmdline.argv.first(), u"/usr/bin/dockerd-current"_s);
        QCOMPARE(cmdline.argv.at(10), u"$DOCKER_STORAGE_OPTIONS"_s);
        QCOMPARE(cmdline.argv.last(), u"$REGISTRIES"_s);
        QVERIFY(!cmdline.flags.storageDriver);
        QVERIFY(cmdline.flags.evidence.isEmpty());
    }

    void execStartDebian()
    {
        const DockerdCommandLine cmdline = parseSystemctlExecStart(fixture("systemctl-execstart-debian.txt"));
        QVERIFY(cmdline.errors.isEmpty());
        QCOMPARE(cmdline.argv,
                 (QStringList{u"/usr/bin/dockerd"_s, u"-H"_s, u"fd://"_s,
                              u"--containerd=/run/containerd/containerd.sock"_s, u"--storage-driver"_s,
                              u"overlay2"_s, u"--log-opt"_s, u"tag={{.Name}}"_s}));
        QCOMPARE(cmdline.flags.storageDriver, std::optional<QString>(u"overlay2"_s));
        QCOMPARE(cmdline.flags.evidence, u"--storage-driver overlay2"_s);
    }

    void execStartEdgeCases()
    {
        // Empty ExecStart= is a fact (no command), not an error.
        const DockerdCommandLine empty = parseSystemctlExecStart("ExecStart=\n");
        QVERIFY(empty.errors.isEmpty());
        QVERIFY(empty.argv.isEmpty());
        QVERIFY(!parseSystemctlExecStart("").errors.isEmpty());
        QVERIFY(!parseSystemctlExecStart("Id=docker.service\n").errors.isEmpty());

        const DockerdCommandLine garbage = parseSystemctlExecStart("ExecStart=/usr/bin/dockerd -s vfs\n");
        QCOMPARE(garbage.errors.size(), 1);
        QCOMPARE(garbage.errors.first().line, 1);

        // Several entries: the dockerd one is used, wherever it is.
        const DockerdCommandLine several = parseSystemctlExecStart(
            "ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -s overlay2 ; ignore_errors=no ; "
            "start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n"
            "ExecStart={ path=/bin/sh ; argv[]=/bin/sh -c true ; ignore_errors=yes ; start_time=[n/a] ; "
            "stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n");
        QVERIFY(several.errors.isEmpty());
        QCOMPARE(several.argv, (QStringList{u"/usr/bin/dockerd"_s, u"-s"_s, u"overlay2"_s}));
        QCOMPARE(several.flags.storageDriver, std::optional<QString>(u"overlay2"_s));

        const DockerdCommandLine oneLine = parseSystemctlExecStart(
            "ExecStart={ path=/bin/true ; argv[]=/bin/true ; ignore_errors=no ; start_time=[n/a] ; "
            "stop_time=[n/a] "
            "; pid=0 ; code=(null) ; status=0/0 } ; { path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd "
            "--data-root=/srv/d ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; "
            "code=(null) ; "
            "status=0/0 }");
        QCOMPARE(oneLine.argv, (QStringList{u"/usr/bin/dockerd"_s, u"--data-root=/srv/d"_s}));
        QCOMPARE(oneLine.flags.dataRoot, std::optional<QString>(u"/srv/d"_s));

        const DockerdCommandLine noArgv = parseSystemctlExecStart("ExecStart={ path=/usr/bin/dockerd }\n");
        QCOMPARE(noArgv.errors.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_DockerConfig)
#include "tst_dockerconfig.moc"
