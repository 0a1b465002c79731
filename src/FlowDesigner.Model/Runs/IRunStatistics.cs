namespace FlowDesigner.Model.Runs;

/// <summary>
/// What the dashboard shows, read from the rollups kept as runs end (never by counting runs), and from the latest
/// steps for their durations.
/// </summary>
public interface IRunStatistics
{
    /// <summary>The runs that ended from <paramref name="from"/> on, of all workflows, by minute (or by hour), oldest first; periods with none are left out.</summary>
    Task<IReadOnlyList<EndCount>> CountEndsAsync(DateTime from, bool byHour, CancellationToken cancellationToken);

    /// <summary>The runs that ended from <paramref name="from"/> on, by workflow.</summary>
    Task<IReadOnlyList<EndCount>> CountEndsByWorkflowAsync(DateTime from, CancellationToken cancellationToken);

    /// <summary>
    /// How long each node's steps took, among the latest <paramref name="latestSteps"/> steps that ran: a look at the
    /// newest rows only, whatever the history holds. Waits (a delay, a call of another workflow) are the caller's to leave out.
    /// </summary>
    Task<IReadOnlyList<StepTiming>> FindStepTimingsAsync(int latestSteps, CancellationToken cancellationToken);
}
