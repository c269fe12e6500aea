#include "people/pinhash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace Slate::Core {

namespace {

constexpr int kSaltSize = 16;
constexpr int kHashSize = 32;

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    const QByteArray secret = pin.toUtf8();
    QByteArray out(kHashSize, '\0');
    const int ok = PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations,
                                     EVP_sha256(), kHashSize, reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

} // namespace

Result<void> validatePin(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A PIN has 4 to 12 digits."));
    for (QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("A PIN has digits only."));
    }
    return {};
}

Result<PinHash> hashPin(const QString &pin, int iterations)
{
    if (auto valid = validatePin(pin); !valid)
        return valid.error();
    if (iterations < kPinIterationsMin)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("PIN hashing needs at least %1 iterations.").arg(kPinIterationsMin));
    QByteArray salt(kSaltSize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltSize) != 1)
        return makeError(ErrorCode::IoError, QStringLiteral("The system's random number generator failed; try again."));
    const QByteArray hash = derive(pin, salt, iterations);
    if (hash.isEmpty())
        return makeError(ErrorCode::IoError, QStringLiteral("PIN hashing failed in OpenSSL."));
    return PinHash{salt, hash, iterations};
}

bool pinMatches(const QString &pin, const PinHash &stored)
{
    if (stored.hash.size() != kHashSize || stored.salt.size() != kSaltSize || stored.iterations < kPinIterationsMin)
        return false;
    const QByteArray candidate = derive(pin, stored.salt, stored.iterations);
    return candidate.size() == kHashSize && CRYPTO_memcmp(candidate.constData(), stored.hash.constData(), kHashSize) == 0;
}

} // namespace Slate::Core
