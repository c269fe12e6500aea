#pragma once
// What a role may do beyond selling, in one place: the till offers the back office and lists who
// can authorise an override by these. CheckoutService::authorizeOverride applies the same rule
// when it checks the manager's PIN; a window never decides it on its own.

#include "people/users.h"

namespace Slate::Core {

enum class Permission {
    BackOffice,        // customers' terms and credit, invoices, users, settings, export
    AuthoriseOverride, // let one tender go over what is available
};

inline bool roleMay(Role role, Permission permission)
{
    switch (permission) {
    case Permission::BackOffice:
    case Permission::AuthoriseOverride:
        return role == Role::Manager || role == Role::Admin;
    }
    return false;
}

} // namespace Slate::Core
