#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace chorus {

// An expected failure: a message a user can act on (what went wrong and where).
struct Error {
    std::string message;
};

// Either a value or an Error. Expected failures travel as values, never as exceptions.
template <typename T>
class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }
    const std::string &message() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

// The outcome of an operation that yields nothing but may fail.
class Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return Status(); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string &message() const
    {
        static const std::string empty;
        return m_error ? m_error->message : empty;
    }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace chorus
