using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<WorkflowEntity>
{
    public void Configure(EntityTypeBuilder<WorkflowEntity> builder)
    {
        builder.ToTable("Workflows");
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Revision).IsConcurrencyToken();
        builder.Property(w => w.TriggerType).HasMaxLength(100);
        builder.Property(w => w.TriggerSummary).HasMaxLength(300);
        builder.HasIndex(w => w.Name);
        builder.HasIndex(w => w.UpdatedAt);
        builder.HasIndex(w => w.TriggerType);
        builder.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.ActiveVersion).WithMany().HasForeignKey(w => w.ActiveVersionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(w => w.Runs).WithOne().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}
