using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;

namespace Muster.Api.Depots;

public sealed class RegisterDepotInputType : InputObjectGraphType
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

public sealed class RelocateDepotInputType : InputObjectGraphType
{
    public RelocateDepotInputType()
    {
        Name = "RelocateDepotInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<StringGraphType>("address").Description("The new site's address; none given means unknown.");
    }
}

public static class DepotIdInputType
{
    public sealed class Pledge : InputObjectGraphType
    {
        public Pledge()
        {
            Name = "PledgeDepotInput";
            Field<NonNullGraphType<IdGraphType>>("depotId");
        }
    }

    public sealed class Withdraw : InputObjectGraphType
    {
        public Withdraw()
        {
            Name = "WithdrawDepotInput";
            Field<NonNullGraphType<IdGraphType>>("depotId");
        }
    }
}

public sealed class CloseDepotInputType : InputObjectGraphType
{
    public CloseDepotInputType()
    {
        Name = "CloseDepotInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}
