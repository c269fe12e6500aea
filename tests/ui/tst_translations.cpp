// The Norwegian Bokmål translation is complete and built into slate_ui: every text of the .ts
// file has a translation with the same placeholders, and the app shows Norwegian when asked.

#include "labels.h"
#include "tillapp.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Slate::Ui;

namespace {

struct Message {
    QString source;
    QStringList translations;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"message") {
            current = Message{};
        } else if (xml.isStartElement() && xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"translation") {
            current.unfinished = xml.attributes().value(QStringLiteral("type")) == QStringLiteral("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            current.translations.append(text);
        } else if (xml.isStartElement() && xml.name() == u"numerusform") {
            current.translations.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT
private slots:
    void norwegianIsCompleteWithTheSamePlaceholders();
    void norwegianIsShownWhenAsked();
};

void tst_Translations::norwegianIsCompleteWithTheSamePlaceholders()
{
    const QList<Message> messages = readTs(QStringLiteral(SLATE_TRANSLATIONS_DIR "/slate_nb_NO.ts"));
    QVERIFY(messages.size() > 300);
    for (const Message &message : messages) {
        QVERIFY2(!message.unfinished, qPrintable(QStringLiteral("unfinished: ") + message.source));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.trimmed().isEmpty() || message.source.trimmed().isEmpty(), qPrintable(message.source));
            QCOMPARE(placeholders(translation), placeholders(message.source));
        }
    }
}

void tst_Translations::norwegianIsShownWhenAsked()
{
    QVERIFY(installLookAndLanguage(QLocale(QLocale::NorwegianBokmal, QLocale::Norway)));
    QCOMPARE(Labels::tender(Slate::Core::TenderKind::Cash), QStringLiteral("Kontant"));
    QCOMPARE(Labels::creditState(Slate::Core::CreditState::Blocked), QStringLiteral("✖ SPERRET"));
    QCOMPARE(QCoreApplication::translate("Slate::Ui::CheckoutWindow", "%n item(s)", nullptr, 3), QStringLiteral("3 varer"));
    QVERIFY(!qApp->styleSheet().isEmpty()); // the style sheet is built in too
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
