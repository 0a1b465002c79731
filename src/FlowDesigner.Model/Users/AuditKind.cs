namespace FlowDesigner.Model.Users;

/// <summary>What an audit entry is about, as the audit log page filters it.</summary>
public enum AuditKind
{
    Workflow,
    Credential,
    User,
    Token,
    Run,

    /// <summary>Failed sign-ins and lockouts.</summary>
    SignIn,
}
