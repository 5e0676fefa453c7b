namespace Muster.Infrastructure;

/// <summary>Who is acting: the token's subject, role and agency. Recorded on every event.</summary>
public sealed record Actor(string Subject, Role Role, Guid? AgencyId)
{
    /// <summary>The service itself (scheduled jobs, seed loading).</summary>
    public static readonly Actor System = new("system", Role.Admin, null);

    /// <summary>A scheduled job, named in the history as <c>job:name</c>.</summary>
    public static Actor Job(string name) => new("job:" + name, Role.Admin, null);

    public bool IsIn(params Role[] roles) => roles.Contains(Role);
}

public enum Role
{
    Admin,
    Commander,
    Logistics,
    Partner,
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Commander = "commander";
    public const string Logistics = "logistics";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Admin, Commander, Logistics, Partner];

    public static bool TryParse(string? value, out Role role)
    {
        switch (value)
        {
            case Admin: role = Role.Admin; return true;
            case Commander: role = Role.Commander; return true;
            case Logistics: role = Role.Logistics; return true;
            case Partner: role = Role.Partner; return true;
            default: role = default; return false;
        }
    }

    public static string Name(this Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Commander => Commander,
        Role.Logistics => Logistics,
        _ => Partner,
    };
}
