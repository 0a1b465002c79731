using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// Times of the run history as 100-nanosecond ticks in an integer (8 bytes) instead of 27 characters of text;
/// every time the product writes is UTC, and it reads back as written, to the tick.
/// </summary>
internal sealed class TimeToTicksConverter() : ValueConverter<DateTime, long>(time => time.Ticks, ticks => new DateTime(ticks, DateTimeKind.Utc));
