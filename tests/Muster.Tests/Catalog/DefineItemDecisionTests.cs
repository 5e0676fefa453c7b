using Muster.Catalog;
using Muster.Catalog.Defining;

namespace Muster.Tests.Catalog;

public sealed class DefineItemDecisionTests
{
    private static DefineItem Tent(string code = "1010101", string name = "单帐篷", int packSize = 1, int? shelfLifeDays = null) =>
        new(code, name, "single tent", "顶", packSize, "帐篷", shelfLifeDays);

    [Fact]
    public void Given_a_new_code_when_defining_then_the_item_is_defined_under_its_code_with_trimmed_text()
    {
        var result = DefineItemDecision.Decide(
            new DefineItem("1010101", " 单帐篷 ", "  ", " 顶 ", 20, " ", 1825), alreadyDefined: false);

        Assert.True(result.Succeeded);
        Assert.Equal(new ItemDefined(ItemCode.StreamId("1010101"), "1010101", "单帐篷", null, "顶", 20, null, 1825), result.Value);
    }

    [Theory]
    [InlineData("1010101", TopClass.BasicLiving)]
    [InlineData("2990199", TopClass.EmergencyEquipment)]
    [InlineData("3010000", TopClass.EngineeringMaterials)]
    [InlineData("1019900", TopClass.BasicLiving)]
    public void Given_a_code_in_the_GB_T_38565_layout_then_it_is_accepted_and_names_its_top_class(string code, TopClass topClass)
    {
        Assert.True(DefineItemDecision.Decide(Tent(code), false).Succeeded);
        Assert.Equal(topClass, ItemCode.TopClassOf(code));
    }

    [Theory]
    [InlineData("101010")]
    [InlineData("10101010")]
    [InlineData("0101010")]
    [InlineData("4010101")]
    [InlineData("9010101")]
    [InlineData("10101a1")]
    [InlineData("101 101")]
    [InlineData(" 1010101")]
    [InlineData("１０１０１０１")]
    [InlineData("")]
    [InlineData("3000000")]
    [InlineData("1000101")]
    [InlineData("1010001")]
    public void Given_a_code_out_of_layout_when_defining_then_it_is_a_validation_error_on_code(string code)
    {
        var error = DefineItemDecision.Decide(Tent(code), false).Errors.Single();

        Assert.Equal(("VALIDATION", "code"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Given_a_pack_size_below_one_when_defining_then_it_is_a_validation_error(int packSize) =>
        Assert.Equal("packSize", DefineItemDecision.Decide(Tent(packSize: packSize), false).Errors.Single().Field);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_a_shelf_life_below_one_day_when_defining_then_it_is_a_validation_error(int days) =>
        Assert.Equal("shelfLifeDays", DefineItemDecision.Decide(Tent(shelfLifeDays: days), false).Errors.Single().Field);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_no_name_when_defining_then_it_is_a_validation_error(string name) =>
        Assert.Equal("name", DefineItemDecision.Decide(Tent(name: name), false).Errors.Single().Field);

    [Fact]
    public void Given_a_name_too_long_or_a_unit_too_long_then_both_faults_are_answered()
    {
        var command = Tent(name: new string('帐', DefineItemDecision.MaxNameLength + 1)) with { Unit = new string('x', 21) };

        var fields = DefineItemDecision.Decide(command, false).Errors.Select(e => e.Field);

        Assert.Equal(["name", "unit"], fields);
    }

    [Fact]
    public void Given_a_code_already_defined_when_defining_then_it_is_a_conflict()
    {
        var error = DefineItemDecision.Decide(Tent(), alreadyDefined: true).Errors.Single();

        Assert.Equal(("CONFLICT", "code"), (error.Code, error.Field));
    }

    [Fact]
    public void The_stream_id_is_a_version_5_uuid_fixed_by_the_code()
    {
        var id = ItemCode.StreamId("1010101");

        Assert.Equal(id, ItemCode.StreamId("1010101"));
        Assert.NotEqual(id, ItemCode.StreamId("1010102"));
        Assert.Equal(5, id.Version);
        Assert.Equal(new Guid("b2a8231c-8623-59ff-84d5-11384664174b"), id); // Python: uuid.uuid5(namespace, "1010101")
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1010101", true)]
    [InlineData("", false)]
    [InlineData("10101010", false)]
    [InlineData("1a", false)]
    public void A_code_prefix_is_one_to_seven_digits(string prefix, bool valid) =>
        Assert.Equal(valid, ItemCode.CheckPrefix(prefix) is null);
}
