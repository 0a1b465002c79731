using System.Text.Json;
using Jint.Native;
using JsEngine = Jint.Engine;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// JSON turned into script values by walking the parsed document, as <c>JSON.parse</c> would build them: objects
/// with their properties in order (the last of a repeated name wins), arrays, strings, numbers, booleans and null.
/// No text is written and read back on the way.
/// </summary>
internal static class ScriptValues
{
    public static JsValue From(JsEngine engine, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var target = new JsObject(engine);
                foreach (var property in value.EnumerateObject())
                {
                    // A data property of its own, as JSON.parse makes: "__proto__" is a name like any other.
                    target.FastSetDataProperty(property.Name, From(engine, property.Value));
                }

                return target;
            case JsonValueKind.Array:
                var items = new JsValue[value.GetArrayLength()];
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items[index++] = From(engine, item);
                }

                return new JsArray(engine, items);
            case JsonValueKind.String:
                return JsString.Create(value.GetString()!);
            case JsonValueKind.Number:
                return JsNumber.Create(value.GetDouble());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Null:
                return JsValue.Null;
            default:
                return JsValue.Undefined;
        }
    }
}
