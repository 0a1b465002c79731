using Hangfire;

namespace FlowDesigner.Engine.Retention;

/// <summary>The recurring job that prunes history by the retention rules (see <see cref="HistoryPruner"/>).</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RetentionJobs(HistoryPruner pruner)
{
    public const string JobId = "retention";

    [JobDisplayName("Retention: prune run history and give the space back")]
    public Task PruneAsync(CancellationToken cancellationToken) => pruner.PruneAsync(null, cancellationToken);
}
