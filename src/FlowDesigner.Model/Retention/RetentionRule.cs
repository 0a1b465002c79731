namespace FlowDesigner.Model.Retention;

/// <summary>
/// How much run history is kept: ended runs older than <paramref name="MaxAgeDays"/> days, or beyond the newest
/// <paramref name="MaxRuns"/> runs of their workflow, are pruned. Null keeps them whatever their age or number. A run
/// in flight is never pruned.
/// </summary>
public sealed record RetentionRule(int? MaxAgeDays, int? MaxRuns)
{
    /// <summary>What a new installation keeps until an admin says otherwise: 30 days of history, however many runs.</summary>
    public static readonly RetentionRule Default = new(30, null);

    public const int MostDays = 3650;

    public const int MostRuns = 100_000_000;

    /// <summary>What is wrong with the rule, in words for the admin who set it; null when it can be kept.</summary>
    public string? Problem() =>
        MaxAgeDays is < 1 or > MostDays ? $"Keep runs for 1 to {MostDays:N0} days, or leave the age empty to keep them whatever their age."
        : MaxRuns is < 1 or > MostRuns ? $"Keep 1 to {MostRuns:N0} runs per workflow, or leave the number empty to keep them whatever their number."
        : null;

    /// <summary>What the rule keeps, in words: "runs of the last 30 days, the newest 1,000 at most".</summary>
    public string Describe() => (MaxAgeDays, MaxRuns) switch
    {
        (null, null) => "every run",
        ({ } days, null) => $"runs of the last {days} days",
        (null, { } most) => $"the newest {most:N0} runs",
        ({ } days, { } most) => $"runs of the last {days} days, the newest {most:N0} at most",
    };
}
