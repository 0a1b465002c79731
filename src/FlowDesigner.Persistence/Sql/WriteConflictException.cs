namespace FlowDesigner.Persistence.Sql;

/// <summary>Thrown inside a batched write to undo its part: a row it expected to change had been changed by another writer.</summary>
internal sealed class WriteConflictException() : Exception("Another writer changed the run first.");
