#pragma once
// KID (kundeidentifikasjon): the Norwegian bank payment reference a customer types into their
// bank when paying an invoice, so that the bank's file (OCR, camt.054) names the invoice paid.
// 2 to 25 digits, the last a MOD10 (Luhn) check digit over the others: from the right, digits
// are weighted 2, 1, 2, 1 …, two-digit products count as the sum of their digits, and the check
// digit brings the sum up to a multiple of 10.
//
// Slate's KIDs have a fixed shape, so that every invoice of one shop gets one of the same length:
// the customer part (kKidCustomerDigits, zero-padded), the invoice part (kKidInvoiceDigits,
// zero-padded) and the check digit.

#include "base/result.h"

#include <QString>

namespace Slate::Core {

constexpr int kKidLengthMin = 2;
constexpr int kKidLengthMax = 25;
constexpr int kKidCustomerDigits = 8;
constexpr int kKidInvoiceDigits = 10;

namespace Kid {

// The MOD10 check digit of a string of digits (0–9); nothing when it is empty or not all digits.
std::optional<int> checkDigit(QStringView digits);
// Whether `kid` is 2–25 digits whose last is the MOD10 check digit of the others.
bool isValid(QStringView kid);
// A KID from a customer number and an invoice number, both given as digits: each is
// zero-padded to its fixed width and the check digit appended (19 digits). Refused when a part
// is empty, not all digits or longer than its width.
Result<QString> make(QStringView customerDigits, QStringView invoiceDigits);
// The digits of a text in order ("INV-T1-000042" gives "1000042", "C-1001" gives "1001"); the
// way a card or invoice number becomes a KID part.
QString digitsOf(QStringView text);

} // namespace Kid
} // namespace Slate::Core
