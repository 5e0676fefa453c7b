using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Catalog;

/// <summary>A catalog of eight items across the three top classes, defined once for the class.</summary>
public sealed class ItemCatalogFixture : AppFixture
{
    public static readonly (string Code, string Name, string NameEn, string Unit)[] Items =
    [
        ("3020101", "抽水泵", "Water pump", "台"),
        ("1010101", "单帐篷", "Single tent", "顶"),
        ("1010102", "棉帐篷", "Cotton tent", "顶"),
        ("1010201", "折叠床", "Folding bed", "张"),
        ("1020101", "棉被", "Quilt", "床"),
        ("2010101", "救生衣", "Life jacket", "件"),
        ("2010102", "救生圈", "LIFEBUOY", "个"),
        ("3010101", "编织袋", "Woven sandbag", "条"),
    ];

    public IDictionary<string, string> Ids { get; } = new Dictionary<string, string>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (code, name, nameEn, unit) in Items)
        {
            Ids[code] = await CatalogCalls.DefineAsync(App, code, name, unit, nameEn);
        }
    }
}
