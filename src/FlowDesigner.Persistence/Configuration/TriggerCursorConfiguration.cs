using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class TriggerCursorConfiguration : IEntityTypeConfiguration<TriggerCursorEntity>
{
    public void Configure(EntityTypeBuilder<TriggerCursorEntity> builder)
    {
        builder.ToTable("TriggerCursors");
        builder.HasKey(c => c.WorkflowId);
        builder.Property(c => c.TriggerType).HasMaxLength(100);
        builder.HasOne<WorkflowEntity>().WithMany().HasForeignKey(c => c.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}
