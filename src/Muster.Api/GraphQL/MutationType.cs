using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.ApiKeys;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.Dispatch;
using Muster.Api.Experts;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Api.Requests;
using Muster.Api.Supplies;
using Muster.Api.Transfers;
using Muster.Api.Units;
using Muster.Api.Webhooks;

namespace Muster.Api.GraphQL;

/// <summary>
/// The mutation root: each capability adds its own mutations, each taking one <c>input</c>. Every root field is
/// nullable: mutations run one after another, and one refused at execution (a partner acting for another agency)
/// must null only itself, never the answers of the mutations before it that committed.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        RegisterAgencyMutation.AddTo(this);
        UnitMutations.AddTo(this);
        ExpertMutations.AddTo(this);
        DefineItemMutation.AddTo(this);
        DepotMutations.AddTo(this);
        ReceiveStockMutation.AddTo(this);
        PlanMutations.AddTo(this);
        IncidentMutations.AddTo(this);
        ProposeDispatchMutation.AddTo(this);
        ApproveDispatchMutation.AddTo(this);
        StockMovementMutations.AddTo(this);
        TransferMutations.AddTo(this);
        SetMinimumStockMutation.AddTo(this);
        SupplyRequestMutations.AddTo(this);
        ApiKeyMutations.AddTo(this);
        WebhookMutations.AddTo(this);
        foreach (var field in Fields)
        {
            if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            {
                field.Type = type.GetGenericArguments()[0];
            }
        }
    }
}
