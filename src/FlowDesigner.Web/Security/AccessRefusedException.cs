using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>An action asked for a role the user does not hold; nothing was changed.</summary>
public sealed class AccessRefusedException(Role needed, Role? held)
    : Exception(held is null
        ? "Sign in first; nobody is signed in on this page."
        : $"This needs the {needed} role, and you are {(held is Role.Operator or Role.Admin ? "an" : "a")} {held}. Ask an Admin if you need it.")
{
    public Role Needed { get; } = needed;
}
