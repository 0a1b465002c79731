using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class RunConfiguration : IEntityTypeConfiguration<RunEntity>
{
    /// <summary>The statuses of a run that is not finished: what the status index keeps.</summary>
    private static readonly string UnfinishedFilter = $"\"Status\" IN ({SqlText.Of(RunStatus.Pending, RunStatus.Running, RunStatus.Waiting)})";

    private static readonly string FailedFilter = $"\"Status\" = {SqlText.Of(RunStatus.Failed)}";

    private const string ContinuesAChain = "\"EventId\" IS NULL OR \"CorrelationId\" <> \"EventId\"";

    public void Configure(EntityTypeBuilder<RunEntity> builder)
    {
        builder.ToTable("Runs");
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.Cause).HasConversion<int>();
        builder.Property(r => r.CreatedAt).HasConversion<TimeToTicksConverter>();
        builder.Property(r => r.StartedAt).HasConversion<TimeToTicksConverter>();
        builder.Property(r => r.FinishedAt).HasConversion<TimeToTicksConverter>();
        builder.Property(r => r.DedupeKey).HasMaxLength(500);
        // A workflow's runs, newest first, paged by id (the id is time-ordered: its latest run is the first).
        builder.HasIndex(r => new { r.WorkflowId, r.Id });
        // Failed runs, newest first: what an operator looks for; succeeded and unfinished runs stay out of it.
        builder.HasIndex(r => r.Id, "IX_Runs_Failed").HasFilter(FailedFilter);
        builder.HasIndex(r => new { r.WorkflowId, r.DedupeKey }).IsUnique().HasFilter("\"DedupeKey\" IS NOT NULL");
        // Only unfinished runs are looked up by status (recovery); finished ones, nearly all, stay out of the index.
        builder.HasIndex(r => new { r.Status, r.CreatedAt }).HasFilter(UnfinishedFilter);
        // A run that begins a chain is found by its event (the chain's name); only runs that continue one are indexed by it.
        builder.HasIndex(r => r.CorrelationId).HasFilter(ContinuesAChain);
        builder.Property(r => r.Title).HasMaxLength(RunTitle.MostLength);
        builder.Property(r => r.TitleKey).HasMaxLength(RunTitle.MostLength);
        // Runs found by their title's beginning, their ids beside (a page of matches is sorted from the index alone):
        // only runs with a title are in it.
        builder.HasIndex(r => new { r.TitleKey, r.Id }).HasFilter("\"TitleKey\" IS NOT NULL");
        // The runs that mend a run (shown on its page; a bulk retry passes over a run retried before): few, so only they are indexed.
        builder.HasIndex(r => r.MendsRunId).HasFilter("\"MendsRunId\" IS NOT NULL");
        builder.HasOne(r => r.Version).WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
