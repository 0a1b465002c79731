using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Magento;

/// <summary><c>GET /V1/orders/{entity_id}</c>: 200 with the order, 404 when there is none.</summary>
public sealed class MagentoGetOrderExecutor(MagentoClient magento) : INodeExecutor
{
    public string NodeType => MagentoGetOrderNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var id = ConfigValues.Text(context, "orderId", "Order entity id");
        if (!long.TryParse(id, out _))
        {
            throw new StepFailedException($"'{context.NodeName}': '{id}' is not an order entity id (a number such as 1042).", retryable: false);
        }

        var reply = await magento.GetAsync(ConfigValues.Credential(context), $"orders/{id}", cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json) : throw MagentoErrors.From(reply, $"read order {id}");
    }
}
