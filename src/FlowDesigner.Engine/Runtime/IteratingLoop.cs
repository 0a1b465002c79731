namespace FlowDesigner.Engine.Runtime;

/// <summary>A for-each whose step has run and whose items are not all done: its items, and how many run at a time.</summary>
internal readonly record struct IteratingLoop(string LoopId, string Scope, int Items, int Parallelism);
