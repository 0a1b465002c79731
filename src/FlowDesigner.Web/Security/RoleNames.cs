using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>How pages and refusals name a role.</summary>
public static class RoleNames
{
    /// <summary>"an Operator", "a Designer", "an Admin".</summary>
    public static string WithArticle(Role role) => (role is Role.Operator or Role.Admin ? "an " : "a ") + role;

    /// <summary>What the role may do, in the words the Users page shows.</summary>
    public static string Describe(Role role) => role switch
    {
        Role.Operator => "views everything, runs now and mends runs",
        Role.Designer => "also builds, tests and publishes workflows",
        _ => "also keeps credentials, users, tokens and the audit log",
    };
}
