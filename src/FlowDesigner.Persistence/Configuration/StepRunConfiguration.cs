using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class StepRunConfiguration : IEntityTypeConfiguration<StepRunEntity>
{
    public void Configure(EntityTypeBuilder<StepRunEntity> builder)
    {
        builder.ToTable("StepRuns");
        builder.Property(s => s.NodeId).HasMaxLength(100);
        builder.Property(s => s.Port).HasMaxLength(100);
        builder.Property(s => s.Scope).HasMaxLength(100);
        builder.Property(s => s.JobId).HasMaxLength(100);
        builder.HasIndex(s => new { s.RunId, s.NodeId, s.Scope, s.Attempt }).IsUnique();
        builder.HasIndex(s => s.Status);
    }
}
