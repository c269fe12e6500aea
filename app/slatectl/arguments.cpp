#include "arguments.h"

namespace Slate::Cli {

Core::Result<Arguments> parseArguments(const QStringList &args, const OptionSpec &spec)
{
    Arguments parsed;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (optionsEnded || !arg.startsWith(QLatin1String("--"))) {
            parsed.positional.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name = arg.sliced(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype equals = name.indexOf(QLatin1Char('=')); equals >= 0) {
            value = name.sliced(equals + 1);
            name = name.first(equals);
            inlineValue = true;
        }
        if (spec.flags.contains(name)) {
            if (inlineValue)
                return Core::makeError(Core::ErrorCode::InvalidArgument,
                                       QStringLiteral("Option --%1 takes no value.").arg(name));
            parsed.flags.insert(name);
            continue;
        }
        if (!spec.withValue.contains(name))
            return Core::makeError(Core::ErrorCode::InvalidArgument, QStringLiteral("Unknown option --%1.").arg(name));
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return Core::makeError(Core::ErrorCode::InvalidArgument,
                                       QStringLiteral("Option --%1 needs a value.").arg(name));
            value = args.at(++i);
        }
        parsed.values[name].append(value);
    }
    return parsed;
}

} // namespace Slate::Cli
