using Muster.ApiKeys;
using Muster.ApiKeys.Issuing;
using Muster.ApiKeys.Revoking;
using Muster.Infrastructure;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.ApiKeys;

/// <summary>Only an admin issues and revokes an agency's API keys; a key is revoked once.</summary>
public sealed class ApiKeyDecisionTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly ApiKey Key = ApiKeyEvolution.Create(new ApiKeyIssued(NewId, OwnAgency, "县自然资源局 GIS", Hash, "a"), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Given_an_admin_when_issuing_then_the_key_names_its_agency_its_trimmed_name_the_secrets_hash_and_who_issued_it() =>
        Assert.Equal(new ApiKeyIssued(NewId, OwnAgency, "县自然资源局 GIS", Hash, "a"),
            IssueApiKeyDecision.Decide(new IssueApiKey(OwnAgency, "  县自然资源局 GIS "), agencyExists: true, Admin, NewId, Hash).Value);

    [Theory]
    [InlineData("logistics")]
    [InlineData("commander")]
    [InlineData("partner")]
    public void Given_anyone_but_an_admin_when_issuing_then_it_is_forbidden(string role)
    {
        var actor = role switch { "logistics" => Logistics, "commander" => Commander, _ => Partner };

        Assert.Equal(ErrorCodes.Forbidden, IssueApiKeyDecision.Decide(new IssueApiKey(OwnAgency, "GIS"), true, actor, NewId, Hash).Errors.Single().Code);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("x", IssueApiKeyDecision.MaxNameLength + 1)]
    public void Given_no_name_or_one_too_long_when_issuing_then_it_is_a_validation_error_on_name(string name, int repeat = 1) =>
        Assert.Equal((ErrorCodes.Validation, "name"),
            ErrorOf(IssueApiKeyDecision.Decide(new IssueApiKey(OwnAgency, string.Concat(Enumerable.Repeat(name, repeat))), true, Admin, NewId, Hash)));

    [Fact]
    public void Given_an_unknown_agency_when_issuing_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"), ErrorOf(IssueApiKeyDecision.Decide(new IssueApiKey(Guid.NewGuid(), "GIS"), agencyExists: false, Admin, NewId, Hash)));

    [Fact]
    public void Given_an_admin_when_revoking_a_live_key_then_it_is_revoked() =>
        Assert.Equal(new ApiKeyRevoked(Key.Id), RevokeApiKeyDecision.Decide(Key, Admin).Value);

    [Fact]
    public void Given_a_revoked_key_when_revoking_again_then_it_is_an_invalid_state_and_the_first_revocation_time_stays()
    {
        var revokedAt = DateTimeOffset.UnixEpoch.AddDays(1);
        var revoked = ApiKeyEvolution.Evolve(Key, new ApiKeyRevoked(Key.Id), revokedAt);

        Assert.Equal((ErrorCodes.InvalidState, "apiKeyId"), ErrorOf(RevokeApiKeyDecision.Decide(revoked, Admin)));
        Assert.Equal(revokedAt, ApiKeyEvolution.Evolve(revoked, new ApiKeyRevoked(Key.Id), revokedAt.AddDays(1)).RevokedAt);
    }

    [Fact]
    public void Given_no_key_or_a_partner_when_revoking_then_it_is_refused()
    {
        Assert.Equal((ErrorCodes.NotFound, "apiKeyId"), ErrorOf(RevokeApiKeyDecision.Decide(null, Admin)));
        Assert.Equal(ErrorCodes.Forbidden, RevokeApiKeyDecision.Decide(Key, Partner).Errors.Single().Code);
    }
}
