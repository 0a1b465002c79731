using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.Core;

/// <summary>Starts a run on a cron schedule.</summary>
public sealed class ScheduleTrigger : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Schedule, "Schedule", NodeKind.Trigger, CoreCategories.Triggers)
    {
        Icon = "icons/core-schedule.svg",
        Description = "Starts the workflow at set times, such as every 5 minutes or each weekday at 8:00.",
        Properties =
        [
            Property.Text("cron", "Cron expression").WithDefault("*/5 * * * *") with
            {
                Required = true,
                AllowsExpressions = false,
                Help = "Five fields: minute hour day-of-month month day-of-week. \"*/5 * * * *\" is every 5 minutes; \"0 8 * * 1-5\" is 8:00 on weekdays.",
            },
            Property.Text("timeZone", "Time zone").WithDefault("UTC") with
            {
                AllowsExpressions = false,
                Placeholder = "Europe/Berlin",
                Help = "An IANA time zone name; the schedule follows its daylight-saving changes.",
            },
            RunTitle.Property("Tick at {{ trigger.firedAt }}"),
        ],
        ExampleOutputJson = """{ "firedAt": "2025-03-14T09:30:00+00:00", "cron": "*/5 * * * *" }""",
        Summarize = node => CronText.Describe(PropertyValues.AsText(node.GetConfig("cron"))),
    };
}
