using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersionEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowVersionEntity> builder)
    {
        builder.ToTable("WorkflowVersions");
        builder.HasIndex(v => new { v.WorkflowId, v.Number }).IsUnique();
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.Property(v => v.TriggerType).HasMaxLength(100);
        builder.Property(v => v.TriggerKey).HasMaxLength(500);
        builder.HasIndex(v => new { v.TriggerType, v.TriggerKey });
    }
}
