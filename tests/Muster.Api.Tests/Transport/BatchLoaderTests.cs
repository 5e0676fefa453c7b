using Muster.Api.GraphQL.Loading;

namespace Muster.Api.Tests.Transport;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_asked_for_by_a_whole_list_are_fetched_in_one_call()
    {
        var calls = new List<IReadOnlyCollection<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            calls.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 3).ToDictionary(k => k, k => $"#{k}"));
        });

        var pending = new[] { 1, 2, 3, 2 }.Select(loader.Load).ToList();
        var values = new List<string?>();
        foreach (var result in pending)
        {
            values.Add(await result.GetResultAsync());
        }

        Assert.Equal(["#1", "#2", null, "#2"], values);
        Assert.Single(calls);
        Assert.Equal([1, 2, 3], calls[0].Order());
    }
}
