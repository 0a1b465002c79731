using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class EngineNodeConfiguration : IEntityTypeConfiguration<EngineNodeEntity>
{
    public void Configure(EntityTypeBuilder<EngineNodeEntity> builder)
    {
        builder.ToTable("EngineNodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Name).HasMaxLength(300);
    }
}
