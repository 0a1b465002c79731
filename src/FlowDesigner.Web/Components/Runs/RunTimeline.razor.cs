using System.Globalization;
using FlowDesigner.Web.Formatting;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Runs;

/// <summary>Draws a <see cref="Operating.Timeline"/>: lanes, bars by status, waits hatched, a time axis, zoom and item pages.</summary>
public partial class RunTimeline
{
    /// <summary>The laid-out timeline. Required.</summary>
    [Parameter, EditorRequired]
    public Timeline Timeline { get; set; } = default!;

    /// <summary>How many times the page's width the tracks are drawn. Default 1.</summary>
    [Parameter]
    public int Zoom { get; set; } = 1;

    /// <summary>The selected step, outlined. Default none.</summary>
    [Parameter]
    public long? SelectedStepId { get; set; }

    [Parameter]
    public EventCallback<long> StepSelected { get; set; }

    [Parameter]
    public EventCallback<int> ItemPageChanged { get; set; }

    [Parameter]
    public EventCallback ZoomIn { get; set; }

    [Parameter]
    public EventCallback ZoomOut { get; set; }

    private IEnumerable<(double Left, string Text)> Ticks =>
        Enumerable.Range(0, 4 * Zoom + 1).Select(i => (i * 100.0 / (4 * Zoom), "+" + Durations.Describe(Timeline.Duration * i / (4 * Zoom))));

    private string BarClass(TimelineBar bar) =>
        $"fd-timeline-bar fd-status-{bar.Status.ToString().ToLowerInvariant()}{(bar.IsWait ? " fd-timeline-wait" : "")}{(bar.StepId == SelectedStepId && bar.StepId != 0 ? " fd-timeline-selected" : "")}";

    private async Task Select(TimelineBar bar)
    {
        if (bar.StepId != 0)
        {
            await StepSelected.InvokeAsync(bar.StepId);
        }
    }

    private static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
