using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Agencies.Registering;

public sealed record RegisterAgency(string Name, AgencyKind Kind, string? Contact, GeoPoint? Headquarters);

public static class RegisterAgencyDecision
{
    public const int MaxNameLength = 200;
    public const int MaxContactLength = 200;

    public static Result<AgencyRegistered> Decide(RegisterAgency command, Guid newId, bool nameTaken)
    {
        var checkedName = TextRules.Name(command.Name, "name", MaxNameLength);
        var contact = TextRules.Name(command.Contact, "contact", MaxContactLength, required: false);
        if (!checkedName.Succeeded || !contact.Succeeded)
        {
            return Result<AgencyRegistered>.Fail([.. checkedName.Errors, .. contact.Errors]);
        }

        var name = checkedName.Value!;

        if (nameTaken)
        {
            return DomainError.Conflict($"an agency named '{name}' is already registered", "name");
        }

        if (command.Headquarters is { } hq && GeoPoint.Check(hq.Lat, hq.Lon, "headquarters") is { } invalid)
        {
            return invalid;
        }

        return new AgencyRegistered(newId, name, command.Kind, contact.Value, command.Headquarters);
    }
}

public sealed class RegisterAgencyHandler(EventWriter writer)
{
    public Task<Result<Agency>> Handle(RegisterAgency command, CancellationToken ct) =>
        writer.StartAsync<Agency, AgencyRegistered>(
            async (session, _, token) =>
            {
                var name = command.Name.Trim();
                var taken = await session.Query<Agency>().AnyAsync(a => a.Name == name, token);
                return RegisterAgencyDecision.Decide(command, Guid.CreateVersion7(), taken);
            },
            registered => registered.AgencyId, null, ct);
}
