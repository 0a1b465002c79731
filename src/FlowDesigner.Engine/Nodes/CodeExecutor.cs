using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.code: runs the script in the same sandbox as expressions; its return value is the output.</summary>
internal sealed class CodeExecutor(ExpressionEvaluator evaluator) : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Code;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        try
        {
            var output = evaluator.RunCode(context.Step.GetText("code"), context.Scope with { Input = context.Step.Input }, context.Step.NodeName);
            return PassThrough.Result(output);
        }
        catch (ExpressionException exception)
        {
            throw new StepFailedException(exception.Message, retryable: false, innerException: exception);
        }
    }
}
