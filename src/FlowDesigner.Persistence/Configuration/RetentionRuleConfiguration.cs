using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRuleEntity>
{
    public void Configure(EntityTypeBuilder<RetentionRuleEntity> builder)
    {
        builder.ToTable("RetentionRules");
        // The global rule is keyed by the empty id, which no workflow has: no foreign key, and a workflow's deletion removes its rule.
        builder.HasKey(r => r.WorkflowId);
        builder.Property(r => r.WorkflowId).ValueGeneratedNever();
    }
}
