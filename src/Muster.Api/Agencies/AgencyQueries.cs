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
                var session = context.RequestServices!.GetRequiredService<IQuerySession>();
                var kind = context.GetArgument<AgencyKind?>("kind");
                IQueryable<Agency> Agencies() => kind is { } k
                    ? session.Query<Agency>().Where(a => a.Kind == k)
                    : session.Query<Agency>();

                return await Connections.ResolveAsync(
                    context,
                    ct => Agencies().CountAsync(ct),
                    async (offset, limit, ct) =>
                        await Agencies().OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(ct));
            });
}
