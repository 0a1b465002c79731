using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Components.Users;

/// <summary>What each role may do, in the words the Users page shows.</summary>
public static class RoleText
{
    public static string Describe(Role role) => role switch
    {
        Role.Operator => "views everything, runs now and mends runs",
        Role.Designer => "also builds, tests and publishes workflows",
        _ => "also keeps credentials, users, tokens and the audit log",
    };
}
