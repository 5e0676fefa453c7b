using GraphQL;
using GraphQL.Types;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Authorization;

/// <summary>Reads GraphQL.NET's authorization metadata (AuthorizeWithRoles) on a field or type.</summary>
public static class RoleCheck
{
    public static bool Allows(IMetadataReader element, Actor viewer)
    {
        var roles = element.GetRoles();
        return roles is null || roles.Count == 0 || roles.Contains(viewer.Role.Name());
    }

    public static bool RequiresRoles(IMetadataReader element) => element.GetRoles() is { Count: > 0 };
}
