namespace Muster.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Accept <c>http://</c> URLs as well as <c>https://</c> (development and tests on loopback only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a delivery is given up as FAILED (about 9 hours with the defaults).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a receiver may take to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for changes to fan out and deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Changes fanned out, or deliveries sent, per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait before attempt number <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var delay = RetryBase * Math.Pow(2, exponent);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
