#include "base/digest.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace Slate::Core {

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    // EVP_Digest fails only when libcrypto cannot allocate its context: nothing sensible can go on.
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(), nullptr)
            != 1
        || length != 32)
        qFatal("slate: SHA-256 failed in OpenSSL");
    return digest;
}

} // namespace Slate::Core
