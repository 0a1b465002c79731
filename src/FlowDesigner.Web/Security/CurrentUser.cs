using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>
/// The person a page or request acts for; every change passes them to the services as a user (id and name), and the
/// services write both to the audit log. Sign-in and roles come with the accounts; until then every visitor is the
/// local operator.
/// </summary>
public sealed class CurrentUser
{
    public Actor Actor { get; } = new("local", "local operator");

    public string Name => Actor.Name;
}
