using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Balancing;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Api.Tests.Reports;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Board;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;
using Helpdesk.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Api.Tests.Board;

/// <summary>The wallboard in real headless Chromium against a real silo: what a supervisor sees, and what they do from it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallboardTests(Chromium chromium)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheBoardShowsASeededCenter(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "wallboard_seeded");
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ann", "l1", "billing");
        await server.CreateOperatorAsync("cy", "l2", "support");
        var held = await server.CreateContactAsync("cu-1", "billing");
        await server.CreateContactAsync("cu-2", "support");
        await server.CreateContactAsync("cu-3", "support");

        await using var board = await OpenAsync(server);

        await Expect(board.TileField("support", "queue")).ToContainTextAsync("2");
        await Expect(board.TileField("billing", "queue")).ToContainTextAsync("0");
        await Expect(board.TileField("billing", "busy")).ToContainTextAsync("1");
        await Expect(board.TileField("billing", "available")).ToContainTextAsync("0");
        await Expect(board.PersonField("ann", "presence")).ToContainTextAsync("vailable");
        await Expect(board.PersonField("ann", "holds")).ToContainTextAsync(held.Id);
        await Expect(board.PersonField("cy", "presence")).ToContainTextAsync("ffline");
        await Expect(board.PersonField("cy", "home")).ToContainTextAsync("support");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AContactCreatedThroughTheApiAppearsWithinASecond(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "wallboard_within_a_second");
        await server.CreateDepartmentAsync("support");
        await using var board = await OpenAsync(server);
        await Expect(board.TileField("support", "queue")).ToContainTextAsync("0");

        var receipt = await server.CreateContactAsync("cu-1", "support");

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        await Expect(board.TileField("support", "queue")).ToContainTextAsync("1", new() { Timeout = 1000 });
        await Expect(board.Tile("support")).ToContainTextAsync(receipt.Id, new() { Timeout = 1000 });
    }

    [Fact]
    public async Task TheTrendsOfTheMinutesBeforeShowTheMomentTheBoardOpens()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("support");
        await server.CreateContactAsync("cu-1", "support");
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        await Eventually.ReadAsync(() => server.GetOkAsync<BoardView>("/api/board"), view => view.Departments.Any(tile => tile.Load.QueueLength == 1), "support's waiting contact on the board");
        await BoardTests.MinutesOfTrendAsync(server, 3);
        await using var board = await OpenAsync(server);

        await Expect(board.Page.Locator("#chart-queue")).ToHaveAttributeAsync("aria-label", "Waiting over the last 2 minutes; now 1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DraggingAnOperatorOntoADepartmentLendsThem(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "wallboard_drag");
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ann", "l1", "billing");
        await using var board = await OpenAsync(server);

        await board.Person("ann").DragToAsync(board.Tile("support"));
        await board.Page.Locator("#lend-reason").FillAsync("support is swamped");
        await board.Page.GetByTestId("lend-dialog").GetByRole(AriaRole.Button, new() { Name = "Lend", Exact = true }).ClickAsync();

        await Expect(board.PersonField("ann", "serving")).ToContainTextAsync("support");
        var ann = await server.GetOperatorAsync("ann");
        Assert.Equal(("support", "support is swamped"), (ann.Loan?.Department, ann.Loan?.Reason));
    }

    [Fact]
    public async Task AnOperatorIsLentAndBroughtBackWithTheKeyboardAlone()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ann", "l1", "billing");
        await using var board = await OpenAsync(server);
        var keyboard = board.Page.Keyboard;

        await board.Person("ann").GetByRole(AriaRole.Button, new() { Name = "Lend" }).FocusAsync();
        await keyboard.PressAsync("Enter");
        await Expect(board.Page.Locator("#lend-department")).ToBeFocusedAsync();
        await board.Page.Locator("#lend-department").SelectOptionAsync("support");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("a surge in support");
        await keyboard.PressAsync("Enter");

        await Expect(board.PersonField("ann", "serving")).ToContainTextAsync("support");
        Assert.Equal("support", (await server.GetOperatorAsync("ann")).Loan?.Department);

        await board.Person("ann").GetByRole(AriaRole.Button, new() { Name = "Bring" }).FocusAsync();
        await keyboard.PressAsync("Enter");

        await Expect(board.PersonField("ann", "serving")).ToContainTextAsync("billing");
        Assert.Null((await server.GetOperatorAsync("ann")).Loan);
    }

    [Fact]
    public async Task AcceptingABalancerProposalMovesTheOperator()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await BalancerTests.SwampedSupportIdleBillingAsync(server);
        await server.PutOkAsync<BalancerSnapshot>("/api/balancer/mode", new { mode = "advise" });
        var proposal = Assert.Single((await server.PostOkAsync<BalancerSnapshot>("/api/balancer/round", new { })).Proposals);
        await using var board = await OpenAsync(server);

        var shown = board.Page.GetByTestId($"proposal-{proposal.Id}");
        await Expect(shown).ToContainTextAsync("gain");
        await shown.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Expect(board.PersonField(proposal.OperatorId, "serving")).ToContainTextAsync("support");
        Assert.Equal("support", (await server.GetOperatorAsync(proposal.OperatorId)).Loan?.Department);
        await Expect(board.Page.GetByTestId("balancer-moves")).ToContainTextAsync(proposal.OperatorId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnSlaViolationAppearsInTheAlertFeed(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "wallboard_alert");
        await server.CreateDepartmentAsync("support");
        await using var board = await OpenAsync(server);
        var at = DateTimeOffset.UtcNow;

        Assert.True(await server.AddViolationAsync(new SlaViolation("c-9:0:3", "c-9", ContactStatus.Queued, SlaDegree.Critical, null, "support", at, at.AddMinutes(-30), SlaAction.Redispatch)));

        var alert = board.AlertFeed.Locator("[data-type='sla-violation']");
        await Expect(alert).ToContainTextAsync("c-9");
        await Expect(alert).ToHaveAttributeAsync("data-degree", "critical");
    }

    [Fact]
    public async Task AnOperatorsOrAnIntegrationsKeyIsRefused()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ann", "l1", "support");
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var key in new[] { await server.KeyForAsync("operator", "ann", "ann"), await server.KeyForAsync("integration", "ivr") })
        {
            await page.GotoAsync(server.Client.BaseAddress!.ToString());
            await page.Locator("#sign-in-key").FillAsync(key);
            await page.Locator("#sign-in-key").PressAsync("Enter");

            await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("supervisors");
            await Expect(page.Locator("#board")).ToBeHiddenAsync();
        }

        await context.DisposeAsync();
    }

    /// <summary>axe-core finds nothing to fix on the board, nor in its lend dialog: labels, roles, contrast, names of controls.</summary>
    [Fact]
    public async Task AxeFindsNoAccessibilityViolationOnTheBoardOrItsDialog()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ann", "l1", "billing");
        await server.CreateContactAsync("cu-1", "billing");
        await server.CreateContactAsync("cu-2", "support");
        await using var board = await OpenAsync(server);
        await Expect(board.TileField("support", "queue")).ToContainTextAsync("1");

        var onBoard = await board.Page.RunAxe();
        await board.Person("ann").GetByRole(AriaRole.Button, new() { Name = "Lend" }).ClickAsync();
        await Expect(board.Page.GetByTestId("lend-dialog")).ToBeVisibleAsync();
        var inDialog = await board.Page.RunAxe();

        Assert.True(onBoard.Violations.Length == 0, Describe(onBoard));
        Assert.True(inDialog.Violations.Length == 0, Describe(inDialog));
    }

    private static string Describe(AxeResult result) =>
        string.Join("; ", result.Violations.Select(violation => $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target))}"));

    private async Task<BoardPage> OpenAsync(HelpdeskServer server) =>
        await BoardPage.OpenAsync(chromium, server.Client.BaseAddress!, await server.KeyForAsync("supervisor", "sue"));
}
