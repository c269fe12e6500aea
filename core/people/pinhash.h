#pragma once
// Salted slow hashing of PINs: PBKDF2-HMAC-SHA256 from OpenSSL's libcrypto with a random
// 16-byte salt and a high iteration count, compared in constant time. A PIN is never stored or
// logged in clear; the iteration count is stored with the hash so that it can be raised later.

#include "base/result.h"

#include <QByteArray>

namespace Slate::Core {

struct PinHash {
    QByteArray salt;   // 16 random bytes
    QByteArray hash;   // 32 bytes
    int iterations = 0;
};

// OWASP's 2023 guidance for PBKDF2-HMAC-SHA256; about 0.3 s on one core of a small till.
constexpr int kPinIterationsDefault = 600000;
constexpr int kPinIterationsMin = 1000; // tests may use fewer than the default, never fewer than this

// PINs are 4 to 12 digits.
Result<void> validatePin(const QString &pin);
Result<PinHash> hashPin(const QString &pin, int iterations = kPinIterationsDefault);
// True when pin matches; the comparison takes the same time wherever the bytes differ.
bool pinMatches(const QString &pin, const PinHash &stored);

} // namespace Slate::Core
