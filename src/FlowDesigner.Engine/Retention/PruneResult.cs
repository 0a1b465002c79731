using FlowDesigner.Model.Retention;

namespace FlowDesigner.Engine.Retention;

/// <summary>What a pruning deleted, and the storage before and after it.</summary>
public sealed record PruneResult(int Runs, int Steps, int Events, long PagesReclaimed, StorageReport Before, StorageReport After);
