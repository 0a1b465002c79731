using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>An action asked for a role the user does not hold; nothing was changed.</summary>
public sealed class AccessRefusedException(Role needed, Role? held)
    : Exception(held is null
        ? "Sign in first; nobody is signed in on this page."
        : $"This needs the {needed} role, and you are {RoleNames.WithArticle(held.Value)}. Ask an Admin if you need it.")
{
    public Role Needed { get; } = needed;
}
