using System.Globalization;
using Muster.Catalog.Defining;

namespace Muster.Scale;

/// <summary>
/// Up to 200 catalog items with valid GB/T 38565-style codes (top class 1–3, middle class 01–10, small class 01–07,
/// fine class 01) and plain names, the same every time.
/// </summary>
public static class SyntheticCatalog
{
    public const int MaxItems = 210;

    private static readonly string[][] Names =
    [
        ["帐篷", "棉被", "折叠床", "饮用水", "方便食品", "应急照明灯", "防寒服", "睡袋", "毛毯", "卫生用品"],
        ["救生衣", "呼吸器", "防毒面具", "液压破拆工具", "生命探测仪", "发电机", "排水泵", "担架", "急救箱", "对讲机"],
        ["编织袋", "砂石料", "钢管", "木材", "挡水板", "防水布", "铁丝网", "水泥", "土工布", "钢丝绳"],
    ];

    private static readonly string[] Units = ["顶", "床", "张", "箱", "箱", "个", "件", "个", "条", "套"];

    public static IReadOnlyList<DefineItem> Items(int count)
    {
        if (count is < 1 or > MaxItems)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"1 to {MaxItems} items");
        }

        var items = new List<DefineItem>(count);
        for (var i = 0; i < count; i++)
        {
            var top = i % 3;
            var middle = i / 3 % 10;
            var small = i / 30;
            var code = string.Create(CultureInfo.InvariantCulture, $"{top + 1}{middle + 1:00}{small + 1:00}01");
            var name = $"{Names[top][middle]} {small + 1}型";
            items.Add(new DefineItem(code, name, null, Units[middle], 1 + (small * 5), $"synthetic class {top + 1}", top == 0 ? 365 * (small + 1) : null));
        }

        return items;
    }
}
