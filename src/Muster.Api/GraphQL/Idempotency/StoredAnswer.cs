namespace Muster.Api.GraphQL.Idempotency;

/// <summary>
/// What the store knows of a key: the hash of the body first sent with it and, once given, the answer. A key whose
/// request committed but whose answer was never stored (the instance died in between) has no answer.
/// </summary>
public sealed record StoredAnswer(string BodyHash, int? Status, string? ContentType, string? Body)
{
    public bool Answered => Status is not null && Body is not null;
}
