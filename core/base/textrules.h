#pragma once
// Small text rules shared by every validator in core, so that "no control characters" means the
// same for a customer's name, a product's name and a journal note.

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

} // namespace Slate::Core
