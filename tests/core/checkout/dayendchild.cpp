// dayendchild DB USER: the victim of tst_DayEndCrash. Opens the store and, until it is killed,
// puts 1.00 into the drawer and closes the day with a count one minor unit short (so that every
// Z writes its difference entry, its event and its record in one transaction). A line
// "NUMBER ENTRY_ID" is printed only after the Z's commit has returned, so every line the parent
// reads is a promise that the Z is stored.

#include "store/store.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace Slate::Core;

namespace {

// The parent kills the child long before this; the bound only keeps a stray child finite.
constexpr qint64 kRoundsMax = 1'000'000;

int fail(const QString &message)
{
    std::fprintf(stderr, "dayendchild: %s\n", qUtf8Printable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3)
        return fail(QStringLiteral("usage: dayendchild DB USER"));
    Result<std::unique_ptr<Store>> opened = Store::open(arguments.at(1));
    if (!opened)
        return fail(opened.message());
    Store &store = **opened;
    const QString user = arguments.at(2);
    const Currency &currency = store.identity().currency;
    for (qint64 i = 0; i < kRoundsMax; ++i) {
        if (auto in = store.drawer().cashIn(Money(100, currency), QStringLiteral("round %1").arg(i), user); !in)
            return fail(in.message());
        const Result<Money> drawer = store.drawer().drawerCash();
        if (!drawer)
            return fail(drawer.message());
        const Result<DayReport> z = store.dayEnd().zReport(Money(drawer->minorUnits() - 1, currency), user);
        if (!z)
            return fail(z.message());
        // One write per line (well below PIPE_BUF), so the parent never sees half a line.
        std::printf("%lld %s\n", static_cast<long long>(z->number), qPrintable(z->differenceEntryId));
        std::fflush(stdout);
    }
    return 0;
}
