#include "kernel.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lw;

class tst_Kernel : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QFINDTESTDATA(u"data/kernel/"_s + QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }

    // What parseKernelConfig was before it went byte by byte (two regular expressions a trimmed line): the
    // reference its results must equal.
    static KernelConfig regexKernelConfig(QByteArrayView text)
    {
        KernelConfig config;
        static const QRegularExpression notSet(u"^#\\s*(CONFIG_\\w+) is not set\\s*$"_s);
        static const QRegularExpression assignment(u"^(CONFIG_\\w+)=(.*)$"_s);
        const QList<QByteArray> lines = text.toByteArray().split('\n');
        for (const QByteArray &raw : lines) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty())
                continue;
            ++config.lineCount;
            if (const QRegularExpressionMatch match = assignment.match(line); match.hasMatch())
                config.values.insert(match.captured(1), match.captured(2));
            else if (const QRegularExpressionMatch match = notSet.match(line); match.hasMatch())
                config.values.remove(match.captured(1));
        }
        return config;
    }

private slots:
    void release_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        QTest::addColumn<int>("patch");
        QTest::addColumn<int>("build");
        QTest::addColumn<bool>("rhel7");
        QTest::addColumn<bool>("overlay2");
        QTest::newRow("debian 11") << QByteArray("5.10.0-21-amd64\n") << true << 5 << 10 << 0 << 21 << false
                                   << true;
        QTest::newRow("centos 7.9") << QByteArray("3.10.0-1160.el7.x86_64") << true << 3 << 10 << 0 << 1160
                                    << true << true;
        QTest::newRow("centos 7.3") << QByteArray("3.10.0-514.el7.x86_64") << true << 3 << 10 << 0 << 514
                                    << true << true;
        QTest::newRow("el7 below 514")
            << QByteArray("3.10.0-513.el7.x86_64") << true << 3 << 10 << 0 << 513 << true << false;
        QTest::newRow("centos 7.2") << QByteArray("3.10.0-327.el7.x86_64") << true << 3 << 10 << 0 << 327
                                    << true << false;
        QTest::newRow("centos 7 errata")
            << QByteArray("3.10.0-1160.108.1.el7.x86_64") << true << 3 << 10 << 0 << 1160 << true << true;
        QTest::newRow("plain 3.10") << QByteArray("3.10.0-1160.generic") << true << 3 << 10 << 0 << 1160
                                    << false << false;
        QTest::newRow("el8 is not el7")
            << QByteArray("3.10.0-600.el8.x86_64") << true << 3 << 10 << 0 << 600 << false << false;
        QTest::newRow("openeuler") << QByteArray("4.19.90-2102.2.0.0062.oe1.aarch64") << true << 4 << 19 << 90
                                   << 2102 << false << true;
        QTest::newRow("rc") << QByteArray("6.1.0-rc3") << true << 6 << 1 << 0 << 0 << false << true;
        QTest::newRow("two numbers") << QByteArray("4.4") << true << 4 << 4 << 0 << 0 << false << true;
        QTest::newRow("3.19") << QByteArray("3.19.8") << true << 3 << 19 << 8 << 0 << false << false;
        QTest::newRow("4.0.0") << QByteArray("4.0.0") << true << 4 << 0 << 0 << 0 << false << true;
        QTest::newRow("plus") << QByteArray("6.18.44+") << true << 6 << 18 << 44 << 0 << false << true;
        QTest::newRow("garbage") << QByteArray("Linux") << false << 0 << 0 << 0 << 0 << false << false;
        QTest::newRow("empty") << QByteArray() << false << 0 << 0 << 0 << 0 << false << false;
        QTest::newRow("one number") << QByteArray("5") << false << 0 << 0 << 0 << 0 << false << false;
        QTest::newRow("two lines") << QByteArray("5.10.0\n6.1.0") << false << 0 << 0 << 0 << 0 << false
                                   << false;
        QTest::newRow("huge") << QByteArray("99999999999.1") << false << 0 << 0 << 0 << 0 << false << false;
        QTest::newRow("letters") << QByteArray("5.x.1") << false << 0 << 0 << 0 << 0 << false << false;
    }

    void release()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        const KernelRelease release = parseKernelRelease(text);
        QCOMPARE(release.valid, valid);
        QCOMPARE(release.text, QString::fromUtf8(text).trimmed());
        if (!valid) {
            QVERIFY(!release.supportsOverlay2());
            return;
        }
        QTEST(release.major, "major");
        QTEST(release.minor, "minor");
        QTEST(release.patch, "patch");
        QTEST(release.distroBuild, "build");
        QTEST(release.isRhel7, "rhel7");
        QTEST(release.supportsOverlay2(), "overlay2");
    }

    void isAtLeast()
    {
        const KernelRelease release = parseKernelRelease("4.13.2-1");
        QVERIFY(release.isAtLeast(4, 13));
        QVERIFY(release.isAtLeast(4, 13, 2));
        QVERIFY(!release.isAtLeast(4, 13, 3));
        QVERIFY(release.isAtLeast(4, 10));
        QVERIFY(release.isAtLeast(3, 99));
        QVERIFY(!release.isAtLeast(4, 14));
        QVERIFY(!release.isAtLeast(5, 0));
    }

    void debianConfigExcerpt()
    {
        const KernelConfig config = parseKernelConfig(fixture("config-debian12-excerpt"));
        QCOMPARE(config.lineCount, 25);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS"_s), KernelOption::Module);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_REDIRECT_DIR"_s), KernelOption::Unset);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_REDIRECT_ALWAYS_FOLLOW"_s), KernelOption::BuiltIn);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_INDEX"_s), KernelOption::Unset);
        QCOMPARE(config.option(u"OVERLAY_FS_XINO_AUTO"_s), KernelOption::BuiltIn); // prefix optional
        QCOMPARE(config.option(u"CONFIG_EXT4_FS"_s), KernelOption::BuiltIn);
        QCOMPARE(config.option(u"CONFIG_NOT_THERE"_s), KernelOption::Unset);
        QVERIFY(!config.values.contains(u"CONFIG_OVERLAY_FS_INDEX"_s)); // "is not set" entries are absent
        QVERIFY(!config.values.contains(u"CONFIG_LOCALVERSION_AUTO"_s));
        QCOMPARE(config.values.value(u"CONFIG_CC_VERSION_TEXT"_s), u"\"gcc-12 (Debian 12.2.0-14) 12.2.0\""_s);
        QCOMPARE(config.values.value(u"CONFIG_GCC_VERSION"_s), u"120200"_s);
        QCOMPARE(config.values.value(u"CONFIG_LOCALVERSION"_s), u"\"\""_s);
        QCOMPARE(config.values.size(), 14);
    }

    void realConfig()
    {
        // /proc/config.gz of the machine the tests were written on (6.18.44, overlay built in).
        const KernelConfig config = parseKernelConfig(fixture("config-6.18.44-fc-v782"));
        QCOMPARE(config.lineCount, 3688);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS"_s), KernelOption::BuiltIn);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_REDIRECT_DIR"_s), KernelOption::Unset);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_INDEX"_s), KernelOption::Unset);
        QCOMPARE(config.option(u"CONFIG_OVERLAY_FS_REDIRECT_ALWAYS_FOLLOW"_s), KernelOption::BuiltIn);
        QCOMPARE(config.values.value(u"CONFIG_LOCALVERSION"_s), u"\"-fc-v782\""_s);
        QCOMPARE(config.values.value(u"CONFIG_HZ"_s), u"250"_s);
    }

    void configEdgeCases()
    {
        const KernelConfig config = parseKernelConfig("CONFIG_A=y\r\n"
                                                      "CONFIG_B=n\n"
                                                      "  CONFIG_C=m  \n"
                                                      "CONFIG_A=m\n" // later line wins
                                                      "CONFIG_D=y\n# CONFIG_D is not set\n"
                                                      "not a config line\n"
                                                      "CONFIG_=y\n"
                                                      "# CONFIG_E is not set, really\n");
        QCOMPARE(config.option(u"CONFIG_A"_s), KernelOption::Module);
        QCOMPARE(config.option(u"CONFIG_B"_s), KernelOption::Unset);
        QCOMPARE(config.option(u"CONFIG_C"_s), KernelOption::Module);
        QCOMPARE(config.option(u"CONFIG_D"_s), KernelOption::Unset);
        QCOMPARE(config.values.size(), 3); // A, B, C: "CONFIG_=y" has no name
        QCOMPARE(config.lineCount, 9);
        QCOMPARE(parseKernelConfig("").lineCount, 0);
        QVERIFY(
            parseKernelConfig(QByteArray("\x1f\x8b\x08\x00garbage", 11)).values.isEmpty()); // still gzipped
    }

    void configAsTheRegularExpressionsRead()
    {
        // The fixtures (a whole 6.18 config among them) and 3000 random texts built from the pieces that
        // matter (names, "=", "is not set", ASCII and Unicode spaces at either end, CR, NUL, bytes that are
        // not UTF-8, digits and letters after names): the same values and line count.
        QList<QByteArray> texts{fixture("config-debian12-excerpt"), fixture("config-6.18.44-fc-v782")};
        QVERIFY(regexKernelConfig(texts.last()).values.size() > 1000);
        // clang-format off
        const QList<QByteArray> pieces{
            "CONFIG_", "CONFIG_A", "CONFIG_OVERLAY_FS", "CONFIG_x9", "=", "y", "m", "\"a b\"", "#", " ", "\t",
            "\r", "\v", "\f", " is not set", "is not set", "\n", "\n", "\n", "\xc2\xa0", "\xe3\x80\x80",
            "\xe2\x80\xa8", "\xff", "\xc3\xa9", QByteArray(1, '\0'), "-", "_", "CONFIG_A=y\n",
            "# CONFIG_A is not set\n", "# CONFIG_A is not set", "#CONFIG_A"};
        // clang-format on
        QRandomGenerator random(20261128);
        for (int i = 0; i < 3000; ++i) {
            QByteArray text;
            const int n = int(random.bounded(1, 40));
            for (int k = 0; k < n; ++k)
                text += pieces.at(random.bounded(int(pieces.size())));
            texts << text;
        }
        for (const QByteArray &text : std::as_const(texts)) {
            const KernelConfig got = parseKernelConfig(text);
            const KernelConfig want = regexKernelConfig(text);
            QVERIFY2(got.values == want.values && got.lineCount == want.lineCount,
                     qPrintable(QString::fromLatin1(text.toPercentEncoding())));
        }
    }

    void overlayParamsFromSysfs()
    {
        // Captured from /sys/module/overlay/parameters on the machine the tests were written on.
        const OverlayParams params = parseOverlayParams(fixture("overlay-params.txt"));
        QVERIFY(params.errors.isEmpty());
        QCOMPARE(params.values.size(), 8);
        QCOMPARE(params.flag(u"redirect_dir"_s), std::optional<bool>(false));
        QCOMPARE(params.flag(u"redirect_always_follow"_s), std::optional<bool>(true));
        QCOMPARE(params.flag(u"index"_s), std::optional<bool>(false));
        QCOMPARE(params.values.value(u"redirect_max"_s), u"256"_s);
        QVERIFY(!params.flag(u"redirect_max"_s)); // a number, not a flag
        QVERIFY(!params.flag(u"absent"_s));
    }

    void overlayParamsValuesAndErrors()
    {
        const OverlayParams params = parseOverlayParams("a=Y\nb=n\nc=1\nd=0\ne=on\nf=OFF\ng=yes\nh=\n\n"
                                                        "/sys/module/overlay/parameters/i=Y\n"
                                                        "garbage line\n=Y\n"
                                                        "j = N \n");
        QCOMPARE(params.flag(u"a"_s), std::optional<bool>(true));
        QCOMPARE(params.flag(u"b"_s), std::optional<bool>(false));
        QCOMPARE(params.flag(u"c"_s), std::optional<bool>(true));
        QCOMPARE(params.flag(u"d"_s), std::optional<bool>(false));
        QCOMPARE(params.flag(u"e"_s), std::optional<bool>(true));
        QCOMPARE(params.flag(u"f"_s), std::optional<bool>(false));
        QVERIFY(!params.flag(u"g"_s));
        QVERIFY(!params.flag(u"h"_s));
        QVERIFY(params.values.contains(u"h"_s));
        QCOMPARE(params.flag(u"i"_s), std::optional<bool>(true));
        QCOMPARE(params.flag(u"j"_s), std::optional<bool>(false));
        QCOMPARE(params.errors.size(), 2);
        QCOMPARE(params.errors.at(0).line, 11);
        QVERIFY(params.errors.at(0).message.contains(u"garbage line"_s));
        QCOMPARE(params.errors.at(1).line, 12);
    }
};

QTEST_GUILESS_MAIN(tst_Kernel)
#include "tst_kernel.moc"
