namespace FlowDesigner.Persistence.Entities;

/// <summary>
/// One write of a run (its start, each advance, its end), appended by the database's triggers on the runs
/// (see <see cref="Configuration.RunChangeConfiguration"/>): the feed that open pages follow.
/// </summary>
public sealed class RunChangeEntity
{
    /// <summary>The table's own row key, growing with each change.</summary>
    public long Seq { get; set; }

    public Guid RunId { get; set; }
}
