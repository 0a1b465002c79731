using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class EventConfiguration : IEntityTypeConfiguration<EventEntity>
{
    private const string ContinuesAChain = "\"CorrelationId\" <> \"Id\"";

    /// <summary>Written as <see cref="Stores.EventStore"/>'s name filter adds it, so that the planner sees the index serves.</summary>
    internal static readonly string NotAWebhook = $"\"Type\" <> '{Model.Events.EventSources.WebhookType}'";

    private const string Emitted = "\"CausedByRunId\" IS NOT NULL";

    public void Configure(EntityTypeBuilder<EventEntity> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.ReceivedAt).HasConversion<TimeToTicksConverter>();
        builder.Property(e => e.Type).HasMaxLength(200);
        builder.Property(e => e.Source).HasMaxLength(500);
        builder.Property(e => e.DedupeKey).HasMaxLength(500);
        // Ids are time-ordered, so the primary key already lists events by the time they came: no index on
        // ReceivedAt. A chain of events is named by its first event's id, which the primary key finds; only the
        // events that continue a chain (emitted by a run, or a sub-flow call) are indexed by it.
        builder.HasIndex(e => e.CorrelationId).HasFilter(ContinuesAChain);
        // What a run caused (its chain read downwards): only the events a run emitted are in it.
        builder.HasIndex(e => e.CausedByRunId).HasFilter(Emitted);
        // The events runs emitted, newest first (the stream filtered by that source), as the failed runs' index does.
        builder.HasIndex(e => e.Id, "IX_Events_Emitted").HasFilter(Emitted);
        // The stream filtered by name, newest first, a page deep in it costing what the first does. Webhook calls, the
        // bulk of the events and the hot path's, stay out of it: the stream's newest events are mostly theirs already.
        builder.HasIndex(e => new { e.Type, e.Id }).HasFilter(NotAWebhook);
    }
}
