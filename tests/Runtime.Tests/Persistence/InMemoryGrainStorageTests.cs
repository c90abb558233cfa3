using Helpdesk.Runtime.Hosting;

namespace Helpdesk.Runtime.Tests.Persistence;

public sealed class InMemoryGrainStorageTests : GrainStorageConformance
{
    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UseInMemoryStorage();
}
