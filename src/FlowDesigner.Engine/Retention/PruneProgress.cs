namespace FlowDesigner.Engine.Retention;

/// <summary>How far a pruning has come: runs and events deleted so far, and pages given back to the file system.</summary>
public sealed record PruneProgress(int Runs, int Events, long PagesReclaimed, string Stage);
