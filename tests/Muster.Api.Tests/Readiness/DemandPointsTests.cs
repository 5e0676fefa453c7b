using Microsoft.Extensions.DependencyInjection;
using Muster.Readiness;

namespace Muster.Api.Tests.Readiness;

[Collection(ReadinessCountyCollection.Collection)]
public sealed class DemandPointsTests(ReadinessCounty county)
{
    [Fact]
    public async Task The_places_to_cover_are_the_hazard_sites_by_risk_colour_and_the_seats_by_population()
    {
        using var scope = county.App.Services.CreateScope();
        var points = await scope.ServiceProvider.GetRequiredService<IDemandPoints>().AllAsync(default);

        var byName = points.ToDictionary(p => p.Name);
        Assert.Equal((DemandKind.HazardSite, 4.0), (byName["白龙煤矿"].Kind, byName["白龙煤矿"].Weight));
        Assert.Equal((DemandKind.HazardSite, 1.0), (byName["白龙化工厂"].Kind, byName["白龙化工厂"].Weight));
        Assert.Equal((DemandKind.Township, 3.2), (byName["白龙镇"].Kind, byName["白龙镇"].Weight)); // 32,000 people
        Assert.Equal((DemandKind.Township, 1.0), (byName["辛置镇"].Kind, byName["辛置镇"].Weight)); // population unknown
        Assert.Equal((DemandKind.Village, 1.0), (byName["白龙村"].Kind, byName["白龙村"].Weight)); // 1,500 people: never under 1
        Assert.DoesNotContain("霍州市", byName.Keys); // the county is an area, not a place to reach
        Assert.Equal(36.529, byName["白龙镇"].Location.Lat, 6);
    }
}
