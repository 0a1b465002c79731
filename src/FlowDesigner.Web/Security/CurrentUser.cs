namespace FlowDesigner.Web.Security;

/// <summary>
/// The person a page acts for; every change passes this name to the services, which write it to the audit log.
/// Sign-in and roles come with the security work; until then every visitor is the local operator.
/// </summary>
public sealed class CurrentUser
{
    public string Name { get; } = "local operator";
}
