#include "session.h"

namespace Slate::Ui {

Session::Session(Core::Store &store, QLocale locale, Core::Clock clock)
    : m_store(store), m_locale(std::move(locale)), m_clock(std::move(clock))
{
}

Core::Result<Core::Money> Session::parseMoney(const QString &text) const
{
    QString trimmed = text.trimmed();
    // Norwegian and French group digits with a no-break space; people type an ordinary one.
    const QString group = m_locale.groupSeparator();
    if (group.size() == 1 && group.at(0).isSpace())
        trimmed.replace(QLatin1Char(' '), group);
    Core::Result<Core::Money> localized = Core::Money::parseLocalized(trimmed, currency(), m_locale);
    if (localized)
        return localized;
    // A scanner or a habit may give "12.50" in a locale that writes "12,50".
    Core::Result<Core::Money> plain = Core::Money::parse(trimmed, currency());
    return plain ? plain : localized;
}

QString Session::amountText(const Core::Money &amount) const
{
    QString text = amount.toLocalizedString(m_locale);
    const QString suffix = QChar(0x00A0) + amount.currency().code();
    if (text.endsWith(suffix))
        text.chop(suffix.size());
    return text;
}

QDateTime Session::nowUtc() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QString Session::dateTime(const QDateTime &utc) const
{
    return m_locale.toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString Session::date(const QDate &date) const
{
    return m_locale.toString(date, QLocale::ShortFormat);
}

} // namespace Slate::Ui
