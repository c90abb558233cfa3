namespace Helpdesk.Api.Tests.Board;

/// <summary>
/// The browser tests run while no other test of the assembly loads the machine: one of them holds the board to a second,
/// and Chromium shares the cores with the silo it drives.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
