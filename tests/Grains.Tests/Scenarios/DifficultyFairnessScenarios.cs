using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class DifficultyFairnessScenarios
{
    private static readonly Dictionary<Channel, int> ThreeChats = new() { [Channel.Chat] = 3 };

    [Fact]
    public async Task DifficultCustomersContactsSpreadToTheOperatorWithTheLeastDifficultyLoad()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        foreach (var operatorId in (string[])["ann", "bob", "cat"])
        {
            // Each joins a second later, so longest idle alone would give ann every chat.
            await center.AddOperatorAsync(operatorId, "support", capacity: ThreeChats);
            await center.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        foreach (var customer in (string[])["dan", "eve", "fay"])
        {
            await center.RateCustomerAsync(customer, Line.L2, literacy: 3, temperament: 1, times: 3);
        }

        var receipts = new[]
        {
            await center.CreateContactAsync("d1", "support", customer: "dan", channel: Channel.Chat),
            await center.CreateContactAsync("d2", "support", customer: "eve", channel: Channel.Chat),
            await center.CreateContactAsync("d3", "support", customer: "fay", channel: Channel.Chat),
        };

        Assert.Equal(["ann", "bob", "cat"], receipts.Select(receipt => receipt.OperatorId));
        Assert.All(receipts, receipt => Assert.StartsWith("difficult customer: least difficulty load", receipt.Rule, StringComparison.Ordinal));
        var difficulty = (await center.Grains.GetGrain<ICustomerGrain>("dan").ProfileAsync()).Difficulty;
        Assert.True(difficulty >= RoutingPolicy.Default.DifficultFrom, $"dan's difficulty {difficulty} should make him difficult");
        foreach (var operatorId in (string[])["ann", "bob", "cat"])
        {
            var held = await center.GetOperatorAsync(operatorId);
            Assert.Single(held.Contacts);
            Assert.Equal(difficulty, held.DifficultyLoad, 6);
        }
    }

    [Fact]
    public async Task UnratedCustomersContactsFollowTheStrategyWithoutRegardToDifficultyLoad()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support", capacity: ThreeChats);
        await center.AdvanceAsync(TimeSpan.FromSeconds(1));
        await center.AddOperatorAsync("bob", "support", capacity: ThreeChats);
        await center.RateCustomerAsync("dan", Line.L2, literacy: 3, temperament: 1, times: 3);
        Assert.Equal("ann", (await center.CreateContactAsync("d1", "support", customer: "dan", channel: Channel.Chat)).OperatorId);

        var receipt = await center.CreateContactAsync("u1", "support", customer: "uma", channel: Channel.Chat);

        Assert.Equal("ann", receipt.OperatorId);
        Assert.Equal("longest idle", receipt.Rule);
    }
}
