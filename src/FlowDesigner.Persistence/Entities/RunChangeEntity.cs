namespace FlowDesigner.Persistence.Entities;

/// <summary>
/// Runs that started, began running or ended, written in one transaction (see
/// <see cref="Configuration.RunChangeConfiguration"/>): the feed that open pages follow.
/// </summary>
public sealed class RunChangeEntity
{
    /// <summary>The table's own row key, growing with each change.</summary>
    public long Seq { get; set; }

    /// <summary>The runs' 16-byte ids, one after another.</summary>
    public byte[] RunIds { get; set; } = [];
}
