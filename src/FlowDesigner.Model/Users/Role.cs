namespace FlowDesigner.Model.Users;

/// <summary>What a user may do; one per user, each including what the ones before it may (DESIGN.md section 8).</summary>
public enum Role
{
    /// <summary>Views everything, runs now, and mends runs.</summary>
    Operator,

    /// <summary>Also builds, tests and publishes workflows, and picks credentials by name.</summary>
    Designer,

    /// <summary>Also keeps credentials, users, tokens, settings and the audit log.</summary>
    Admin,
}
