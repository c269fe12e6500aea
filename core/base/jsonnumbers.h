#pragma once
// Whole numbers in JSON. JSON has only doubles; a count, version, id or minor-unit amount is
// accepted only when it is exactly an integer a double holds without loss (|n| <= 2^53) and lies
// in the caller's range. The one check core, the protocol and the client use.

#include <QJsonValue>

#include <cmath>
#include <optional>

namespace Slate::Core {

constexpr qint64 kJsonExactIntegerMax = qint64(1) << 53;

inline std::optional<qint64> jsonInteger(const QJsonValue &value, qint64 minimum = -kJsonExactIntegerMax,
                                         qint64 maximum = kJsonExactIntegerMax)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || number < double(minimum) || number > double(maximum)
        || std::abs(number) > double(kJsonExactIntegerMax))
        return std::nullopt;
    return qint64(number);
}

} // namespace Slate::Core
