using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;

namespace Muster.Api.Dispatch;

/// <summary>The <c>excluding</c> input of proposeDispatch and approveDispatch: global ids of units, experts or depots to leave out.</summary>
public static class Exclusions
{
    /// <summary>The raw ids, or the VALIDATION error naming the first that is not an id.</summary>
    public static Result<IReadOnlyCollection<Guid>> Read(IReadOnlyList<string>? ids)
    {
        var excluding = new List<Guid>();
        foreach (var id in ids ?? [])
        {
            if (!GlobalId.TryDecode(id, out _, out var guid))
            {
                return DomainError.Validation($"'{id}' is not an id", "excluding");
            }

            excluding.Add(guid);
        }

        return Result<IReadOnlyCollection<Guid>>.Ok(excluding);
    }
}
