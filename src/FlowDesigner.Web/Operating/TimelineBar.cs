using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// One segment on a timeline lane: an attempt of a step, coloured by its status, or a wait (a delay, a retry's back-off,
/// a called workflow), drawn hatched. Its place is in percent of the run's duration.
/// </summary>
/// <param name="StepId">The attempt the segment belongs to (a wait belongs to the attempt it leads to).</param>
/// <param name="Hint">What hovering it says: the step, its attempt, its duration and its error.</param>
public sealed record TimelineBar(long StepId, string Name, int Attempt, StepStatus Status, bool IsWait, double Left, double Width, string Hint);
