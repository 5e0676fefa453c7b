namespace Muster.Api.GraphQL.Relay;

/// <summary>Documents that belong to an agency, by id: a partner sees only its own agency's.</summary>
public abstract class AgencyOwnedNodeSource<T>(string typeName, Func<T, Guid> idOf, Func<T, Guid> agencyOf)
    : DocumentNodeSource<T>(typeName, idOf, (viewer, document) => Visibility.MaySee(viewer, agencyOf(document)))
    where T : notnull;
