using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.merge: goes on once every incoming path has finished or been skipped, with their outputs together.</summary>
internal sealed class MergeExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Merge;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var input = context.Step.Input;
        if (PropertyValues.AsText(context.Step.GetConfig("mode")) == "list")
        {
            var list = input.ValueKind == JsonValueKind.Object ? input.EnumerateObject().Select(p => p.Value).ToList() : [input];
            return PassThrough.Result(JsonSerializer.SerializeToElement(list));
        }

        return PassThrough.Result(input);
    }
}
