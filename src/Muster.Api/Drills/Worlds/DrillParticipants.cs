using GraphQL;
using GraphQL.DI;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Authorization;
using Muster.Infrastructure;

namespace Muster.Api.Drills.Worlds;

/// <summary>
/// Who may act in a drill, over HTTP and WebSocket alike: admins and commanders, who run it, and logistics staff, who
/// allocate and ship its supplies. Partners take no part: their systems would read exercise data as real.
/// </summary>
public sealed class DrillParticipants : IConfigureExecution
{
    public static readonly Role[] Roles = [Role.Admin, Role.Commander, Role.Logistics];

    public float SortOrder => 0;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next) =>
        HttpActorAccessor.ActorOf(options.User) switch
        {
            null => Task.FromResult(Refuse(AuthorizationRule.Unauthenticated, "A drill answers only an authenticated participant: send a bearer token.")),
            var actor when !actor.IsIn(Roles) => Task.FromResult(Refuse(AuthorizationRule.Forbidden,
                "Only admins, commanders and logistics staff take part in a drill.")),
            _ => next(options),
        };

    private static ExecutionResult Refuse(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }], Executed = false };
}
