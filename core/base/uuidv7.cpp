#include "base/uuidv7.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

#include <array>

namespace Slate::Core {

QUuid newTimeOrderedUuid()
{
    // Within one millisecond the 12-bit rand_a field counts up from a random start, so ids made
    // by one process stay ordered (RFC 9562, method 1).
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 counter = 0;

    qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    quint16 sequence = 0;
    {
        QMutexLocker lock(&mutex);
        if (nowMs <= lastMs) {
            nowMs = lastMs;
            if (++counter > 0x0FFF) { // counter exhausted: borrow the next millisecond
                ++nowMs;
                counter = quint16(QRandomGenerator::system()->bounded(0x0400));
            }
        } else {
            counter = quint16(QRandomGenerator::system()->bounded(0x0400));
        }
        lastMs = nowMs;
        sequence = counter;
    }

    std::array<quint8, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[size_t(i)] = quint8(quint64(nowMs) >> (40 - 8 * i));
    bytes[6] = quint8(0x70 | ((sequence >> 8) & 0x0F));
    bytes[7] = quint8(sequence & 0xFF);
    quint64 random = QRandomGenerator::system()->generate64();
    for (int i = 8; i < 16; ++i)
        bytes[size_t(i)] = quint8(random >> (8 * (i - 8)));
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3F)); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes.data()), 16));
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QUuid uuidFromText(QStringView text)
{
    if (text.size() != 36)
        return {};
    return QUuid::fromString(text);
}

} // namespace Slate::Core
