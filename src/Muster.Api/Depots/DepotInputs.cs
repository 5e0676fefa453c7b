using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Spatial;

namespace Muster.Api.Depots;

public sealed record RegisterDepotInput(string Name, GeoPoint Location, string AgencyId, bool Shared, string? Address);

public sealed class RegisterDepotInputType : InputObjectGraphType<RegisterDepotInput>
{
    public RegisterDepotInputType()
    {
        Name = "RegisterDepotInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<NonNullGraphType<IdGraphType>>("agencyId");
        Field<NonNullGraphType<BooleanGraphType>>("shared").Description("True to pledge the depot to the shared pool from the start.");
        Field<StringGraphType>("address").Description("Postal address, at most 300 characters.");
    }
}

public sealed record RelocateDepotInput(string DepotId, GeoPoint Location, string? Address);

public sealed class RelocateDepotInputType : InputObjectGraphType<RelocateDepotInput>
{
    public RelocateDepotInputType()
    {
        Name = "RelocateDepotInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<StringGraphType>("address").Description("The new site's address; none given means unknown.");
    }
}

/// <summary>The input of a mutation that needs nothing but the depot.</summary>
public sealed record DepotIdInput(string DepotId);

public static class DepotIdInputType
{
    public sealed class Pledge : InputObjectGraphType<DepotIdInput>
    {
        public Pledge()
        {
            Name = "PledgeDepotInput";
            Field<NonNullGraphType<IdGraphType>>("depotId");
        }
    }

    public sealed class Withdraw : InputObjectGraphType<DepotIdInput>
    {
        public Withdraw()
        {
            Name = "WithdrawDepotInput";
            Field<NonNullGraphType<IdGraphType>>("depotId");
        }
    }
}

public sealed record CloseDepotInput(string DepotId, string Reason);

public sealed class CloseDepotInputType : InputObjectGraphType<CloseDepotInput>
{
    public CloseDepotInputType()
    {
        Name = "CloseDepotInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}
