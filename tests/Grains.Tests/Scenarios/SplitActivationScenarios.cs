using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Helpdesk.Grains.Tests.Scenarios;

/// <summary>
/// For a moment during a failover a contact can have two activations: one on a silo being declared dead, still creating
/// it, and one on a survivor. Two clusters on one database stand for the two silos.
/// </summary>
public sealed class SplitActivationScenarios
{
    private static readonly GrainId ContactId = GrainId.Create("contact", "call");

    /// <summary>A survivor that read the store before the creation wrote it does not answer "no such contact" for good.</summary>
    [Fact]
    public async Task AContactStoredAfterASurvivorFoundItMissingIsFoundThereOnTheNextCall()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("splitread");
        await using var survivor = await ContactCenter.StartAsync(connectionString: connectionString);
        await using var dying = await ContactCenter.StartAsync(connectionString: connectionString);
        await dying.AddDepartmentAsync("support");
        var early = await survivor.Grains.GetGrain<IContactGrain>("call").GetAsync();

        await dying.CreateContactAsync("call", "support");

        Assert.Equal(ReplyStatus.NotFound, early.Status);
        Assert.Equal(ContactStatus.Queued, (await survivor.GetContactAsync("call")).Status);
    }

    /// <summary>
    /// A department's offer of a contact that has no record yet claims the contact's id, so the creation still running
    /// elsewhere cannot store the contact whose placement was just undone: its write, made on a read of nothing, fails on
    /// the version, and its request is not acknowledged.
    /// </summary>
    [Fact]
    public async Task AnOfferOfAContactNotYetStoredKeepsItsLateCreationFromBeingStored()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("splitfence");
        await using var survivor = await ContactCenter.StartAsync(connectionString: connectionString);
        await survivor.AddDepartmentAsync("support");
        await survivor.AddOperatorAsync("ann", "support");
        var offer = new Placement("support", Line.L1, "ann", "longest idle", [], null);

        await survivor.Grains.GetGrain<IContactGrain>("call").OfferedAsync(offer);

        await ContactCenter.EventuallyAsync(() => StoredVersionAsync(survivor), version => version is not null, "the contact's id is claimed");
        var lateCreation = new GrainState<ContactState>(new ContactState { Request = new NewContact("cat", Channel.Phone, "late", "support", 3, null, 1) });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage(survivor).WriteStateAsync("contact", ContactId, lateCreation));
        Assert.Equal(ReplyStatus.NotFound, (await survivor.Grains.GetGrain<IContactGrain>("call").GetAsync()).Status);
    }

    private static IGrainStorage Storage(ContactCenter center) =>
        center.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("Default");

    private static async Task<string?> StoredVersionAsync(ContactCenter center)
    {
        var read = new GrainState<ContactState>(new ContactState());
        await Storage(center).ReadStateAsync("contact", ContactId, read);
        return read.ETag;
    }
}
