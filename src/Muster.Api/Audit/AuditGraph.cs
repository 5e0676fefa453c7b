using Muster.Api.GraphQL;

namespace Muster.Api.Audit;

public static class AuditGraph
{
    public static IServiceCollection AddAuditGraph(this IServiceCollection services) =>
        services.AddQueryFields(40, AuditQueries.AddTo);
}
