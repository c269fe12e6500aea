// crashchild DB CARD: the victim of tst_Crash. Opens the store and tops up the customer's wallet
// by 1.00 (cash) in a loop until it is killed. A line with the entry's id is printed only after
// the commit has returned, so every id the parent reads is a promise that the entry is stored.

#include "store/store.h"
#include "base/uuidv7.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace Slate::Core;

namespace {

// The parent kills the child long before this; the bound only keeps a stray child finite.
constexpr qint64 kTopUpsMax = 10'000'000;

int fail(const QString &message)
{
    std::fprintf(stderr, "crashchild: %s\n", qUtf8Printable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3)
        return fail(QStringLiteral("usage: crashchild DB CARD"));

    Result<std::unique_ptr<Store>> store = Store::open(arguments.at(1));
    if (!store)
        return fail(store.message());
    const Result<Customer> customer = (*store)->customers().byCard(arguments.at(2));
    if (!customer)
        return fail(customer.message());
    const Result<Money> one = Money::parse(u"1.00", (*store)->identity().currency);
    if (!one)
        return fail(one.message());

    for (qint64 i = 0; i < kTopUpsMax; ++i) {
        const Result<JournalEntry> entry =
            (*store)->credit().topUp(*customer, *one, PaymentJournal::Cash, QString(), QStringLiteral("crashchild"));
        if (!entry)
            return fail(entry.message());
        // One write per line (well below PIPE_BUF), so the parent never sees half an id.
        std::printf("%s\n", qPrintable(uuidText(entry->id)));
        std::fflush(stdout);
    }
    return 0;
}
