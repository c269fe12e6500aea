#pragma once
// The row images of master records that the till's triggers queue (storage/tillschema.cpp,
// schema v8): a record's columns as JSON, amounts as integers in minor units of the store's
// currency (an amount setting as a digit string). Master data travels and is kept in another
// form (sync/PROTOCOL.md, protocol 2): every amount a decimal string with exactly the currency's
// digits, formatted by Money, and the record naming its "currency". This is the one conversion,
// used where a till reads its outbox and tables, and by the migrations that rewrite stored values.

#include "money/currency.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Slate::Core::MasterRowImages {

// The fields of a record of this kind (and key, for settings) that are amounts; empty when none.
// Of the settings, cash_rounding_minor and offline_cap_minor are amounts (their keys keep the
// till's names).
QStringList amountFields(const QString &kind, const QString &key);
bool carriesAmounts(const QString &kind, const QString &key);

// The record in the travelling form. A record that already names its currency, carries no
// amounts or is empty is returned as it is; a field that is not a whole number is left for
// validation to refuse.
QJsonObject withDecimalAmounts(const QString &kind, const QString &key, const QJsonObject &rowImage, const Currency &currency);

} // namespace Slate::Core::MasterRowImages
