#pragma once
// A small command-line parser for slatectl's sub-commands. Unlike QCommandLineParser it treats
// "-5.00" as a value, not an option, so negative amounts can be given as arguments; options
// are "--name value" or "--name=value", may repeat, and unknown ones are refused.

#include "base/result.h"

#include <QMap>
#include <QSet>
#include <QStringList>

namespace Slate::Cli {

struct Arguments {
    QStringList positional;
    QMap<QString, QStringList> values; // option name (without "--") -> every value given
    QSet<QString> flags;

    QString value(const QString &name) const { return values.value(name).value(0); }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
};

struct OptionSpec {
    QSet<QString> withValue; // e.g. "db", "card"
    QSet<QString> flags;     // e.g. "json"
};

// Parses args; "--" ends option parsing. Fails on an unknown option or a missing value.
Core::Result<Arguments> parseArguments(const QStringList &args, const OptionSpec &spec);

} // namespace Slate::Cli
