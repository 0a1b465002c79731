using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FlowDesigner.Model.Execution;

/// <summary>
/// JSON written straight with <see cref="Utf8JsonWriter"/> (no serializer, no reflection), handed back as an element
/// or as text. The state is passed through so that the writing needs no closure.
/// </summary>
public static class WrittenJson
{
    public static JsonElement Element<TState>(TState state, Action<Utf8JsonWriter, TState> write, int capacity = 256)
    {
        var buffer = Write(state, write, capacity);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    public static string Text<TState>(TState state, Action<Utf8JsonWriter, TState> write, int capacity = 256) =>
        Encoding.UTF8.GetString(Write(state, write, capacity).WrittenSpan);

    private static ArrayBufferWriter<byte> Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, int capacity)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using var writer = new Utf8JsonWriter(buffer);
        write(writer, state);
        writer.Flush();
        return buffer;
    }
}
