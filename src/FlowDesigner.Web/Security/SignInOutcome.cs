namespace FlowDesigner.Web.Security;

/// <summary>What a sign-in attempt came to; a refusal says what to do, never which of email or password was wrong.</summary>
public sealed record SignInOutcome(bool Succeeded, bool NeedsCode, string? Problem)
{
    public static SignInOutcome Done { get; } = new(true, false, null);

    public static SignInOutcome AskCode { get; } = new(false, true, null);

    public static SignInOutcome Refused(string problem) => new(false, false, problem);
}
