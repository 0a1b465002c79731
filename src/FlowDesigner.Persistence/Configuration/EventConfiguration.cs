using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

internal sealed class EventConfiguration : IEntityTypeConfiguration<EventEntity>
{
    public void Configure(EntityTypeBuilder<EventEntity> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Type).HasMaxLength(200);
        builder.Property(e => e.Source).HasMaxLength(500);
        builder.Property(e => e.DedupeKey).HasMaxLength(500);
        builder.HasIndex(e => e.ReceivedAt);
        builder.HasIndex(e => e.CorrelationId);
        builder.HasIndex(e => new { e.Type, e.ReceivedAt });
    }
}
