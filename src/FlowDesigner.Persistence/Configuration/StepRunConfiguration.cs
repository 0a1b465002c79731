using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class StepRunConfiguration : IEntityTypeConfiguration<StepRunEntity>
{
    /// <summary>The statuses of a step that is not finished: what the status index keeps.</summary>
    private static readonly string UnfinishedFilter = $"\"Status\" IN ({SqlText.Of(StepStatus.Pending, StepStatus.Running, StepStatus.Waiting)})";

    public void Configure(EntityTypeBuilder<StepRunEntity> builder)
    {
        builder.ToTable("Steps");
        // The id is the row's own key (SQLite's rowid): a step is found by it with no index of its own.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<int>();
        builder.Property(s => s.ScheduledAt).HasConversion<TimeToTicksConverter>();
        builder.Property(s => s.NodeId).HasMaxLength(100);
        builder.Property(s => s.Port).HasMaxLength(100);
        builder.Property(s => s.Scope).HasMaxLength(100);
        builder.Property(s => s.JobId).HasMaxLength(100);
        builder.HasIndex(s => new { s.RunId, s.NodeId, s.Scope, s.Attempt }).IsUnique();
        // Only unfinished steps are looked up by status (recovery); finished ones, nearly all, stay out of the index.
        builder.HasIndex(s => s.Status).HasFilter(UnfinishedFilter);
    }
}
