using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Agencies;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Agencies;

public static class AgencyQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<AgencyType, EdgeType<AgencyType>>>>("agencies")
            .Description("The register of agencies, by name; optionally of one kind.")
            .Argument<AgencyKindType>("kind")
            .Paged()
            .ResolveAsync(async context =>
            {
                IQueryable<Agency> agencies = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Agency>();
                if (context.GetArgument<AgencyKind?>("kind") is { } kind)
                {
                    agencies = agencies.Where(a => a.Kind == kind);
                }

                return await Connections.ResolveAsync(context, agencies.OrderBy(a => a.Name).ThenBy(a => a.Id));
            });
}
