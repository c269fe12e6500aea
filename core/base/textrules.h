#pragma once
// Small text rules shared by every validator in core, so that "no control characters" means the
// same for a customer's name, a product's name and a journal note.

#include <QByteArray>
#include <QChar>
#include <QStringView>

#include <algorithm>

namespace Slate::Core {

enum class Newlines { Refused, Allowed };

inline bool hasControlCharacters(QStringView text, Newlines newlines = Newlines::Refused)
{
    return std::any_of(text.cbegin(), text.cend(), [newlines](QChar c) {
        return c.category() == QChar::Other_Control && !(newlines == Newlines::Allowed && c == QLatin1Char('\n'));
    });
}

// Whether every character is ASCII, and, for such text, its bytes appended without a UTF-8
// conversion (the hash encoding and the JSON of every pushed entry write mostly ASCII).
inline bool isAscii(QStringView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

inline void appendAscii(QByteArray &out, QStringView ascii)
{
    const qsizetype at = out.size();
    out.resize(at + ascii.size());
    char *to = out.data() + at;
    for (QChar c : ascii)
        *to++ = char(c.unicode());
}

} // namespace Slate::Core
