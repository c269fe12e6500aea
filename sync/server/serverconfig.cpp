#include "server/serverconfig.h"

#include <QFile>

namespace Slate::Sync {

using Core::ErrorCode;
using Core::makeError;

namespace {

const QString kDb = QStringLiteral("db");
const QString kListen = QStringLiteral("listen");
const QString kTlsCert = QStringLiteral("tls-cert");
const QString kTlsKey = QStringLiteral("tls-key");

// The connection bounds: key, smallest and largest value.
struct Bound {
    QString key;
    qint64 least;
    qint64 most;
};
const Bound kConnectionsMax{QStringLiteral("connections-max"), 1, 100000};
const Bound kConnectionsPerAddressMax{QStringLiteral("connections-per-address-max"), 1, 100000};
const Bound kHeaderTimeout{QStringLiteral("header-timeout-seconds"), 1, 3600};
const Bound kBodyTimeout{QStringLiteral("body-timeout-seconds"), 1, 3600};
const Bound kIdleTimeout{QStringLiteral("idle-timeout-seconds"), 1, 3600};
// At least one request of the largest size (4 MiB and its headers) must fit.
const Bound kBufferedMibMax{QStringLiteral("buffered-mib-max"), 5, 65536};
const Bound *const kBounds[] = {&kConnectionsMax, &kConnectionsPerAddressMax, &kHeaderTimeout, &kBodyTimeout, &kIdleTimeout, &kBufferedMibMax};

Core::Result<qint64> boundValue(const Bound &bound, const ConfigValue &value)
{
    bool ok = false;
    const qint64 number = value.value.toLongLong(&ok);
    if (!ok || number < bound.least || number > bound.most)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a whole number from %2 to %3, not \"%4\"")
                                                         .arg(value.describe(bound.key))
                                                         .arg(bound.least)
                                                         .arg(bound.most)
                                                         .arg(value.value));
    return number;
}

Core::Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

// The value checks that need no other setting, so that a bad line is named where it is read.
Core::Result<void> checkValue(const QString &key, const ConfigValue &value)
{
    if (value.value.isEmpty())
        return invalid(QStringLiteral("%1 needs a value (leave the key out, or comment it out with #, to not set it)")
                           .arg(value.describe(key)));
    if (key == kListen) {
        if (auto listen = parseListenAddress(value); !listen)
            return listen.error();
    }
    for (const Bound *bound : kBounds) {
        if (key == bound->key) {
            if (auto number = boundValue(*bound, value); !number)
                return number.error();
        }
    }
    return {};
}

} // namespace

QString ConfigValue::describe(const QString &key) const
{
    if (file.isEmpty())
        return QStringLiteral("--") + key;
    return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(key);
}

const QStringList &serverConfigKeys()
{
    static const QStringList keys{kDb, kListen, kTlsCert, kTlsKey, kConnectionsMax.key, kConnectionsPerAddressMax.key,
                                  kHeaderTimeout.key, kBodyTimeout.key, kIdleTimeout.key, kBufferedMibMax.key};
    return keys;
}

