namespace FlowDesigner.Web.Designing;

/// <summary>What came of saving the draft, and what to tell the user (nothing, when <see cref="Message"/> is null).</summary>
/// <param name="Sticky">The save failed in a way the user must act on (a conflict, a deleted workflow): the message stays until dismissed.</param>
public sealed record SaveOutcome(string? Message, bool Succeeded, bool Sticky)
{
    public static SaveOutcome Nothing { get; } = new(null, true, false);

    public static SaveOutcome Saved { get; } = new("Saved", true, false);

    public static SaveOutcome Refused(string message) => new(message, false, false);

    public static SaveOutcome Failure(string message) => new(message, false, true);
}
