using Muster.Infrastructure;

namespace Muster.Readiness;

/// <summary>The arguments every readiness question shares: a capability tag and a time limit.</summary>
public static class ReadinessArguments
{
    /// <summary>The first of the two that is wrong, naming its field; null when both are right.</summary>
    public static DomainError? Check(string capability, int withinSeconds, int maxSeconds) =>
        !Tags.IsTag(capability.Trim().ToLowerInvariant())
            ? DomainError.Validation($"capability '{capability}' is not a capability tag (lower-case letters, digits, hyphens)", "capability")
        : withinSeconds < ReadinessOptions.MinSeconds || withinSeconds > maxSeconds
            ? DomainError.Validation($"withinSeconds must be between {ReadinessOptions.MinSeconds} and {maxSeconds}, got {withinSeconds}", "withinSeconds")
        : null;
}
