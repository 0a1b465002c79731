using System.Globalization;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The operators' home: a view over <see cref="DashboardState"/>, read again every few seconds while it is open.</summary>
public partial class Dashboard : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _closing = new();

    // Succeeded green, failed red, cancelled dark grey: the product's status colours.
    private readonly StackedBarChartOptions _options = new() { ChartPalette = ["#4caf50", "#f44336", "#616161"], ShowLegend = true, YAxisTicks = 5 };

    [Inject]
    private DashboardState State { get; set; } = default!;

    protected override Task OnInitializedAsync() => State.LoadAsync(_closing.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = KeepFreshAsync();
        }
    }

    private async Task KeepFreshAsync()
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                await InvokeAsync(async () =>
                {
                    await State.LoadAsync(_closing.Token);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    private static List<ChartSeries<double>> Series(IReadOnlyList<EndCount> counts) =>
    [
        new() { Name = "Succeeded", Data = new ChartData<double>(counts.Select(c => (double)c.Succeeded).ToList()) },
        new() { Name = "Failed", Data = new ChartData<double>(counts.Select(c => (double)c.Failed).ToList()) },
        new() { Name = "Cancelled", Data = new ChartData<double>(counts.Select(c => (double)c.Cancelled).ToList()) },
    ];

    private string[] HourLabels => Labels(State.LastHour, 10, "HH:mm");

    private string[] DayLabels => Labels(State.LastDay, 3, "HH:00");

    /// <summary>A label every <paramref name="every"/> periods, the others blank, so that the axis stays readable.</summary>
    private static string[] Labels(IReadOnlyList<EndCount> counts, int every, string format) =>
        counts.Select((c, i) => i % every == 0 ? c.Key!.Value.ToString(format, CultureInfo.InvariantCulture) : "").ToArray();

    private static string Rate(int failed, int total) =>
        total == 0 ? "–" : (100.0 * failed / total).ToString(failed > 0 && failed * 1000 < total ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
