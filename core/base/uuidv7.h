#pragma once
// Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits.
// Entries get their id before they are stored or sent, so a retry is recognised by id.

#include <QUuid>

namespace Slate::Core {

QUuid newTimeOrderedUuid();
// The canonical lower-case text form without braces, as stored and sent.
QString uuidText(const QUuid &uuid);
// Parses the text form; a null QUuid when the text is not a UUID.
QUuid uuidFromText(QStringView text);

} // namespace Slate::Core
