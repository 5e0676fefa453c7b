using Muster.Experts;
using Muster.Experts.ChangingAvailability;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Tests.Experts;

/// <summary>The availability rule, row by row: every (from, to) pair is either allowed or INVALID_STATE.</summary>
public sealed class ChangeExpertAvailabilityTests
{
    private static readonly Actor Commander = new("c", Role.Commander, null);

    [Theory]
    [InlineData(ExpertAvailability.Available, ExpertAvailability.Available, false)]
    [InlineData(ExpertAvailability.Available, ExpertAvailability.Engaged, true)]
    [InlineData(ExpertAvailability.Available, ExpertAvailability.OffDuty, true)]
    [InlineData(ExpertAvailability.Engaged, ExpertAvailability.Available, true)]
    [InlineData(ExpertAvailability.Engaged, ExpertAvailability.Engaged, false)]
    [InlineData(ExpertAvailability.Engaged, ExpertAvailability.OffDuty, true)]
    [InlineData(ExpertAvailability.OffDuty, ExpertAvailability.Available, true)]
    [InlineData(ExpertAvailability.OffDuty, ExpertAvailability.Engaged, true)]
    [InlineData(ExpertAvailability.OffDuty, ExpertAvailability.OffDuty, false)]
    public void Given_an_expert_in_one_availability_when_changing_to_another_then_the_rule_decides(
        ExpertAvailability from, ExpertAvailability to, bool allowed)
    {
        var expert = Expert(from);

        var result = ChangeExpertAvailabilityDecision.Decide(expert, new ChangeExpertAvailability(expert.Id, to, " called out by the command post "), Commander);

        if (allowed)
        {
            Assert.Equal(new ExpertAvailabilityChanged(expert.Id, from, to, "called out by the command post"), result.Value);
            Assert.Equal(to, ExpertEvolution.Evolve(expert, result.Value!).Availability);
        }
        else
        {
            Assert.Equal((ErrorCodes.InvalidState, "availability"), (result.Errors.Single().Code, result.Errors.Single().Field));
        }
    }

    [Fact]
    public void Given_another_agencys_expert_when_a_partner_changes_it_then_it_is_forbidden()
    {
        var expert = Expert(ExpertAvailability.Available);

        var result = ChangeExpertAvailabilityDecision.Decide(expert, new(expert.Id, ExpertAvailability.OffDuty, null), new Actor("p", Role.Partner, Guid.NewGuid()));

        Assert.Equal(ErrorCodes.Forbidden, result.Errors.Single().Code);
    }

    [Fact]
    public void Given_its_own_agencys_expert_when_a_partner_changes_it_then_it_changes()
    {
        var expert = Expert(ExpertAvailability.Available);

        var result = ChangeExpertAvailabilityDecision.Decide(expert, new(expert.Id, ExpertAvailability.OffDuty, "  "), new Actor("p", Role.Partner, expert.AgencyId));

        Assert.Equal(new ExpertAvailabilityChanged(expert.Id, ExpertAvailability.Available, ExpertAvailability.OffDuty, null), result.Value);
    }

    [Fact]
    public void Given_no_expert_when_changing_availability_then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, ChangeExpertAvailabilityDecision.Decide(null, new(Guid.NewGuid(), ExpertAvailability.Engaged, null), Commander).Errors.Single().Code);

    [Fact]
    public void Given_a_reason_too_long_when_changing_availability_then_it_is_a_validation_error()
    {
        var expert = Expert(ExpertAvailability.Available);
        var reason = new string('x', ChangeExpertAvailabilityDecision.MaxReasonLength + 1);

        var result = ChangeExpertAvailabilityDecision.Decide(expert, new(expert.Id, ExpertAvailability.Engaged, reason), Commander);

        Assert.Equal((ErrorCodes.Validation, "reason"), (result.Errors.Single().Code, result.Errors.Single().Field));
    }

    private static Expert Expert(ExpertAvailability availability) =>
        ExpertEvolution.Create(new ExpertRegistered(Guid.NewGuid(), "危化品专家 王工", ExpertKind.Person, ["hazmat"], "13803570001",
            new GeoPoint(36.57, 111.72), Guid.NewGuid(), null), DateTimeOffset.UtcNow) with { Availability = availability };
}