Core::Result<ConfigValues> readServerConfig(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("the configuration file %1 does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("cannot read the configuration file %1: %2").arg(path, file.errorString()));
    if (file.size() > kConfigFileBytesMax)
        return invalid(QStringLiteral("the configuration file %1 has %2 bytes; it may have at most %3")
                           .arg(path)
                           .arg(file.size())
                           .arg(kConfigFileBytesMax));
    const QByteArray text = file.read(kConfigFileBytesMax + 1);
    if (text.size() > kConfigFileBytesMax)
        return invalid(QStringLiteral("the configuration file %1 has more than %2 bytes").arg(path).arg(kConfigFileBytesMax));
    return parseServerConfig(text, path);
}

Core::Result<ConfigValues> parseServerConfig(const QByteArray &text, const QString &path)
{
    ConfigValues values;
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the end of the last line, not a line
    if (lines.size() > kConfigFileLinesMax)
        return invalid(QStringLiteral("the configuration file %1 has %2 lines; it may have at most %3")
                           .arg(path)
                           .arg(lines.size())
                           .arg(kConfigFileLinesMax));
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int number = int(index) + 1;
        const QString where = QStringLiteral("%1:%2").arg(path).arg(number);
        const QString line = QString::fromUtf8(lines.at(index)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')))
            return invalid(QStringLiteral("%1: sections such as \"%2\" are not used; write each setting as key = value").arg(where, line));
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            return invalid(QStringLiteral("%1: expected key = value, found \"%2\"").arg(where, line));
        const QString key = line.left(equals).trimmed();
        ConfigValue value{line.mid(equals + 1).trimmed(), path, number};
        if (!serverConfigKeys().contains(key))
            return invalid(QStringLiteral("%1: unknown key \"%2\"; the keys are %3").arg(where, key, serverConfigKeys().join(QStringLiteral(", "))));
        if (const auto earlier = values.constFind(key); earlier != values.constEnd())
            return invalid(QStringLiteral("%1: %2 is set again (first on line %3)").arg(where, key).arg(earlier->line));
        if (auto checked = checkValue(key, value); !checked)
            return checked.error();
        values.insert(key, value);
    }
    return values;
}

ConfigValues withFlagsOver(ConfigValues file, const ConfigValues &flags)
{
    for (auto flag = flags.constBegin(); flag != flags.constEnd(); ++flag)
        file.insert(flag.key(), flag.value());
    return file;
}

Core::Result<ListenAddress> parseListenAddress(const ConfigValue &listen)
{
    const QString &text = listen.value;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull())
        return invalid(QStringLiteral("%1 needs HOST:PORT with a numeric address, e.g. 127.0.0.1:8470 (port 0: any free port), not \"%2\"")
                           .arg(listen.describe(kListen), text));
    return ListenAddress{address, quint16(port)};
}

Core::Result<ServeOptions> serveOptions(const ConfigValues &values)
{
    for (auto value = values.constBegin(); value != values.constEnd(); ++value) {
        if (auto checked = checkValue(value.key(), value.value()); !checked)
            return checked.error();
    }
    if (!values.contains(kDb))
        return invalid(QStringLiteral("--db is required (or db = … in the file given with --config)"));
    if (!values.contains(kListen))
        return invalid(QStringLiteral("--listen is required (or listen = … in the file given with --config), e.g. 127.0.0.1:8470"));
    if (values.contains(kTlsCert) != values.contains(kTlsKey)) {
        const QString given = values.contains(kTlsCert) ? kTlsCert : kTlsKey;
        return invalid(QStringLiteral("HTTPS needs both --tls-cert and --tls-key; only %1 is given").arg(values.value(given).describe(given)));
    }
    auto listen = parseListenAddress(values.value(kListen));
    if (!listen)
        return listen.error();
    ConnectionLimits limits;
    auto number = [&values](const Bound &bound, qint64 byDefault) -> qint64 {
        return values.contains(bound.key) ? *boundValue(bound, values.value(bound.key)) : byDefault; // checked above
    };
    limits.connectionsMax = int(number(kConnectionsMax, limits.connectionsMax));
    limits.connectionsPerAddressMax = int(number(kConnectionsPerAddressMax, qMin(limits.connectionsPerAddressMax, limits.connectionsMax)));
    if (limits.connectionsPerAddressMax > limits.connectionsMax)
        return invalid(QStringLiteral("%1 (%2) is more than connections-max (%3)")
                           .arg(values.value(kConnectionsPerAddressMax.key).describe(kConnectionsPerAddressMax.key))
                           .arg(limits.connectionsPerAddressMax)
                           .arg(limits.connectionsMax));
    limits.headerTimeoutMs = int(number(kHeaderTimeout, limits.headerTimeoutMs / 1000) * 1000);
    limits.bodyTimeoutMs = int(number(kBodyTimeout, limits.bodyTimeoutMs / 1000) * 1000);
    limits.idleTimeoutMs = int(number(kIdleTimeout, limits.idleTimeoutMs / 1000) * 1000);
    limits.bufferedBytesMax = number(kBufferedMibMax, limits.bufferedBytesMax / (1024 * 1024)) * 1024 * 1024;
    return ServeOptions{values.value(kDb).value, *listen, values.value(kTlsCert).value, values.value(kTlsKey).value, limits};
}

} // namespace Slate::Sync
