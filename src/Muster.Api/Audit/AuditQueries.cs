using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Muster.Api.GraphQL.Relay;
using Muster.Audit;
using Muster.Infrastructure;

namespace Muster.Api.Audit;

public static class AuditQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<AuditEntryType, EdgeType<AuditEntryType>>>>("auditTrail")
            .Description("Every recorded event in order, or those of one object: who did what, and when. Admin and commander only.")
            .Argument<IdGraphType>("of", "Global id of the object whose history you want.")
            .Paged()
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var trail = new AuditTrail(context.RequestServices!.GetRequiredService<Marten.IQuerySession>());
                Guid? stream = null;
                if (context.GetArgument<string?>("of") is { } of)
                {
                    stream = GlobalId.TryDecode(of, out _, out var id)
                        ? id
                        : throw new ExecutionError("'of' is not a global id") { Code = "VALIDATION" };
                }

                return await Connections.ResolveAsync(
                    context,
                    ct => trail.CountAsync(new AuditScope(stream is { } one ? [one] : null), ct),
                    (offset, limit, ct) => trail.PageAsync(new AuditScope(stream is { } one ? [one] : null), offset, limit, ct));
            });
}
