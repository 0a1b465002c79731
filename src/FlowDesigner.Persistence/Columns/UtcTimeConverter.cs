using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowDesigner.Persistence.Columns;

/// <summary>A time the product keeps in UTC, marked so both ways (a time read from SQLite's text comes back unmarked).</summary>
internal sealed class UtcTimeConverter() : ValueConverter<DateTime, DateTime>(
    time => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc),
    time => DateTime.SpecifyKind(time, DateTimeKind.Utc));
