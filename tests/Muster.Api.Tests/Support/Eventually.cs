namespace Muster.Api.Tests.Support;

public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(10);

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test when it does not within the limit.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, limit);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {limit ?? DefaultLimit}: {what}");
            }

            await Task.Delay(20);
        }
    }
}
