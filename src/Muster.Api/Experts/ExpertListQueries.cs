using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Spatial;
using Muster.Api.Units;
using Muster.Experts;
using Muster.Experts.Locating;
using Muster.Infrastructure;

namespace Muster.Api.Experts;

/// <summary>The register of experts: a list with filters, the specialties in use, GeoJSON for maps.</summary>
public static class ExpertListQueries
{
    public const int MaxGeoJsonFeatures = 5000;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<ExpertType, EdgeType<ExpertType>>>>("experts")
            .Description("Experts by name, filtered; a partner sees its own agency's.")
            .Argument<IdGraphType>("agencyId").Argument<ExpertAvailabilityType>("availability").Argument<StringGraphType>("specialty")
            .Paged()
            .ResolveAsync(async context =>
                await Connections.ResolveAsync(context, Filtered(context).OrderBy(e => e.Name).ThenBy(e => e.Id)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagCountType>>>>("expertSpecialties")
            .Description("The specialty tags in use, with how many experts carry each, most common first; a partner counts its own agency's.")
            .ResolveAsync(async context => (await context.RequestServices!.GetRequiredService<ExpertFinder>()
                .SpecialtiesAsync(ExpertVisibility.AgencyScope(Visibility.Viewer(context)), null, context.CancellationToken))
                .Select(t => new TagCount(t.Tag, t.Count)).ToList());

        query.Field<NonNullGraphType<StringGraphType>>("expertsGeoJson")
            .Description($"Experts as a GeoJSON FeatureCollection (points at their base) for GIS tools; same filters as experts, at most {MaxGeoJsonFeatures}.")
            .Argument<IdGraphType>("agencyId").Argument<ExpertAvailabilityType>("availability").Argument<StringGraphType>("specialty")
            .ResolveAsync(async context =>
            {
                var experts = await Filtered(context).OrderBy(e => e.Name).Take(MaxGeoJsonFeatures).ToListAsync(context.CancellationToken);
                return GeoJson.FeatureCollection(experts.Select(e => GeoJson.Feature(GlobalId.Encode(ExpertType.TypeName, e.Id), e.Location, new JsonObject
                {
                    ["name"] = e.Name,
                    ["kind"] = ApiName.Of(e.Kind),
                    ["availability"] = ApiName.Of(e.Availability),
                    ["specialties"] = new JsonArray([.. e.Specialties.Select(s => JsonValue.Create(s))]),
                    ["onCall"] = e.OnCall?.ToString(),
                })));
            });
    }

    private static IQueryable<Expert> Filtered(IResolveFieldContext context)
    {
        var scope = ExpertSpatialQueries.Scope(context);
        var experts = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Expert>().VisibleTo(Visibility.Viewer(context)).OfRequestedAgency(context, e => e.AgencyId);
        if (scope.Availability is { } availability)
        {
            experts = experts.Where(e => e.Availability == availability);
        }

        if (scope.Specialty is { } specialty)
        {
            experts = experts.Where(e => e.Specialties.Contains(specialty));
        }

        return experts;
    }
}
