using Microsoft.Extensions.DependencyInjection;
using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Api.Tests.Support;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Registering;
using Muster.Spatial;

namespace Muster.Api.Tests.Jurisdictions;

/// <summary>
/// The directory other capabilities ask (IJurisdictionDirectory), over the real PostGIS table: the most specific
/// jurisdiction at a point, derived areas that follow new seats, and what a township's government maintains.
/// </summary>
public sealed class JurisdictionDirectoryTests(JurisdictionDirectoryTests.Network fixture) : IClassFixture<JurisdictionDirectoryTests.Network>
{
    /// <summary>Huozhou with two townships known by their seats and one village in 白龙镇.</summary>
    public sealed class Network : AppFixture
    {
        public Guid County { get; private set; }
        public Guid Bailong { get; private set; }
        public Guid Dazhang { get; private set; }
        public Guid Village { get; private set; }
        public Guid BailongGovernment { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            BailongGovernment = (await Run<RegisterAgencyHandler, Agency>(h => h.Handle(new RegisterAgency("白龙镇人民政府", AgencyKind.Township, null, null), default))).Id;
            County = await RegisterAsync(new RegisterJurisdiction("霍州市", JurisdictionLevel.County, null, JurisdictionCalls.CountyBoundary, null, null));
            Bailong = await RegisterAsync(new RegisterJurisdiction("白龙镇", JurisdictionLevel.Township, County, null, new GeoPoint(36.529, 111.706), BailongGovernment));
            Dazhang = await RegisterAsync(new RegisterJurisdiction("大张镇", JurisdictionLevel.Township, County, null, new GeoPoint(36.62, 111.76), null));
            Village = await RegisterAsync(new RegisterJurisdiction("白龙村", JurisdictionLevel.Village, Bailong, null, new GeoPoint(36.525, 111.70), null));
        }

        public async Task<Guid> RegisterAsync(RegisterJurisdiction command) =>
            (await Run<RegisterJurisdictionHandler, Jurisdiction>(h => h.Handle(command, default))).Id;

        public async Task<T> Run<THandler, T>(Func<THandler, Task<Muster.Infrastructure.Result<T>>> act)
            where THandler : notnull
        {
            using var scope = App.Services.CreateScope();
            var result = await act(scope.ServiceProvider.GetRequiredService<THandler>());
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.Value!;
        }

        public async Task<T> Ask<T>(Func<IJurisdictionDirectory, Task<T>> ask)
        {
            using var scope = App.Services.CreateScope();
            return await ask(scope.ServiceProvider.GetRequiredService<IJurisdictionDirectory>());
        }
    }

    [Fact]
    public async Task A_point_names_the_most_specific_jurisdiction_village_before_township_before_county()
    {
        Assert.Equal("白龙村", (await fixture.Ask(d => d.AtAsync(new GeoPoint(36.526, 111.701), default)))?.Name);
        Assert.Equal("白龙镇", (await fixture.Ask(d => d.AtAsync(new GeoPoint(36.50, 111.68), default)))?.Name);
        Assert.Equal("大张镇", (await fixture.Ask(d => d.AtAsync(new GeoPoint(36.64, 111.80), default)))?.Name);
        Assert.Null(await fixture.Ask(d => d.AtAsync(new GeoPoint(36.2, 111.5), default)));
    }

    [Fact]
    public async Task A_township_names_its_county_and_its_agency()
    {
        var found = await fixture.Ask(d => d.FindAsync(fixture.Bailong, default));

        Assert.Equal(new JurisdictionRef(fixture.Bailong, "白龙镇", JurisdictionLevel.Township, fixture.County, fixture.BailongGovernment), found);
    }

    [Fact]
    public async Task A_township_government_maintains_its_township_and_every_village_in_it()
    {
        var maintained = await fixture.Ask(d => d.MaintainedByAsync(fixture.BailongGovernment, default));

        Assert.Equal(new HashSet<Guid> { fixture.Bailong, fixture.Village }, maintained.ToHashSet());
    }

    [Fact]
    public async Task A_new_township_seat_takes_its_share_of_the_approximate_areas_around_it()
    {
        var point = new GeoPoint(36.56, 111.64);
        var before = await fixture.Ask(d => d.AtAsync(point, default));

        await fixture.RegisterAsync(new RegisterJurisdiction("李曹镇", JurisdictionLevel.Township, fixture.County, null, new GeoPoint(36.56, 111.635), null));

        Assert.Equal("白龙镇", before?.Name);
        Assert.Equal("李曹镇", (await fixture.Ask(d => d.AtAsync(point, default)))?.Name);
    }
}
