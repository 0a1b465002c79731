using FlowDesigner.Model.Users;
using Microsoft.AspNetCore.Authorization;

namespace FlowDesigner.Web.Security;

/// <summary>
/// The policy table (DESIGN.md section 8): every page, endpoint and action names one of these, or allows anonymous
/// callers explicitly. Each role includes what the roles below it may do.
/// </summary>
public static class Access
{
    /// <summary>View workflows, versions, runs and events; run now and mend runs; one's own password, two-factor and tokens.</summary>
    public const string Operator = "role:operator";

    /// <summary>Build, import, export, test, publish, activate, deactivate and delete workflows; pick credentials by name.</summary>
    public const string Designer = "role:designer";

    /// <summary>Credentials, users, every token, settings, the audit log and the job dashboard.</summary>
    public const string Admin = "role:admin";

    /// <summary>The authentication scheme of <c>/api</c>: personal tokens as <c>Authorization: Bearer</c>, never a cookie.</summary>
    public const string TokenScheme = "ApiToken";

    /// <summary>The role a policy asks for at least.</summary>
    public static Role RoleOf(string policy) => policy switch
    {
        Operator => Role.Operator,
        Designer => Role.Designer,
        Admin => Role.Admin,
        _ => throw new ArgumentException($"No policy is named {policy}.", nameof(policy)),
    };

    public static string PolicyFor(Role role) => role switch
    {
        Role.Operator => Operator,
        Role.Designer => Designer,
        _ => Admin,
    };

    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(PolicyFor(role), policy => policy.RequireAuthenticatedUser().RequireAssertion(c => UserClaims.IsAtLeast(c.User, role)));
        }

        // Whatever names no policy is refused, so that a page or endpoint added without one fails closed.
        options.FallbackPolicy = options.GetPolicy(Operator);
    }
}
