using FlowDesigner.Model.Events;

namespace FlowDesigner.Web.Formatting;

/// <summary>How a kind of event source is named on the pages.</summary>
public static class EventLabels
{
    public static string Of(EventSourceKind kind) => kind switch
    {
        EventSourceKind.Webhook => "Webhook",
        EventSourceKind.Schedule => "Schedule",
        EventSourceKind.Poll => "Poll",
        EventSourceKind.Run => "Emitted by a run",
        _ => "Manual",
    };
}
