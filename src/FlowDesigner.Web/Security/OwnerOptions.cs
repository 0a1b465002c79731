namespace FlowDesigner.Web.Security;

/// <summary>The <c>Owner</c> section: for unattended installs, the first Admin is created at start-up from these.</summary>
public sealed class OwnerOptions
{
    public const string Section = "Owner";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
