using FlowDesigner.Model.Stores;

namespace FlowDesigner.Web.Components.Workflows;

/// <summary>Says what deleting a workflow takes with it.</summary>
public static class DeletionText
{
    public static string Describe(WorkflowDeletionImpact impact)
    {
        var lost = new List<string> { "its draft" };
        if (impact.Versions > 0)
        {
            lost.Add(Count(impact.Versions, "published version"));
        }

        if (impact.Runs > 0)
        {
            lost.Add(Count(impact.Runs, "run") + " with their history");
        }

        var stops = impact.IsPublished ? " Its trigger stops at once." : "";
        return $"This deletes {Join(lost)}.{stops} It cannot be undone; export the workflow first to keep a copy.";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
}
