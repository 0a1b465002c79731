using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// The run hot path's writes, one writer per database: SQLite's group-committing batch writer (<see cref="SqliteRunWriter"/>)
/// and PostgreSQL's, one transaction per write (<see cref="PostgreSql.PostgreSqlRunWriter"/>). Every other read and
/// write of the run store is shared EF code. Rows are stored as the EF model stores them, so either reads the other's.
/// </summary>
internal interface IRunWriter
{
    /// <summary>
    /// Writes a run's start in one transaction that waits for the disk: its event (unless stored already), the run and
    /// its trigger step. Returns the trigger step's id. A dedupe key taken already fails with the database's unique
    /// violation (see <see cref="Stores.UniqueViolation"/>), and nothing is written.
    /// </summary>
    Task<long> StartAsync(RunStartRows start, CancellationToken cancellationToken);

    /// <summary>Writes one advance of a run in one transaction; returns the ids the new steps were given, in their order.</summary>
    /// <exception cref="RunHeldElsewhereException">Another engine node holds the run; nothing was written.</exception>
    /// <exception cref="WriteConflictException">The run ended, or a step changed, under the advance; nothing was written.</exception>
    Task<long[]> AdvanceAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken);

    /// <summary>Writes an event a run emitted.</summary>
    Task RecordEventAsync(Guid eventId, NewEvent newEvent, DateTime now, CancellationToken cancellationToken);
}
