#pragma once
// Result<T>: a value or an Error, the house way of reporting operating errors by value
// (no exceptions across the Qt event loop). Errors carry a code the UI can switch on and a
// message for people that names the record and what to do.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Slate::Core {

enum class ErrorCode {
    InvalidArgument,   // bad input from a user, a file or the network
    NotFound,          // a named record does not exist
    AlreadyExists,     // a unique key is taken
    Unbalanced,        // postings do not sum to zero
    Overflow,          // an amount is out of range
    InsufficientFunds, // a wallet cannot cover a debit
    NotADatabase,      // the file is not a SQLite database, or not Slate's
    TooNew,            // written by a newer Slate
    Corrupt,           // the database is damaged
    ReadOnly,          // the database or its folder cannot be written
    Locked,            // another program holds the database
    DiskFull,          // no space left
    IoError,           // any other storage failure
    Integrity,         // verify found a discrepancy
    AuthenticationFailed, // wrong user or PIN
    AccountLocked,     // too many wrong PINs; locked for a while
    ApprovalNeeded,    // allowed only with a manager's PIN (a top-up, discount or void over a bound)
    NotPermitted,      // not allowed for this user, whoever approves (e.g. authorising one's own sale)
};

struct Error {
    ErrorCode code;
    QString message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    // On a temporary, yield the value itself, so that `for (x : *service.list())` does not
    // iterate a destroyed result.
    T operator*() && { return std::move(*this).value(); }
    T operator*() const && = delete;
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_value); }
    ErrorCode code() const { return error().code; }
    const QString &message() const { return error().message; }

private:
    std::variant<T, Error> m_value;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const { return *m_error; }
    ErrorCode code() const { return m_error->code; }
    const QString &message() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace Slate::Core
