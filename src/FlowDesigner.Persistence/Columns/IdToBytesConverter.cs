using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowDesigner.Persistence.Columns;

/// <summary>Stores every id as its 16 bytes (see <see cref="IdBytes"/>) instead of 36 characters of text.</summary>
internal sealed class IdToBytesConverter() : ValueConverter<Guid, byte[]>(id => IdBytes.Of(id), bytes => IdBytes.ToId(bytes));
