#pragma once
// ServerConfig: slate-server's settings from its configuration file (--config FILE; the
// package's service uses /etc/slate/server.conf) and from its command line, where a flag always
// wins over the file. The file has one "key = value" a line, with the flags' long names as keys
// (db, listen, tls-cert, tls-key, and the connection bounds: connections-max,
// connections-per-address-max, header-timeout-seconds, body-timeout-seconds,
// idle-timeout-seconds, buffered-mib-max), blank lines and whole-line comments starting with # or ;.
// An unknown or repeated key, a line without '=' or a value its key cannot take is refused with
// the file's name and the line's number, so a typo never leaves a setting silently at its default.

#include "base/result.h"

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Slate::Sync {

// One setting's text and where it was given, for messages that name it.
struct ConfigValue {
    QString value;
    QString file; // empty: a command-line flag
    int line = 0;

    // "--listen" for a flag, "/etc/slate/server.conf:7: listen" for a line of a file.
    QString describe(const QString &key) const;
};

// Settings by key (a flag's long name without "--").
using ConfigValues = QMap<QString, ConfigValue>;

// The keys a configuration file may set: every serve option that has a flag of the same name.
const QStringList &serverConfigKeys();

// The bounds of a configuration file: it is a few lines that people write.
inline constexpr qint64 kConfigFileBytesMax = 64 * 1024;
inline constexpr int kConfigFileLinesMax = 1000;

// Reads and checks a configuration file; an error (InvalidArgument, or NotFound/IoError for a
// file that cannot be read) names the file and, for its content, the line.
Core::Result<ConfigValues> readServerConfig(const QString &path);

// Parses the file's text (path only names it in messages).
Core::Result<ConfigValues> parseServerConfig(const QByteArray &text, const QString &path);

// The file's settings with the command line's on top: a flag wins over the file.
ConfigValues withFlagsOver(ConfigValues file, const ConfigValues &flags);

// An address and port to listen on; port 0 is any free port.
struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;
};

// "HOST:PORT" with a numeric IPv4 or bracketed IPv6 address, e.g. 127.0.0.1:8470 or [::1]:8470.
Core::Result<ListenAddress> parseListenAddress(const ConfigValue &listen);

// How much of the server's resources clients may hold at once (sync/PROTOCOL.md, Bounds): so
// that stalled uploads and slowloris connections cannot fill its memory or its sockets.
struct ConnectionLimits {
    int connectionsMax = 256;          // open connections in all
    int connectionsPerAddressMax = 32; // open connections from one client address (a shop's tills may share one)
    int headerTimeoutMs = 10 * 1000;   // from the connection (or a request's first byte) to the end of its headers
    int bodyTimeoutMs = 60 * 1000;     // from the end of the headers to the end of the body
    int idleTimeoutMs = 30 * 1000;     // a kept-alive connection with no request
    qint64 bufferedBytesMax = 64LL * 1024 * 1024; // request bytes held in memory for all connections together
};

// What serving needs, checked: where the database is, where to listen, and HTTPS's files.
struct ServeOptions {
    QString database;
    ListenAddress listen;
    QString tlsCertificateFile; // both empty: plain HTTP
    QString tlsKeyFile;
    ConnectionLimits limits; // connections-max, connections-per-address-max, header-, body- and
                             // idle-timeout-seconds, buffered-mib-max

    bool tls() const { return !tlsCertificateFile.isEmpty(); }
};

// Checks the settings for serve: db and listen are required, the TLS files come as a pair.
Core::Result<ServeOptions> serveOptions(const ConfigValues &values);

} // namespace Slate::Sync
