using Muster.Infrastructure.Text;
using Muster.Infrastructure.Time;

namespace Muster.Tests.Infrastructure;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("霍州市\u202e局理管急应", "U+202E")]
    [InlineData("霍州市\u2067消防", "U+2067")]
    [InlineData("霍州市\u200b消防救援大队", "U+200B")]
    [InlineData("霍州\uFEFF消防", "U+FEFF")]
    [InlineData("水利局\u001b[2J", "U+001B")]
    [InlineData("水利\u0000局", "U+0000")]
    [InlineData("两行\n名字", "U+000A")]
    public void A_name_refuses_invisible_reordering_and_control_characters_naming_the_field(string name, string named)
    {
        var checkedName = TextRules.Name(name, "name", 200);

        var error = Assert.Single(checkedName.Errors);
        Assert.Equal(("VALIDATION", "name"), (error.Code, error.Field));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("霍州市消防救援大队 开元中队")]
    [InlineData("Huozhou Fire & Rescue (No. 2)")]
    [InlineData("ساعدة")]
    public void Ordinary_names_in_any_script_pass_trimmed(string name) =>
        Assert.Equal(name, TextRules.Name("  " + name + " ", "name", 200).Value);

    [Fact]
    public void A_free_text_keeps_its_lines_but_not_nul_or_bidi_overrides()
    {
        Assert.Equal("第一行\n第二行\t完", TextRules.FreeText("第一行\n第二行\t完", "note", 2000).Value);
        Assert.Equal("note", Assert.Single(TextRules.FreeText("a\u0000b", "note", 2000).Errors).Field);
        Assert.Single(TextRules.FreeText("a\u202Eb", "note", 2000).Errors);
    }

    [Fact]
    public void Length_is_bounded_and_required_text_must_not_be_blank()
    {
        Assert.Single(TextRules.Name(new string('x', 201), "contact", 200, required: false).Errors);
        Assert.Single(TextRules.Name("   ", "name", 200).Errors);
        Assert.Null(TextRules.Name("   ", "contact", 200, required: false).Value);
    }

    [Fact]
    public void Reported_times_older_than_a_week_or_ahead_of_the_clock_are_refused()
    {
        var now = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var bounds = new ReportedTimes();

        Assert.Null(bounds.Check(now.AddDays(-6), now, "at"));
        Assert.Null(bounds.Check(now.AddMinutes(4), now, "at"));
        Assert.Equal("at", bounds.Check(DateTimeOffset.MinValue, now, "at")!.Field);
        Assert.Equal("at", bounds.Check(now.AddMinutes(6), now, "at")!.Field);
    }
}
